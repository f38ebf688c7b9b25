import { describe, expect, it } from 'vitest';
import { check, onlyHit, playbook } from '../helpers.ts';

const session = (gap: string) => `shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    mode: reverse\n    gaps:\n${gap}`;

describe('open-gap', () => {
  it('flags an open gap at its status, quoting what was found', () => {
    const d = onlyHit(check({ 'a.md': playbook(session('      - id: drain\n        found: Drained the queue.\n        status: open')) }), 'open-gap');
    expect([d.line, d.column, d.severity]).toEqual([13, 17, "warning"]);
    expect(d.message).toBe('gap `drain` found on 2026-10-02 is still open: `Drained the queue.`');
    expect(d.fix).toContain('status: documented');
  });
  it('leaves documented and wontfix gaps alone', () => {
    const diagnostics = check({ 'a.md': playbook(session('      - found: Restart it.\n        status: documented\n        step: 1\n      - found: Nice to have.\n        status: wontfix')) });
    expect(diagnostics.filter((d) => d.ruleId === 'open-gap')).toEqual([]);
  });
});
