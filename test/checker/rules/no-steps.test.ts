/** no-steps: valid and invalid cases, positions asserted. */
import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit } from '../helpers.ts';

const frontmatter = (extra = '') => `---\ntitle: T\nsummary: S.\nowner: alex\n${extra}---\n\n`;

describe('no-steps', () => {
  it.each([
    ['Just prose.\n', 'no `## Steps` section', 7, 1],
    ['## Steps\n\n- a\n- b\n', '`## Steps` holds a bullet list', 7, 1],
    ['## Steps\n\n### One\n\nDo it.\n', '`## Steps` holds headings', 7, 1],
    ['## Steps\n\n## Verify\n\nOK.\n', '`## Steps` is empty', 7, 1],
  ])('explains how to write steps when the body is %j', (body, message, line, column) => {
    const d = onlyHit(check({ 'a.md': frontmatter() + body }), 'no-steps');
    expect(d.message).toContain(message);
    expect([d.line, d.column]).toEqual([line, column]);
    expect(d.fix).toContain('ordered list');
  });
  it('flags a second Steps section', () => {
    expect(hits(check({ 'a.md': `${frontmatter()}## Steps\n\n1. a\n\n## Steps\n\n1. b\n\n## Verify\n\nok\n` }), 'no-steps')).toEqual(['11:1']);
  });
});
