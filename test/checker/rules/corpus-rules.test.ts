/** unknown-playbook, prerequisite-cycle, deprecated-prerequisite, duplicate-slug, unreadable-file: the corpus finds them, these rules report them. */
import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

describe('unknown-playbook', () => {
  it('flags a prerequisite to a missing playbook at its value, suggesting a close one', () => {
    const d = onlyHit(check({ 'a.md': playbook('prerequisites:\n  - playbook: vpn'), 'access/vpn.md': playbook() }), 'unknown-playbook');
    expect([d.line, d.column, d.severity]).toEqual([6, 15, 'error']);
    expect(d.message).toBe('prerequisite `vpn` is not a playbook in the content folder; did you mean `access/vpn`?');
  });
  it('also checks install/request/learn values written as slugs', () => {
    expect(hits(check({ 'a.md': playbook('prerequisites:\n  - access: VPN\n    request: access/request-vpn') }), 'unknown-playbook')).toEqual(['7:14']);
  });
});

describe('prerequisite-cycle', () => {
  it('names the whole cycle on every member', () => {
    const diagnostics = check({ 'a.md': playbook('prerequisites:\n  - playbook: b'), 'b.md': playbook('prerequisites:\n  - playbook: a') });
    expect(diagnostics.filter((d) => d.ruleId === 'prerequisite-cycle').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'content/a.md:6:15 prerequisites form a cycle: `a` → `b` → `a`',
      'content/b.md:6:15 prerequisites form a cycle: `a` → `b` → `a`',
    ]);
  });
});

describe('deprecated-prerequisite', () => {
  it('warns about a prerequisite on a deprecated playbook', () => {
    const d = onlyHit(check({ 'a.md': playbook('prerequisites:\n  - playbook: old'), 'old.md': playbook('status: deprecated') }), 'deprecated-prerequisite');
    expect([d.line, d.column, d.severity]).toEqual([6, 15, 'warning']);
  });
});

describe('duplicate-slug', () => {
  it('names both files', () => {
    const diagnostics = check({ 'a b.md': playbook(), 'a-b.md': playbook() });
    expect(diagnostics.filter((d) => d.ruleId === 'duplicate-slug').map((d) => d.file)).toEqual(['content/a b.md', 'content/a-b.md']);
  });
});
