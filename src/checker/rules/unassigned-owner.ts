import { parserRule } from './model-diagnostics.ts';

/** `owner: unassigned`, written by `playbook import` when it found nobody. Found by the parser; see docs/rules/unassigned-owner.md. */
export const unassignedOwner = parserRule('unassigned-owner', 'A playbook nobody owns yet (`owner: unassigned`, left by import)', 'warning');
