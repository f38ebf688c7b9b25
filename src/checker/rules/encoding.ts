import { parserRule } from './model-diagnostics.ts';

/** A file that is not UTF-8 text. Found by the parser (src/core); see docs/rules/encoding.md. */
export const encoding = parserRule('encoding', 'A file that is not UTF-8 text', 'error');
