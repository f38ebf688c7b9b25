import { parserRule } from './model-diagnostics.ts';

/** A file too large or too deeply nested to parse safely. Found by the parser (src/core); see docs/rules/parse-limit.md. */
export const parseLimit = parserRule('parse-limit', 'A file too large or too deeply nested to parse safely', 'error');
