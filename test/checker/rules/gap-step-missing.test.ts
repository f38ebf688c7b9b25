import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

const gap = (step: string) => `shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    gaps:\n      - id: g\n        found: Restart the consumer.\n        status: documented\n        step: ${step}`;

describe('gap-step-missing', () => {
  it('flags a step number that does not exist, at the step value, listing the steps', () => {
    const d = onlyHit(check({ 'a.md': playbook(gap('99'), '1. Restart the consumer.\n2. Watch it.') }), 'gap-step-missing');
    expect([d.line, d.column, d.severity]).toEqual([13, 15, 'error']);
    expect(d.message).toBe('gap `g` is documented in step `99`, but there is no such step (steps are 1–2)');
  });
  it('accepts numbers, sub-step numbers and explicit ids', () => {
    for (const [ref, steps] of [['2', '1. a\n2. Restart the consumer.'], ['1.1', '1. a\n   1. Restart the consumer.'], ['restart', '1. Restart the consumer {#restart}']] as const) {
      expect(hits(check({ 'a.md': playbook(gap(ref), steps) }), 'gap-step-missing'), ref).toEqual([]);
    }
  });
});
