import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

describe('broken-link', () => {
  const target = playbook('', '1. Drain the queue {#drain}', '## Background\n\n');
  it.each([
    ['[x](missing.md)', 'points to `team/missing`, which is not a playbook'],
    ['[x](target.md#nope)', 'points to `#nope`, which `team/target` does not have'],
    ['[x](#nowhere)', 'points to no heading or step of this playbook'],
    ['[x](../../../etc/passwd.md)', 'leaves the content folder'],
    ['[x](/team/gone.md)', 'points to `team/gone`, which is not a playbook'],
    ['[x](javascript:alert(1))', 'uses a scheme the site removes'],
  ])('flags %s', (link, message) => {
    const d = onlyHit(check({ 'team/a.md': playbook('', '1. Restart.', `${link}\n\n`), 'team/target.md': target }), 'broken-link');
    expect([d.line, d.column, d.severity]).toEqual([7, 1, 'error']);
    expect(d.message).toContain(message);
  });
  it('accepts links to playbooks, their headings and steps, own anchors, and web links', () => {
    const links = '[a](target.md) [b](target.md#background) [c](target.md#drain) [d](#verify) [e](#step-1) [f](https://example.com/x.md) [g](mailto:a@b.c)\n\n';
    expect(hits(check({ 'team/a.md': playbook('', '1. Restart.', links), 'team/target.md': target }), 'broken-link')).toEqual([]);
  });
});
