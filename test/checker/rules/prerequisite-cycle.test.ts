/** prerequisite-cycle: valid and invalid cases, positions asserted. */
import { describe, expect, it } from 'vitest';
import { check, playbook } from '../helpers.ts';

describe('prerequisite-cycle', () => {
  it('names the whole cycle on every member', () => {
    const diagnostics = check({ 'a.md': playbook('prerequisites:\n  - playbook: b'), 'b.md': playbook('prerequisites:\n  - playbook: a') });
    expect(diagnostics.filter((d) => d.ruleId === 'prerequisite-cycle').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'content/a.md:6:15 prerequisites form a cycle: `a` → `b` → `a`',
      'content/b.md:6:15 prerequisites form a cycle: `a` → `b` → `a`',
    ]);
  });
});
