import { parserRule } from './model-diagnostics.ts';

/** A credential pasted into a playbook. Found by the parser (src/core); see docs/rules/no-secrets.md. */
export const noSecrets = parserRule('no-secrets', 'A credential pasted into a playbook', 'error');
