/** foreign-syntax: valid and invalid cases, positions asserted. */
import { describe, expect, it } from 'vitest';
import { check, onlyHit, playbook } from '../helpers.ts';

describe('foreign-syntax', () => {
  it('reports once per file, with the count', () => {
    const d = onlyHit(check({ 'a.md': playbook('', '1. Restart.', '{% include a.html %}\n\n{{ page.title }}\n\n') }), 'foreign-syntax');
    expect([d.line, d.column]).toEqual([7, 1]);
    expect(d.message).toBe('`{% include a.html %}` is Liquid syntax, shown as plain text on this site (and 1 more in this file)');
  });
});
