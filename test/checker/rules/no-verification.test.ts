/** no-verification: valid and invalid cases, positions asserted. */
import { describe, expect, it } from 'vitest';
import { check, hits } from '../helpers.ts';

const frontmatter = (extra = '') => `---\ntitle: T\nsummary: S.\nowner: alex\n${extra}---\n\n`;

describe('no-verification', () => {
  it('flags a playbook with neither Verify nor a checking step, at its Steps heading', () => {
    expect(hits(check({ 'a.md': `${frontmatter()}## Steps\n\n1. Restart.\n` }), 'no-verification')).toEqual(['7:1']);
  });
  it('accepts a step that says how to tell', () => {
    expect(hits(check({ 'a.md': `${frontmatter()}## Steps\n\n1. Restart.\n2. Confirm the pods are Running.\n` }), 'no-verification')).toEqual([]);
  });
});
