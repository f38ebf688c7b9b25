import { corpusRule } from './model-diagnostics.ts';

/** A prerequisite on a deprecated playbook. Found when the corpus is built (src/core/corpus.ts); see docs/rules/deprecated-prerequisite.md. */
export const deprecatedPrerequisite = corpusRule('deprecated-prerequisite', 'A prerequisite on a deprecated playbook', 'warning');
