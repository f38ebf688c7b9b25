import { parserRule } from './model-diagnostics.ts';

/** Frontmatter that does not follow the format: missing or unknown fields, wrong types, invalid YAML. Found by the parser (src/core); see docs/rules/schema.md. */
export const schema = parserRule('schema', 'Frontmatter that does not follow the format: missing or unknown fields, wrong types, invalid YAML', 'error');
