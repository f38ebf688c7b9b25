/** deprecated-prerequisite: valid and invalid cases, positions asserted. */
import { describe, expect, it } from 'vitest';
import { check, onlyHit, playbook } from '../helpers.ts';

describe('deprecated-prerequisite', () => {
  it('warns about a prerequisite on a deprecated playbook', () => {
    const d = onlyHit(check({ 'a.md': playbook('prerequisites:\n  - playbook: old'), 'old.md': playbook('status: deprecated') }), 'deprecated-prerequisite');
    expect([d.line, d.column, d.severity]).toEqual([6, 15, 'warning']);
  });
});
