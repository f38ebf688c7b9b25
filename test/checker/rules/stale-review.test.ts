/** stale-review: valid and invalid cases, positions asserted. */
import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

describe('stale-review', () => {
  it('flags last_reviewed older than 180 days at the key, with the age', () => {
    const d = onlyHit(check({ 'a.md': playbook('last_reviewed: 2026-01-01') }), 'stale-review');
    expect([d.line, d.column]).toEqual([5, 1]);
    expect(d.data?.['days']).toBe(327);
  });
  it('uses the configured days and skips deprecated playbooks', () => {
    expect(hits(check({ 'a.md': playbook('last_reviewed: 2026-10-01') }, { staleDays: 30 }), 'stale-review')).toEqual(['5:1']);
    expect(hits(check({ 'a.md': playbook('last_reviewed: 2020-01-01\nstatus: deprecated') }), 'stale-review')).toEqual([]);
  });
});
