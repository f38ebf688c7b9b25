import { parserRule } from './model-diagnostics.ts';

/** A `#` in an unquoted YAML value that turns the rest into a comment. Found by the parser (src/core); see docs/rules/hash-comment.md. */
export const hashComment = parserRule('hash-comment', 'A `#` in an unquoted YAML value that turns the rest into a comment', 'warning');
