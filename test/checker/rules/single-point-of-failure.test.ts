/** single-point-of-failure: valid and invalid cases, positions asserted. */
import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

describe('single-point-of-failure', () => {
  const session = (mode: string, lead = 'alex', shadow = 'priya') => `shadowing:\n  - date: 2026-10-02\n    lead: ${lead}\n    shadow: ${shadow}\n    mode: ${mode}`;
  it('flags an active playbook only the owner has done, at owner', () => {
    const d = onlyHit(check({ 'a.md': playbook(session('shadow')) }), 'single-point-of-failure');
    expect([d.line, d.column, d.severity]).toEqual([4, 1, 'info']);
  });
  it('accepts a reverse session or a session led by someone else', () => {
    expect(hits(check({ 'a.md': playbook(session('reverse')) }), 'single-point-of-failure')).toEqual([]);
    expect(hits(check({ 'a.md': playbook(session('shadow', 'sam', 'priya')) }), 'single-point-of-failure')).toEqual([]);
  });
});
