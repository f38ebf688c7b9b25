/** unsafe-html: valid and invalid cases, positions asserted. */
import { describe, expect, it } from 'vitest';
import { check, hits, playbook } from '../helpers.ts';

describe('unsafe-html', () => {
  it('says which raw HTML the site removes', () => {
    const diagnostics = check({ 'a.md': playbook('', '1. Restart.', '<img src=x onerror=alert(1)>\n\n<details><summary>x</summary>y</details>\n\n') });
    expect(hits(diagnostics, 'unsafe-html')).toEqual(['7:1']);
  });
});
