/** no-secrets: a credential written into a playbook, masked in the finding. */
import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

describe('no-secrets', () => {
  it('flags a password in a connection string as an error, with the secret masked', () => {
    const d = onlyHit(check({ 'a.md': playbook('', '1. Run `psql postgres://app:Sup3rS3cret@db/app`.') }), 'no-secrets');
    expect([d.line, d.column, d.severity]).toEqual([9, 29, 'error']);
    expect(JSON.stringify(d)).not.toContain('Sup3rS3cret');
  });
  it('accepts a connection string that takes the password from the environment', () => {
    expect(hits(check({ 'a.md': playbook('', '1. Run `psql postgres://app@db/app` with `PGPASSWORD` set.') }), 'no-secrets')).toEqual([]);
  });
});
