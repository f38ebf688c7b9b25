import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

const gap = (found: string) => `shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    gaps:\n      - found: ${found}\n        status: documented\n        step: 1`;

describe('gap-not-covered', () => {
  it('flags a documented gap whose step shares no word with it', () => {
    const d = onlyHit(check({ 'a.md': playbook(gap('Priya drained the queue first.'), '1. Restart the consumer.') }), 'gap-not-covered');
    expect([d.line, d.column]).toEqual([12, 15]);
    expect(d.message).toContain('step 1');
  });
  it('accepts a step that names the thing, in another form of the word, in its code or sub-steps', () => {
    expect(hits(check({ 'a.md': playbook(gap('Drained the queue.'), '1. Drain the queue first.') }), 'gap-not-covered')).toEqual([]);
    expect(hits(check({ 'a.md': playbook(gap('Ran pg_dump on the replica.'), '1. Back up:\n\n   ```sh\n   pg_dump -h billing-replica-1 billing\n   ```') }), 'gap-not-covered')).toEqual([]);
    expect(hits(check({ 'a.md': playbook(gap('Drained the queue.'), '1. Prepare.\n   1. Drain the queue.') }), 'gap-not-covered')).toEqual([]);
  });
});
