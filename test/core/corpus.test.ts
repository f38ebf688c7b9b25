import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { affectedBy, buildCorpus, startFromZero, usedBy } from '../../src/core/corpus.ts';
import { resolveLink } from '../../src/core/links.ts';
import { ContentFolderError, isNonPlaybookFile, listPlaybookFiles, loadCorpus } from '../../src/core/load.ts';
import { parsePlaybook } from '../../src/core/parse.ts';
import { slugOf } from '../../src/core/slug.ts';
import { playbookText, where } from './helpers.ts';

/** A playbook at `path` (under content/) needing the given slugs. */
function playbook(path: string, needs: string[] = [], options: { status?: string; body?: string } = {}) {
  const prerequisites = needs.length > 0 ? `\nprerequisites:\n${needs.map((slug) => `  - playbook: ${slug}`).join('\n')}` : '';
  const status = options.status ? `\nstatus: ${options.status}` : '';
  const text = playbookText(`title: ${path}\nsummary: Test.\nowner: alex${status}${prerequisites}`, options.body);
  return parsePlaybook(`content/${path}`, text, { path });
}

describe('slugs', () => {
  it.each([
    ['on-call/rotate-schedule.md', 'on-call/rotate-schedule'],
    ['On-Call/Rotate Schedule.md', 'on-call/rotate-schedule'],
    ['a/what #1? 100%.md', 'a/what-1-100'],
    ['ops/café.md', 'ops/café'],
  ])('%s → %s', (path, slug) => expect(slugOf(path)).toBe(slug));
});

describe('buildCorpus', () => {
  it('E5: files that produce the same slug are both named, case-only clashes said so', () => {
    const corpus = buildCorpus([playbook('a/b.md'), playbook('a/B.md'), playbook('x/a b.md'), playbook('x/a-b.md')]);
    const clashes = corpus.findings.filter((d) => d.ruleId === 'duplicate-slug');
    expect(clashes.map((d) => d.file).sort()).toEqual(['content/a/B.md', 'content/a/b.md', 'content/x/a b.md', 'content/x/a-b.md']);
    const caseOnly = clashes.find((d) => d.file === 'content/a/b.md')!;
    expect(caseOnly.message).toBe('`content/a/b.md` has the slug `a/b`, like `content/a/B.md` (the names differ only in case): two pages cannot share one URL');
    expect(clashes.find((d) => d.file === 'content/x/a b.md')!.message).not.toContain('only in case');
    // Both still load.
    expect(corpus.playbooks).toHaveLength(4);
  });

  it('C1: a cycle A → B → C → A is named whole, once, on the member that sorts first', () => {
    const corpus = buildCorpus([playbook('a.md', ['b']), playbook('b.md', ['c']), playbook('c.md', ['a']), playbook('d.md', ['a'])]);
    expect(corpus.cycles).toEqual([['a', 'b', 'c', 'a']]);
    const cycles = corpus.findings.filter((d) => d.ruleId === 'prerequisite-cycle');
    expect(cycles.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['content/a.md:6:15']);
    expect(cycles[0]!.message).toBe('prerequisites form a cycle of 3 playbooks: `a` → `b` → `c` → `a`');
    expect(cycles[0]!.data).toEqual({ cycle: ['a', 'b', 'c', 'a'], members: ['a', 'b', 'c'] });
    // A reader can still be given an order: the cycle does not hang "start from zero".
    expect(startFromZero(corpus, 'd')).toEqual(['c', 'b', 'a']);
  });

  it('C1: a self-prerequisite is a cycle', () => {
    const corpus = buildCorpus([playbook('a.md', ['a'])]);
    expect(corpus.cycles).toEqual([['a', 'a']]);
    expect(where(corpus.findings)).toEqual(['6:15 prerequisite-cycle']);
  });

  it('C2: a prerequisite to a missing playbook, and to a deprecated one', () => {
    const corpus = buildCorpus([playbook('a.md', ['access/reqest-vpn', 'old']), playbook('access/request-vpn.md'), playbook('old.md', [], { status: 'deprecated' })]);
    const [unknown, deprecated] = corpus.findings;
    expect(unknown).toMatchObject({ file: 'content/a.md', line: 6, column: 15, ruleId: 'unknown-playbook' });
    expect(unknown!.message).toBe('prerequisite `access/reqest-vpn` is not a playbook in the content folder');
    expect(deprecated).toMatchObject({ file: 'content/a.md', line: 7, ruleId: 'deprecated-prerequisite' });
  });

  it('orders "start from zero" dependencies first and knows who uses a playbook', () => {
    const corpus = buildCorpus([
      playbook('close.md', ['reconcile', 'laptop']),
      playbook('reconcile.md', ['netsuite']),
      playbook('netsuite.md', ['vpn']),
      playbook('vpn.md', ['laptop']),
      playbook('laptop.md'),
    ]);
    expect(startFromZero(corpus, 'close')).toEqual(['laptop', 'vpn', 'netsuite', 'reconcile']);
    expect(startFromZero(corpus, 'laptop')).toEqual([]);
    expect(usedBy(corpus, 'laptop')).toEqual(['close', 'vpn']);
    expect([...affectedBy(corpus, ['vpn'])].sort()).toEqual(['close', 'netsuite', 'reconcile', 'vpn']);
  });

  it('a prerequisite chain 1,000 deep does not overflow', () => {
    const chain = Array.from({ length: 1000 }, (_, index) => playbook(`p${index}.md`, index < 999 ? [`p${index + 1}`] : []));
    const corpus = buildCorpus(chain);
    expect(startFromZero(corpus, 'p0')).toHaveLength(999);
    expect(corpus.cycles).toEqual([]);
  });

  it('resolves body links (one resolver for the checker and the renderer); affected-by follows links', () => {
    expect(resolveLink('on-call/rotate.md', '../access/request-vpn.md#steps')).toEqual({ kind: 'playbook', path: 'access/request-vpn.md', slug: 'access/request-vpn', anchor: 'steps' });
    expect(resolveLink('on-call/rotate.md', 'https://example.com/a.md')).toEqual({ kind: 'external', url: 'https://example.com/a.md' });
    expect(resolveLink('on-call/rotate.md', '#steps')).toEqual({ kind: 'anchor', anchor: 'steps' });
    expect(resolveLink('a.md', '../../etc/passwd.md').kind).toBe('outside');
    expect(resolveLink('on-call/rotate.md', 'diagrams/flow%20chart.png')).toEqual({ kind: 'file', path: 'on-call/diagrams/flow chart.png' });
    expect(resolveLink('on-call/rotate.md', 'javascript:alert(1)')).toEqual({ kind: 'unsafe', scheme: 'javascript' });
    // Other origins to a browser, whatever they look like.
    expect(resolveLink('a.md', '//evil.example/x.png').kind).toBe('external');
    expect(resolveLink('a.md', '/\\evil.example/x.png').kind).toBe('external');
    expect(resolveLink('a.md', 'https:evil.example/x.png').kind).toBe('external');
    const corpus = buildCorpus([playbook('a.md', [], { body: 'See [b](b.md).\n' }), playbook('b.md')]);
    expect(corpus.links.get('a')).toMatchObject([{ to: 'b' }]);
    expect([...affectedBy(corpus, ['b'])].sort()).toEqual(['a', 'b']);
  });
});

describe('loadCorpus', () => {
  const root = mkdtempSync(join(tmpdir(), 'playbook-corpus-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('loads every playbook, skips non-playbook files by the documented rule, never leaves the folder', () => {
    const content = join(root, 'content');
    mkdirSync(join(content, 'team'), { recursive: true });
    writeFileSync(join(content, 'team', 'one.md'), playbookText('title: One\nsummary: s.\nowner: a'));
    writeFileSync(join(content, 'team', 'two.md'), Buffer.from([0xff, 0xfe, 0x41, 0x00]));
    writeFileSync(join(content, 'README.md'), '# About this folder\n');
    writeFileSync(join(content, 'team', '_draft-notes.md'), '# notes\n');
    writeFileSync(join(content, 'image.png'), 'not markdown');
    writeFileSync(join(root, 'outside.md'), playbookText('title: Outside\nsummary: s.\nowner: a'));
    symlinkSync(join(root, 'outside.md'), join(content, 'team', 'link-out.md'));
    symlinkSync(join(content, 'team', 'one.md'), join(content, 'team', 'alias.md'));
    symlinkSync(content, join(content, 'team', 'loop'));
    const corpus = loadCorpus('content', root);
    expect(corpus.playbooks.map((p) => [p.file, p.findings.map((d) => d.ruleId)])).toEqual([
      ['content/team/one.md', []],
      ['content/team/two.md', ['encoding']],
    ]);
    expect(corpus.ignored).toEqual(['content/README.md', 'content/team/_draft-notes.md']);
    expect(corpus.findings.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['content/team/link-out.md unreadable-file']);
  });

  it('C4: a missing content folder is a ContentFolderError with a clear message', () => {
    expect(() => loadCorpus('nope', root)).toThrow(ContentFolderError);
    expect(() => loadCorpus('nope', root)).toThrow(/content folder `nope` does not exist/);
  });

  it('documents which files are not playbooks', () => {
    expect(isNonPlaybookFile('README.md')).toBe(true);
    expect(isNonPlaybookFile('team/LICENSE.md')).toBe(true);
    expect(isNonPlaybookFile('team/_partial.md')).toBe(true);
    expect(isNonPlaybookFile('launching-software/security.md')).toBe(false);
    // A repository file its author made a page (it opens with frontmatter) is a playbook; the root README never is.
    expect(isNonPlaybookFile('pages/CONTRIBUTING.md', undefined, () => '---\ntitle')).toBe(false);
    expect(isNonPlaybookFile('pages/CONTRIBUTING.md', undefined, () => '# Contributing')).toBe(true);
    expect(isNonPlaybookFile('README.md', undefined, () => '---\ntitle')).toBe(true);
  });

  it('lists a CONTRIBUTING.md with frontmatter as a playbook, one without as skipped', () => {
    const folder = mkdtempSync(join(tmpdir(), 'playbook-repo-files-'));
    try {
      mkdirSync(join(folder, 'content/pages'), { recursive: true });
      writeFileSync(join(folder, 'content/pages/CONTRIBUTING.md'), '---\ntitle: Contributing to the handbook\n---\n\nHow.\n');
      writeFileSync(join(folder, 'content/CONTRIBUTING.md'), '# Contributing\n');
      const listing = listPlaybookFiles('content', folder);
      expect(listing.files.map((file) => file.path)).toEqual(['pages/CONTRIBUTING.md']);
      expect(listing.ignored).toEqual(['content/CONTRIBUTING.md']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('BAD-INPUTS E6, E9: odd file names, thousands of files, deep folders', () => {
  const root = mkdtempSync(join(tmpdir(), 'playbook-many-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('loads 3,000 files in one folder and a folder 60 levels deep', () => {
    const flat = join(root, 'content', 'flat');
    mkdirSync(flat, { recursive: true });
    for (let index = 0; index < 3000; index++) writeFileSync(join(flat, `p${index}.md`), playbookText(`title: P${index}\nsummary: s.\nowner: a`));
    const deep = join(root, 'content', ...Array.from({ length: 60 }, (_, i) => `d${i}`));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'bottom.md'), playbookText('title: Bottom\nsummary: s.\nowner: a'));
    const corpus = loadCorpus('content', root);
    expect(corpus.playbooks).toHaveLength(3001);
    expect(corpus.bySlug.get(`${Array.from({ length: 60 }, (_, i) => `d${i}`).join('/')}/bottom`)?.meta.title).toBe('Bottom');
  });

  it('gives odd file names working slugs', () => {
    expect(slugOf('team/Déploiement #2 (100% sûr?).md')).toBe('team/déploiement-2-100-sûr');
  });
});

describe('BAD-INPUTS C3: one playbook with 5,000 prerequisites', () => {
  it('builds the graph and orders the path without trouble', () => {
    const many = Array.from({ length: 5000 }, (_, i) => playbook(`n${i}.md`));
    const hub = playbook('hub.md', many.map((_, i) => `n${i}`));
    const corpus = buildCorpus([hub, ...many]);
    expect(startFromZero(corpus, 'hub')).toHaveLength(5000);
    expect(usedBy(corpus, 'n42')).toEqual(['hub']);
    expect(corpus.findings).toEqual([]);
  });
});
