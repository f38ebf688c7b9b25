/** schema, hash-comment, no-secrets, encoding, parse-limit: the parser finds them, these rules report them with severities and URLs. */
import { describe, expect, it } from 'vitest';
import { check, onlyHit, playbook } from '../helpers.ts';

describe('parser rules', () => {
  it('schema: an unknown key with "did you mean", as an error with a docs URL', () => {
    const d = onlyHit(check({ 'a.md': playbook('owners: sam') }), 'schema');
    expect([d.line, d.column, d.severity]).toEqual([5, 1, 'error']);
    expect(d.url).toMatch(/docs\/rules\/schema\.md$/);
  });
  it('schema: a file without frontmatter gets one concise finding and nothing else', () => {
    const diagnostics = check({ 'runbook.md': '# Disk full\n\nSome text without steps.\n' });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['schema']);
  });
  it('hash-comment: a warning at the `#`', () => {
    const d = onlyHit(check({ 'a.md': playbook('shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    mode: reverse\n    observed:\n      - Posted in #ops') }), 'hash-comment');
    expect([d.line, d.column, d.severity]).toEqual([11, 19, 'warning']);
  });
  it('no-secrets: an error, with the secret masked in the message', () => {
    const d = onlyHit(check({ 'a.md': playbook('', '1. Run `psql postgres://app:Sup3rS3cret@db/app`.') }), 'no-secrets');
    expect([d.line, d.column, d.severity]).toEqual([9, 29, 'error']);
    expect(JSON.stringify(d)).not.toContain('Sup3rS3cret');
  });
});
