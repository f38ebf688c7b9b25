import { parserRule } from './model-diagnostics.ts';

/** Frontmatter keys of another generator (`weight`, `layout`): kept and ignored, named once per file. Found by the parser; see docs/rules/unknown-key.md. */
export const unknownKey = parserRule('unknown-key', 'Frontmatter keys the format does not use (kept and ignored)', 'info');
