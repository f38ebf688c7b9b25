import { parserRule } from './model-diagnostics.ts';

/** A code fence that is never closed and swallows the rest of the file. Found by the parser (src/core); see docs/rules/unclosed-code-fence.md. */
export const unclosedCodeFence = parserRule('unclosed-code-fence', 'A code fence that is never closed, turning the rest of the file into code', 'error');
