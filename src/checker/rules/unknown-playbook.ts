import { corpusRule } from './model-diagnostics.ts';

/** A prerequisite that names a playbook that does not exist. Found when the corpus is built (src/core/corpus.ts); see docs/rules/unknown-playbook.md. */
export const unknownPlaybook = corpusRule('unknown-playbook', 'A prerequisite that names a playbook that does not exist', 'error');
