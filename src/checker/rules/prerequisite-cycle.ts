import { corpusRule } from './model-diagnostics.ts';

/** Prerequisites that form a cycle, so nobody can start from zero. Found when the corpus is built (src/core/corpus.ts); see docs/rules/prerequisite-cycle.md. */
export const prerequisiteCycle = corpusRule('prerequisite-cycle', 'Prerequisites that form a cycle, so nobody can start from zero', 'error');
