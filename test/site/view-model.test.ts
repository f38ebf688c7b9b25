import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/core/corpus.ts';
import { parseDocument, parsePlaybook } from '../../src/core/parse.ts';
import { renderPlaybookHtml } from '../../src/core/render.ts';
import { labelLines, layoutGraph } from '../../src/site/graph-layout.ts';
import { normaliseBase } from '../../src/settings/resolve.ts';
import { coachingRows, peopleOf, sitePlaybook, LIST_LIMIT, type SitePlaybook } from '../../src/site/view-model.ts';

function playbook(path: string, extra = '', steps = '1. Do it {#do-it}\n2. Check it.') {
  return parsePlaybook(`content/${path}`, `---\ntitle: ${path}\nsummary: S.\nowner: alex\n${extra}---\n\n## Steps\n\n${steps}\n`, { path });
}

const session = (lead: string, shadow: string, mode = 'shadow') => `  - date: 2026-10-01\n    lead: ${lead}\n    shadow: ${shadow}\n    mode: ${mode}\n`;

describe('site view model', () => {
  const corpus = buildCorpus([
    playbook('a.md', `prerequisites:\n  - playbook: b\n  - tool: kubectl\n    install: c\nshadowing:\n${session('alex', 'priya')}    gaps:\n      - found: Drained <the> queue.\n        status: documented\n        step: do-it\n`),
    playbook('b.md', `prerequisites:\n  - playbook: c\nshadowing:\n${session('priya', 'jordan', 'reverse')}`),
    playbook('c.md'),
  ]);
  const options = { base: '/pb/', now: new Date('2026-11-24'), staleDays: 180, editUrl: 'https://git.example.com/edit/{path}' };

  it('gives a playbook page everything it shows, linked under the base path', () => {
    const view = sitePlaybook(corpus.bySlug.get('a')!, corpus, [], '', options);
    expect(view.href).toBe('/pb/a/');
    expect(view.startFromZero.map((r) => r.slug)).toEqual(['c', 'b']);
    expect(view.startFromZeroTotal).toBe(2);
    expect(view.prerequisites).toEqual([
      { kind: 'playbook', value: 'b.md', href: '/pb/b/' },
      { kind: 'tool', value: 'kubectl', how: 'c.md', howHref: '/pb/c/' },
    ]);
    expect(view.gaps[0]).toMatchObject({ status: 'documented', stepAnchor: 'user-content-do-it' });
    expect(view.editHref).toBe('https://git.example.com/edit/content/a.md');
    expect(view.onlyOwnerHasDoneIt).toBe(true);
    expect(sitePlaybook(corpus.bySlug.get('c')!, corpus, [], '', options).usedBy.map((r) => r.slug)).toEqual(['a', 'b']);
  });

  it('caps long lists so that pages stay small, keeping the closest prerequisites', () => {
    const chain = Array.from({ length: 60 }, (_, i) => playbook(`p${i}.md`, i < 59 ? `prerequisites:\n  - playbook: p${i + 1}\n` : ''));
    const big = buildCorpus(chain);
    const view = sitePlaybook(big.bySlug.get('p0')!, big, [], '', options);
    expect(view.startFromZeroTotal).toBe(59);
    expect(view.startFromZero).toHaveLength(LIST_LIMIT);
    expect(view.startFromZero.at(-1)!.slug).toBe('p1');
  });

  it('marks gaps on their steps after the step text, as text (no replacement patterns, no markup)', () => {
    const text = `---\ntitle: A\nsummary: S.\nowner: alex\nshadowing:\n${session('alex', 'priya')}    gaps:\n      - found: Drained <the> queue, then $& and $1 and $\`.\n        status: open\n        step: do-it\n---\n\n## Steps\n\n1. Do it {#do-it}\n2. Check it.\n`;
    const { playbook: parsed, tree } = parseDocument('content/a.md', text, { path: 'a.md' });
    const html = renderPlaybookHtml(parsed, tree, { base: '/pb/' });
    expect(html).toMatch(/<li id="user-content-do-it"[^>]*>Do it\s*<div class="gap-marker open" role="note"><strong>Open gap<\/strong> \(2026-10-01\): Drained &#x3C;the> queue, then \$&#x26; and \$1 and \$`\.<\/div>/);
    expect(html.match(/gap-marker/g)).toHaveLength(1);
    expect(html.match(/Do it/g)).toHaveLength(1);
  });

  it('knows people and the coaching tree', () => {
    const views = corpus.playbooks.map((p) => sitePlaybook(p, corpus, [], '', options));
    const people = peopleOf(views);
    expect(people.map((p) => [p.handle, p.owns.length, p.led.length, p.shadowed.length, p.taught])).toEqual([
      ['alex', 3, 1, 0, ['priya']],
      ['jordan', 0, 0, 1, []],
      ['priya', 0, 1, 1, ['jordan']],
    ]);
    expect(coachingRows(people).rows.map((r) => `${'  '.repeat(r.depth)}${r.handle}`)).toEqual(['alex', '  priya', '    jordan']);
  });

  const views = (sessions: [string, string][]): SitePlaybook[] => {
    const text = `shadowing:\n${sessions.map(([lead, shadow]) => session(lead, shadow)).join('')}`;
    const one = buildCorpus([playbook('x.md', text)]);
    return [sitePlaybook(one.playbooks[0]!, one, [], '', options)];
  };

  it('the coaching tree shows every teaching relation, agreeing with the table', () => {
    const people = peopleOf(views([['alex', 'priya'], ['sam', 'priya'], ['priya', 'jordan']]));
    const rows = coachingRows(people).rows.map((r) => `${'  '.repeat(r.depth)}${r.handle}${r.repeat ? ' (again)' : ''}`);
    expect(rows).toEqual(['alex', '  priya', '    jordan', 'sam', '  priya (again)']);
    const relations = coachingRows(people).rows.filter((r) => r.depth > 0).length;
    expect(relations).toBe(people.reduce((sum, p) => sum + p.taught.length, 0));
    expect(people.find((p) => p.handle === 'priya')!.taughtBy).toEqual(['alex', 'sam']);
  });

  it('a 3,000-person teaching chain and a teaching cycle neither recurse nor loop', () => {
    const chain = Array.from({ length: 3000 }, (_, i) => [`p${i}`, `p${i + 1}`] as [string, string]);
    const people = peopleOf(views(chain));
    const { rows, total } = coachingRows(people, 150);
    expect(rows).toHaveLength(150);
    expect(total).toBe(3001);
    const cycle = coachingRows(peopleOf(views([['a', 'b'], ['b', 'a']])));
    expect(cycle.rows.map((r) => `${r.depth}${r.handle}${r.repeat ? '*' : ''}`)).toEqual(['0a', '1b', '2a*']);
  });

  it('handles that slug alike get pages of their own', () => {
    const people = peopleOf(views([['alex.smith', 'alexsmith'], ['Alex Smith', 'priya']]));
    const slugs = people.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(people.filter((p) => /smith/i.test(p.handle)).map((p) => p.slug).sort()).toEqual(['alex-smith', 'alexsmith', 'alexsmith-2']);
  });

  it('lays out the graph with dagre, prerequisites before what needs them', () => {
    const graph = layoutGraph([
      { slug: 'a', title: 'A', href: '/a/', status: 'active', openGaps: 0, needs: ['b'] },
      { slug: 'b', title: 'B', href: '/b/', status: 'active', openGaps: 1, needs: [] },
      { slug: 'lonely', title: 'Lonely', href: '/l/', status: 'active', openGaps: 0, needs: [] },
    ]);
    const x = Object.fromEntries(graph.nodes.map((n) => [n.slug, n.x]));
    expect(x['b']!).toBeLessThan(x['a']!);
    expect(graph.edges).toHaveLength(1);
    expect(graph.isolated.map((n) => n.slug)).toEqual(['lonely']);
  });

  it('a graph with no prerequisite relation has no drawing, never an SVG of size -Infinity', () => {
    const graph = layoutGraph([
      { slug: 'a', title: 'A', href: '/a/', status: 'active', openGaps: 0, needs: [] },
      { slug: 'b', title: 'B', href: '/b/', status: 'active', openGaps: 0, needs: ['no-such-playbook'] },
    ]);
    expect(graph).toMatchObject({ width: 0, height: 0, nodes: [], edges: [] });
    expect(graph.isolated.map((n) => n.slug)).toEqual(['a', 'b']);
    expect(layoutGraph([])).toMatchObject({ width: 0, height: 0 });
  });

  it('the drawing covers every node and edge, and labels take two lines at most', () => {
    const chain = Array.from({ length: 12 }, (_, i) => ({ slug: `p${i}`, title: `Playbook number ${i} with a rather long title indeed`, href: `/p${i}/`, status: 'active', openGaps: 0, needs: i > 0 ? [`p${i - 1}`, 'p0'] : [] }));
    const graph = layoutGraph(chain);
    for (const node of graph.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.x + node.width).toBeLessThanOrEqual(graph.width);
      expect(node.y + node.height).toBeLessThanOrEqual(graph.height);
    }
    for (const edge of graph.edges) for (const [, x, y] of edge.path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) {
      expect(Number(x)).toBeGreaterThanOrEqual(0);
      expect(Number(x)).toBeLessThanOrEqual(graph.width);
      expect(Number(y)).toBeLessThanOrEqual(graph.height);
    }
    expect(labelLines('Fail over the orders Postgres primary')).toEqual(['Fail over the orders', 'Postgres primary']);
    expect(labelLines('Set up a new laptop for the finance team in the Berlin office')).toEqual(['Set up a new laptop for', 'the finance team in the…']);
    expect(labelLines('Short')).toEqual(['Short']);
  });

  it('normalises any base path', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('intranet/playbooks')).toBe('/intranet/playbooks/');
    expect(normaliseBase('/handbook/playbooks/')).toBe('/handbook/playbooks/');
  });
});
