/** schema: the parser's frontmatter findings, reported as errors with a docs URL. */
import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

describe('schema', () => {
  it('accepts a well-formed playbook', () => {
    expect(hits(check({ 'a.md': playbook() }), 'schema')).toEqual([]);
  });
  it('flags an unknown key with "did you mean", as an error with a docs URL', () => {
    const d = onlyHit(check({ 'a.md': playbook('owners: sam') }), 'schema');
    expect([d.line, d.column, d.severity]).toEqual([5, 1, 'error']);
    expect(d.url).toMatch(/docs\/rules\/schema\.md$/);
  });
  it('gives a file without frontmatter one concise finding and nothing else', () => {
    const diagnostics = check({ 'runbook.md': '# Disk full\n\nSome text without steps.\n' });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['schema']);
  });
  it('can be turned off in config', () => {
    expect(hits(check({ 'a.md': playbook('owners: sam') }, { rules: { schema: 'off' } }), 'schema')).toEqual([]);
  });
});
