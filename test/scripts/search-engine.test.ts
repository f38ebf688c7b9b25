import { describe, expect, it } from 'vitest';
import { byPhrase, camelParts, formsOf, holdsPhrase, idf, leadWords, matchedBy, queryWords, runSearch, sectionsOf, wordSequence, type Pagefind, type PagefindData } from '../../src/scripts/search-engine.ts';
import { prepareTerms } from '../../src/scripts/search-suggest.ts';

describe('query words', () => {
  it('split as the index splits text, dropping one-letter words when there are others', () => {
    expect(queryWords('oc adm node-logs --role=master -u kublet')).toEqual(['oc', 'adm', 'node', 'logs', 'role', 'master', 'kublet']);
    expect(queryWords('/proc/mdstat')).toEqual(['proc', 'mdstat']);
    expect(queryWords('dump_historic_ops')).toEqual(['dump', 'historic', 'ops']);
    expect(queryWords('x')).toEqual(['x']);
    expect(queryWords('  ')).toEqual([]);
  });

  it('camel case splits into words', () => {
    expect(camelParts('HAControlPlaneDwon')).toEqual(['HA', 'Control', 'Plane', 'Dwon']);
    expect(camelParts('etcdInsuficientMembers')).toEqual(['etcd', 'Insuficient', 'Members']);
    expect(camelParts('kubectl')).toEqual(['kubectl']);
  });

  it('a page word is found by its whole, its parts and its camel-case parts', () => {
    expect(formsOf('sum(rate(netobserv_loki_dropped_entries_total[1m]))')).toEqual(expect.arrayContaining(['netobserv_loki_dropped_entries_total', 'netobserv', 'loki', 'total', 'sum', 'rate']));
    expect(formsOf('KubeNodeNotReady.')).toEqual(expect.arrayContaining(['kubenodenotready', 'kube', 'node', 'not', 'ready']));
  });
});

describe('matchedBy', () => {
  it('tells a real match from Pagefind’s fallback to a shorter word', () => {
    expect(matchedBy('kube', ['KubeNodeNotReady'])).toBe(true);
    expect(matchedBy('drains', ['drain,'])).toBe(true);
    expect(matchedBy('kubctl', ['$k,'])).toBe(false);
    expect(matchedBy('patronictk', ['patroni'])).toBe(false);
    expect(matchedBy('netobserv_loki', ['netobserv_'])).toBe(false);
  });
});

describe('phrases', () => {
  it('holdsPhrase finds the words one after another, each as the start of a page word', () => {
    const sequence = wordSequence('Run `oc adm top nodes` to see the KubeSchedulerDown pods');
    expect(holdsPhrase(sequence, ['oc', 'adm', 'top', 'node'])).toBe(true);
    expect(holdsPhrase(sequence, ['kube', 'scheduler', 'down'])).toBe(true);
    expect(holdsPhrase(sequence, ['oc', 'top'])).toBe(false);
    expect(holdsPhrase(sequence, ['oc'])).toBe(false);
  });

  it('byPhrase puts the title phrase first, then the page phrase, keeping the order otherwise', () => {
    const page = (name: string, title: string, content: string) => ({ name, title: wordSequence(title), content: wordSequence(content) });
    const loaded = [page('a', 'Other', 'adm top oc nodes'), page('b', 'Nodes', 'oc adm top nodes'), page('c', 'OcAdmTopNodes', ''), page('d', 'D', 'nothing')];
    expect(byPhrase(loaded, ['oc', 'adm', 'top', 'nodes']).map((entry) => entry.name)).toEqual(['c', 'b', 'a', 'd']);
    expect(byPhrase(loaded, ['nodes']).map((entry) => entry.name)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('sections', () => {
  const data: PagefindData = {
    url: '/pb/x/',
    content: 'X. Steps. Pause the writers: scale order-worker to zero. Then check. Switch the leader with patronictl switchover now please thanks.',
    excerpt: '',
    meta: { title: 'X' },
    weighted_locations: [],
    sub_results: [
      { title: 'X', url: '/pb/x/', excerpt: 'x', weighted_locations: [{ weight: 7, balanced_score: 5, location: 0 }] },
      { title: 'Step 4', url: '/pb/x/#user-content-pause-writers', excerpt: 'p', weighted_locations: [{ weight: 1, balanced_score: 9, location: 6 }], anchor: { element: 'li', id: 'user-content-pause-writers', location: 2 } },
      { title: 'Step 5', url: '/pb/x/#user-content-step-5', excerpt: 's', weighted_locations: [{ weight: 1, balanced_score: 30, location: 14 }], anchor: { element: 'li', id: 'user-content-step-5', location: 11 } },
      { title: 'Steps', url: '/pb/x/#user-content-steps', excerpt: '', weighted_locations: [], anchor: { element: 'h2', id: 'user-content-steps', location: 1 } },
    ],
  };

  it('lists the matching steps and sections, heaviest first, a step labelled by its number and first clause', () => {
    expect(sectionsOf(data, 'X')).toEqual([
      { kind: 'step', label: 'Step 5: Switch the leader with patronictl switchover now please thanks', url: '/pb/x/#user-content-step-5', excerpt: 's' },
      { kind: 'step', label: 'Step 4: Pause the writers', url: '/pb/x/#user-content-pause-writers', excerpt: 'p' },
      { kind: 'page', label: 'X', url: '/pb/x/', excerpt: 'x' },
    ]);
  });

  it('leadWords stops at the end of the first clause, or after nine words', () => {
    expect(leadWords('a b c. d e', 0)).toBe('a b c');
    expect(leadWords('one two three four five six seven eight nine ten', 0)).toBe('one two three four five six seven eight nine…');
    expect(leadWords('one two', 0)).toBe('one two');
  });
});

describe('idf', () => {
  it('weighs rare words more', () => {
    expect(idf(100, 1)).toBeGreaterThan(idf(100, 50));
    expect(idf(100, 100)).toBeGreaterThan(0);
  });
});

/**
 * A stand-in for Pagefind with its matching rules: every query word must match
 * (a page word starting with it), and a word matching nothing falls back to the
 * longest page word it starts with.
 */
function fakePagefind(pages: { url: string; title: string; content: string }[]): Pagefind {
  const tokens = (content: string) => content.split(/\s+/);
  const words = (content: string) => tokens(content).flatMap(formsOf);
  const vocabulary = [...new Set(pages.flatMap((page) => words(page.content)))];
  const keysFor = (word: string) => {
    const extensions = vocabulary.filter((key) => key.startsWith(word));
    if (extensions.length > 0) return extensions;
    const prefix = vocabulary.filter((key) => word.startsWith(key)).sort((a, b) => b.length - a.length)[0];
    return prefix ? [prefix] : [];
  };
  return {
    options: async () => {},
    filters: async () => ({}),
    search: async (query) => {
      if (query === null) return { results: pages.map((page, index) => ({ id: String(index), score: 1, data: async () => dataOf(page, []) })) };
      const keys = query.split(' ').map(keysFor);
      const results = pages
        .map((page, index) => {
          const locations = tokens(page.content).flatMap((token, location) => (keys.some((set) => formsOf(token).some((form) => set.includes(form))) ? [location] : []));
          const holdsAll = keys.every((set) => words(page.content).some((form) => set.includes(form)));
          return holdsAll ? { id: String(index), score: locations.length, data: async () => dataOf(page, locations) } : undefined;
        })
        .filter((result) => result !== undefined)
        .sort((a, b) => b.score - a.score);
      return { results };
    },
  };
}

function dataOf(page: { url: string; title: string; content: string }, locations: number[]): PagefindData {
  const weighted = locations.map((location) => ({ weight: 1, balanced_score: 1, location }));
  return { url: page.url, content: page.content, excerpt: page.content.slice(0, 40), meta: { title: page.title }, weighted_locations: weighted, sub_results: [{ title: page.title, url: page.url, excerpt: page.content.slice(0, 40), weighted_locations: weighted }] };
}

describe('runSearch', () => {
  const pages = [
    { url: '/pb/restart/', title: 'Restart the API', content: 'Restart the API. Run kubectl rollout restart deploy/api and watch the pods.' },
    { url: '/pb/scale/', title: 'Scale the workers', content: 'Scale the workers. Run kubectl scale deploy/worker --replicas=0 before the switchover.' },
    { url: '/pb/disk/', title: 'Free disk space', content: 'Free disk space. The node filesystem is read-only when the disk is full.' },
  ];
  const pagefind = fakePagefind(pages);
  const env = { terms: async (_word: string) => prepareTerms([...new Set(pages.flatMap((page) => page.content.match(/[\p{L}\p{N}]+/gu) ?? []))]) };

  it('finds every word', async () => {
    const outcome = await runSearch(pagefind, 'kubectl rollout', env);
    expect(outcome).toMatchObject({ mode: 'all', corrections: [], total: 1 });
    expect(outcome.hits.map((hit) => hit.url)).toEqual(['/pb/restart/']);
  });

  it('replaces a word the index does not hold by the nearest term, rather than take Pagefind’s fallback', async () => {
    const outcome = await runSearch(pagefind, 'kubctl', env);
    expect(outcome).toMatchObject({ mode: 'corrected', corrections: [{ from: 'kubctl', to: 'kubectl' }], searched: ['kubectl'], total: 2 });
  });

  it('leaves out a word nothing is near, and lists the pages with most of the words when none holds all', async () => {
    const corrected = await runSearch(pagefind, 'disk suddenly full', env);
    expect(corrected).toMatchObject({ mode: 'corrected', dropped: ['suddenly'], searched: ['disk', 'full'] });
    expect(corrected.hits.map((hit) => hit.url)).toEqual(['/pb/disk/']);
    const any = await runSearch(pagefind, 'restart workers', env);
    expect(any.mode).toBe('any');
    expect(any.hits.map((hit) => hit.url).sort()).toEqual(['/pb/restart/', '/pb/scale/']);
  });

  it('finds nothing for a word nothing is near', async () => {
    expect(await runSearch(pagefind, 'qwxzvq', env)).toMatchObject({ mode: 'none', hits: [], suggestions: [] });
    expect(await runSearch(pagefind, '', env)).toMatchObject({ mode: 'none', hits: [] });
  });
});
