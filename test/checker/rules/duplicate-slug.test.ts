/** duplicate-slug: valid and invalid cases, positions asserted. */
import { describe, expect, it } from 'vitest';
import { check, playbook } from '../helpers.ts';

describe('duplicate-slug', () => {
  it('names both files', () => {
    const diagnostics = check({ 'a b.md': playbook(), 'a-b.md': playbook() });
    expect(diagnostics.filter((d) => d.ruleId === 'duplicate-slug').map((d) => d.file)).toEqual(['content/a b.md', 'content/a-b.md']);
  });
});
