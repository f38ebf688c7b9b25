/** unknown-playbook: valid and invalid cases, positions asserted. */
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
