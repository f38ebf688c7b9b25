/** no-steps, no-verification, stale-review, single-point-of-failure, foreign-syntax, unsafe-html. */
import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

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

describe('no-verification', () => {
  it('flags a playbook with neither Verify nor a checking step, at its Steps heading', () => {
    expect(hits(check({ 'a.md': `${frontmatter()}## Steps\n\n1. Restart.\n` }), 'no-verification')).toEqual(['7:1']);
  });
  it('accepts a step that says how to tell', () => {
    expect(hits(check({ 'a.md': `${frontmatter()}## Steps\n\n1. Restart.\n2. Confirm the pods are Running.\n` }), 'no-verification')).toEqual([]);
  });
});

describe('stale-review', () => {
  it('flags last_reviewed older than 180 days at the key, with the age', () => {
    const d = onlyHit(check({ 'a.md': playbook('last_reviewed: 2026-01-01') }), 'stale-review');
    expect([d.line, d.column]).toEqual([5, 1]);
    expect(d.data?.['days']).toBe(327);
  });
  it('uses the configured days and skips deprecated playbooks', () => {
    expect(hits(check({ 'a.md': playbook('last_reviewed: 2026-10-01') }, { staleDays: 30 }), 'stale-review')).toEqual(['5:1']);
    expect(hits(check({ 'a.md': playbook('last_reviewed: 2020-01-01\nstatus: deprecated') }), 'stale-review')).toEqual([]);
  });
});

describe('single-point-of-failure', () => {
  const session = (mode: string, lead = 'alex', shadow = 'priya') => `shadowing:\n  - date: 2026-10-02\n    lead: ${lead}\n    shadow: ${shadow}\n    mode: ${mode}`;
  it('flags an active playbook only the owner has done, at owner', () => {
    const d = onlyHit(check({ 'a.md': playbook(session('shadow')) }), 'single-point-of-failure');
    expect([d.line, d.column, d.severity]).toEqual([4, 1, 'info']);
  });
  it('accepts a reverse session or a session led by someone else', () => {
    expect(hits(check({ 'a.md': playbook(session('reverse')) }), 'single-point-of-failure')).toEqual([]);
    expect(hits(check({ 'a.md': playbook(session('shadow', 'sam', 'priya')) }), 'single-point-of-failure')).toEqual([]);
  });
});

describe('foreign-syntax', () => {
  it('reports once per file, with the count', () => {
    const d = onlyHit(check({ 'a.md': playbook('', '1. Restart.', '{% include a.html %}\n\n{{ page.title }}\n\n') }), 'foreign-syntax');
    expect([d.line, d.column]).toEqual([7, 1]);
    expect(d.message).toBe('`{% include a.html %}` is Liquid syntax, shown as plain text on this site (and 1 more in this file)');
  });
});

describe('unsafe-html', () => {
  it('says which raw HTML the site removes', () => {
    const diagnostics = check({ 'a.md': playbook('', '1. Restart.', '<img src=x onerror=alert(1)>\n\n<details><summary>x</summary>y</details>\n\n') });
    expect(hits(diagnostics, 'unsafe-html')).toEqual(['7:1']);
  });
});
