/** hash-comment: an unquoted ` #` in a frontmatter value that YAML reads as a comment (FORMAT.md F15). */
import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

const session = (observed: string) => `shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    mode: reverse\n    observed:\n      - ${observed}`;

describe('hash-comment', () => {
  it('flags the `#` that cut a value short, as a warning', () => {
    const d = onlyHit(check({ 'a.md': playbook(session('Posted in #ops')) }), 'hash-comment');
    expect([d.line, d.column, d.severity]).toEqual([11, 19, 'warning']);
  });
  it('accepts a quoted value', () => {
    expect(hits(check({ 'a.md': playbook(session('"Posted in #ops"')) }), 'hash-comment')).toEqual([]);
  });
});
