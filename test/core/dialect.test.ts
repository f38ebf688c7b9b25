/** Reading the runbooks teams already have: other generators' keys, headings, callouts, file names and link forms. */
import { describe, expect, it } from 'vitest';
import { isStepsHeading, playbookExtensionOf, reviewIntervalDays } from '../../src/core/dialect.ts';
import { resolveLink } from '../../src/core/links.ts';
import { parseDocument, parsePlaybook } from '../../src/core/parse.ts';
import { renderPlaybookHtml } from '../../src/core/render.ts';
import { slugOf } from '../../src/core/slug.ts';
import { isNonPlaybookFile } from '../../src/core/load.ts';

const doc = (frontmatter: string, body: string, path = 'ops/page.md') => parsePlaybook(`content/${path}`, `---\n${frontmatter}\n---\n\n${body}`, { path });

describe('other generators frontmatter', () => {
  it('reads aliases as the format keys, at the places they are written', () => {
    const p = doc('title: Rotate\ndescription: Rotate the   keys.\nowner: alex\nlast_reviewed_on: 2026-01-02\nreview_in: 6 months\nkeywords: pki, certs', '## Steps\n\n1. Rotate.\n');
    expect(p.valid).toBe(true);
    expect(p.meta).toMatchObject({ summary: 'Rotate the keys.', last_reviewed: '2026-01-02', review_every: '6 months', tags: ['pki', 'certs'] });
    expect(p.reviewEveryDays).toBe(180);
    expect(p.tags).toEqual(['pki', 'certs']);
    const bad = doc('title: T\ndescription: S.\nowner: alex\nlast_reviewed_on: 2026-13-45', '');
    expect(bad.findings.find((f) => f.ruleId === 'schema')).toMatchObject({ line: 5, message: expect.stringContaining('last_reviewed') });
  });
  it('names keys it does not use once, keeps typos as errors with a suggestion', () => {
    const p = doc('title: T\nsummary: S.\nowner: alex\nweight: 30\nlayout: runbook\nowners: [a]', '');
    const unknown = p.findings.filter((f) => f.ruleId === 'unknown-key');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ line: 5, column: 1, data: { keys: ['weight', 'layout'] } });
    expect(p.findings.some((f) => f.ruleId === 'schema' && /did you mean `owner`/.test(f.message))).toBe(true);
  });
  it('reads review intervals written in days, weeks, months, years', () => {
    expect([90, '90', '90 days', '3 weeks', '6 months', '1 year', 'soon'].map(reviewIntervalDays)).toEqual([90, 90, 90, 21, 180, 365, undefined]);
  });
});

describe('steps under the headings teams use', () => {
  it.each(['Steps', 'Steps to roll back', 'Resolution steps', 'Steps for the on-call lead', '2. Steps', 'Procedure', 'Mitigation'])('%s holds steps', (heading) => expect(isStepsHeading(heading)).toBe(true));
  it.each(['Verify', 'Background', 'Why these steps matter to everyone on the team today'])('%s does not', (heading) => expect(isStepsHeading(heading)).toBe(false));
  it('reads several procedures, each with its own numbering and anchors', () => {
    const p = doc('title: T\nsummary: S.\nowner: a', '## Steps\n\n1. Deploy.\n2. Watch.\n\n### Steps to roll back\n\n1. Roll back {#back}\n2. Tell the channel.\n');
    expect(p.steps.map((s) => s.anchor)).toEqual(['step-1', 'step-2']);
    expect(p.procedures.map((procedure) => [procedure.heading.text, procedure.steps.map((s) => s.anchor)])).toEqual([['Steps to roll back', ['back', 'steps-to-roll-back-step-2']]]);
  });
});

describe('callouts and headings of other dialects', () => {
  const render = (body: string) => {
    const { playbook, tree } = parseDocument('content/a.md', `---\ntitle: A\nsummary: S.\nowner: a\n---\n\n${body}`, { path: 'a.md' });
    return { playbook, html: renderPlaybookHtml(playbook, tree, {}) };
  };
  it('renders MkDocs admonitions, Docusaurus containers and GitHub alerts as callouts', () => {
    const { html, playbook } = render('!!! warning "Drain first"\n    Drain the node.\n\n:::tip\nUse staging.\n:::\n\n> [!CAUTION]\n> Not on Fridays.\n');
    expect(html).toContain('<aside class="callout callout-warning" role="note"><p class="callout-title">Drain first</p>');
    expect(html).toContain('<aside class="callout callout-tip" role="note"><p class="callout-title">Tip</p>');
    expect(html).toContain('<aside class="callout callout-caution" role="note"><p class="callout-title">Caution</p>');
    expect(html).not.toMatch(/!!!|:::|\[!CAUTION\]/);
    expect(playbook.foreign).toEqual([]);
  });
  it('keeps file positions inside callouts', () => {
    const { playbook } = render(':::note\nSee [x](missing.md) now.\n:::\n\n!!! note\n    And [y](gone.md).\n');
    expect(playbook.links.map((l) => [l.url, l.place.start.line, l.place.start.column])).toEqual([['missing.md', 8, 5], ['gone.md', 12, 9]]);
  });
  it('reads `###Heading` without a space, keeping its place', () => {
    const { playbook } = render('###Before you start\n\nText.\n');
    expect(playbook.headings[0]).toMatchObject({ text: 'Before you start', depth: 3, place: { start: { line: 7, column: 1 } } });
  });
  it('drops a body H1 that repeats the title or is a template tag', () => {
    expect(render('# A\n\nText.\n').html).not.toContain('<h1');
    expect(render('# <%= current_page.data.title %>\n\nText.\n').html).not.toContain('<h1');
    expect(render('# Another title\n\nText.\n').html).toContain('<h1');
  });
});

describe('titles, file names and folder pages', () => {
  it('titles: frontmatter, else the first H1, else the first heading (never a template tag), else the file name made readable', () => {
    expect(parsePlaybook('x.md', '# <%= title %>\n\n## Rotate keys\n', { path: 'ops/x.md' }).displayTitle).toBe('Rotate keys');
    expect(parsePlaybook('x.md', 'Just text.\n', { path: 'ops/rotate_pager-keys.html.md.erb' }).displayTitle).toBe('Rotate pager keys');
    expect(parsePlaybook('x.md', 'Text.\n', { path: 'ops/index.md' }).displayTitle).toBe('Ops');
  });
  it('slugs drop double extensions; index and README are their folder page; the root README is not a playbook', () => {
    expect(slugOf('ops/rotate-keys.html.md.erb')).toBe('ops/rotate-keys');
    expect(slugOf('ops/index.md')).toBe('ops');
    expect(slugOf('ops/team/README.md')).toBe('ops/team');
    expect(isNonPlaybookFile('README.md')).toBe(true);
    expect(isNonPlaybookFile('ops/README.md')).toBe(false);
    expect(isNonPlaybookFile('LICENSE.md')).toBe(true);
    expect(playbookExtensionOf('a.html.md.erb')).toBe('.html.md.erb');
    expect(playbookExtensionOf('notes.txt')).toBeUndefined();
  });
  it('links in the old site URL form reach the playbook they meant', () => {
    const context = { slugs: new Set(['ops/rotate-certificates', 'ops']), files: new Set(['ops/diagram']) };
    expect(resolveLink('ops/a.md', '/ops/rotate-certificates.html#before-you-start', context)).toMatchObject({ kind: 'playbook', slug: 'ops/rotate-certificates', anchor: 'before-you-start' });
    expect(resolveLink('ops/a.md', 'rotate-certificates', context)).toMatchObject({ kind: 'playbook', slug: 'ops/rotate-certificates' });
    expect(resolveLink('ops/a.md', 'rotate-certificates.md/#steps', context)).toMatchObject({ kind: 'playbook', slug: 'ops/rotate-certificates', anchor: 'steps' });
    expect(resolveLink('ops/a.md', '../ops/', context)).toMatchObject({ kind: 'playbook', slug: 'ops' });
    expect(resolveLink('ops/a.md', 'diagram', context)).toMatchObject({ kind: 'file', path: 'ops/diagram' });
    expect(resolveLink('ops/a.md', 'nowhere.html', context)).toMatchObject({ kind: 'file' });
    // Relative to the page's own URL (the old site served ops/a.md at /ops/a/), under a template root, or under a prefix.
    const deeper = { slugs: new Set(['tools/slack', 'tools/slack/guidelines', 'tools', 'pages/software']) };
    expect(resolveLink('tools/slack.md', 'guidelines/', deeper)).toMatchObject({ kind: 'playbook', slug: 'tools/slack/guidelines' });
    expect(resolveLink('tools/slack.md', '../', deeper)).toMatchObject({ kind: 'playbook', slug: 'tools' });
    expect(resolveLink('tools/slack.md', '{{ site.baseurl }}/software/', deeper)).toMatchObject({ kind: 'playbook', slug: 'pages/software' });
  });
  it('links to the old site URLs of a page (permalink, redirect_from), to its root, and to headings by other slug styles', () => {
    const context = { slugs: new Set(['pages/tools/tock']), urls: new Map([['/tock', 'pages/tools/tock']]) };
    expect(resolveLink('pages/a.md', '/tock/', context)).toMatchObject({ kind: 'playbook', slug: 'pages/tools/tock' });
    expect(resolveLink('pages/a.md', '/#tools', context)).toEqual({ kind: 'home', anchor: 'tools' });
    const p = doc('title: T\nsummary: S.\nowner: a\npermalink: /tock/\nredirect_from:\n  - /old-tock/', "## Using the hours you've earned\n\n## M&IE rates\n");
    expect(p.legacyUrls).toEqual(['/tock/', '/old-tock/']);
    expect(p.headings.map((h) => [h.id, h.aliases])).toEqual([['using-the-hours-youve-earned', ['using-the-hours-you-ve-earned']], ['mie-rates', ['m-and-ie-rates']]]);
  });
  it('reads an explicit heading id `{#id}` (kramdown, Pandoc, attr_list)', () => {
    const p = doc('title: T\nsummary: S.\nowner: a', '## Set up {#set-up-phase}\n\nText.\n');
    expect(p.headings[0]).toMatchObject({ text: 'Set up', id: 'set-up-phase' });
  });
});
