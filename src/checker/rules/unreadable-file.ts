import { corpusRule } from './model-diagnostics.ts';

/** A file in the content folder that cannot be read, or a symlink leaving it. Found when the corpus is built (src/core/corpus.ts); see docs/rules/unreadable-file.md. */
export const unreadableFile = corpusRule('unreadable-file', 'A file in the content folder that cannot be read, or a symlink leaving it', 'error');
