import { corpusRule } from './model-diagnostics.ts';

/** Two files that would have the same URL. Found when the corpus is built (src/core/corpus.ts); see docs/rules/duplicate-slug.md. */
export const duplicateSlug = corpusRule('duplicate-slug', 'Two files that would have the same URL', 'error');
