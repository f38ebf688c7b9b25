/**
 * What a query finds, on top of Pagefind's JavaScript API:
 *   1. every word, as Pagefind searches (each word or a longer form of it);
 *   2. a word the index does not hold (Pagefind then quietly matches a shorter
 *      word it does hold, `k` for `kubctl`) is replaced by the nearest indexed
 *      term, and the page says so ("showing results for kubectl");
 *   3. when no page holds every word, the pages holding most of them;
 *   4. nothing: the nearest terms, to pick from.
 * Each result links to the section or step that matched best (Pagefind's sub
 * results: headings with ids, and steps, which the index titles as sections).
 * No DOM here: src/scripts/search.ts shows the outcome.
 */
import { findsWord, isKnownWord, nearestTerms, type PreparedTerms } from './search-suggest.ts';

/** Pagefind's ranking parameters, tuned on the `tune` half of test/fixtures/search (npm run bench -- search). */
export const RANKING = { termFrequency: 1.0, termSimilarity: 2.0, pageLength: 0.5, termSaturation: 1.4, metaWeights: { title: 5.0 } };

/** The part of Pagefind's search API this uses (pagefind.js, loaded from the site's own bundle). */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  /** `null` searches nothing but the filters: every page they let through. */
  search(query: string | null, options?: Record<string, unknown>): Promise<PagefindResults | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface PagefindResults {
  results: { id: string; score: number; data(): Promise<PagefindData> }[];
}

export interface PagefindLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  weighted_locations: PagefindLocation[];
  sub_results: {
    title: string;
    url: string;
    excerpt: string;
    weighted_locations: PagefindLocation[];
    anchor?: { element: string; id: string; location: number; text?: string };
  }[];
}

/** A part of a page that matched: a step, a section under a heading, or the page's top. */
export interface SearchSection {
  kind: 'step' | 'heading' | 'page';
  /** `Step 4: Pause the writers`, `Diagnosis`, or the page title. */
  label: string;
  url: string;
  /** Pagefind's excerpt: text with entities encoded and matches in `<mark>`. */
  excerpt: string;
}

export interface SearchHit {
  id: string;
  url: string;
  title: string;
  excerpt: string;
  /** Best first; the first one is where the result links. */
  sections: SearchSection[];
  score: number;
  /** Holds only some of the words (listed after the pages holding them all). */
  partial?: boolean;
}

export interface SearchOutcome {
  /** What the reader typed. */
  query: string;
  /** The words searched, after corrections. */
  searched: string[];
  /** How the results were found. */
  mode: 'all' | 'corrected' | 'any' | 'none';
  /** Words replaced: `kubctl` → `kubectl`. */
  corrections: { from: string; to: string }[];
  /** Words no page holds and nothing near replaces, left out. */
  dropped: string[];
  /** Near terms to offer ("did you mean"), each with the query it makes. */
  suggestions: { term: string; query: string }[];
  hits: SearchHit[];
  /** Pages found in all (hits holds the first `limit`). */
  total: number;
  /** Of the hits, how many hold only some of the words. */
  partial: number;
}

export interface SearchEnvironment {
  /** The part of the term list that holds a word's near terms (its first letter's file), loaded when first needed. */
  terms(word: string): Promise<PreparedTerms>;
  /** Pagefind filters (`{ tag: ['okta'] }`). */
  filters?: Record<string, string[]> | undefined;
  /** How many results to load and show. */
  limit?: number;
}

/**
 * The words of a query as the index holds them: runs of letters and digits (Pagefind indexes
 * `rpm-ostree`, `dump_historic_ops` and `sum(rate(x[1m]))` by their parts too, but the whole only
 * when nothing but letters and digits joins them); one-letter words only when there is nothing else.
 */
export function queryWords(query: string): string[] {
  const words = query.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const long = words.filter((word) => word.length > 1);
  return long.length > 0 ? long : words;
}

/** `HAControlPlaneDwon` → `HA Control Plane Dwon`; a word without inner capitals is returned alone. */
export function camelParts(word: string): string[] {
  return word
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[\s_]+/)
    .filter(Boolean);
}

/** The forms a word of the page can be found by: the whole word, its parts, its camel-case parts, all lowercase. */
export function formsOf(token: string): string[] {
  const runs = token.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const forms = new Set<string>();
  if (runs.length > 1) forms.add(runs.join('').toLowerCase());
  for (const run of runs) {
    forms.add(run.toLowerCase());
    for (const part of camelParts(run)) forms.add(part.toLowerCase());
    for (const part of run.split('_')) if (part) forms.add(part.toLowerCase());
  }
  return [...forms];
}

/**
 * True when a word of the query really matched one of these page words (by its
 * stem, or as the start of a longer word). False when Pagefind only matched a
 * shorter word that starts the query word: its fallback for a word it does not
 * hold (`patroni` for `patronictk`, `k` for `kubctl`).
 */
export function matchedBy(word: string, pageWords: readonly string[]): boolean {
  const lower = word.toLowerCase();
  return pageWords.some((token) => formsOf(token).some((form) => findsWord(lower, form)));
}

/** The words of a page Pagefind matched (its weighted locations index the whitespace-split content). */
export function matchedWords(data: PagefindData): string[] {
  const words = data.content.split(/\s+/);
  return [...new Set(data.weighted_locations.map((location) => words[location.location] ?? ''))].filter(Boolean);
}

const sum = (locations: readonly PagefindLocation[]) => locations.reduce((total, location) => total + location.balanced_score, 0);

/** The first clause of a section's text, for a step's label: up to the first `.`, `:` or `;`, at most `count` words. */
export function leadWords(content: string, location: number, count = 9): string {
  const words: string[] = [];
  for (const word of content.split(/\s+/).slice(location, location + count)) {
    if (/[.:;!?]$/.test(word)) {
      words.push(word.slice(0, -1));
      return words.join(' ');
    }
    words.push(word);
  }
  return words.length === count ? `${words.join(' ').replace(/,$/, '')}…` : words.join(' ');
}

/** The sections of a page that matched, best first (the section with the heaviest matches). */
export function sectionsOf(data: PagefindData, title: string): SearchSection[] {
  return data.sub_results
    .filter((sub) => sub.weighted_locations.length > 0)
    .map((sub) => ({ sub, score: sum(sub.weighted_locations) }))
    .sort((a, b) => b.score - a.score)
    .map(({ sub }): SearchSection => {
      if (!sub.anchor) return { kind: 'page', label: title, url: sub.url, excerpt: sub.excerpt };
      if (sub.anchor.element === 'li') {
        const lead = leadWords(data.content, sub.anchor.location);
        return { kind: 'step', label: lead ? `${sub.title}: ${lead}` : sub.title, url: sub.url, excerpt: sub.excerpt };
      }
      return { kind: 'heading', label: sub.title, url: sub.url, excerpt: sub.excerpt };
    });
}

/** A text as the sequence of words a phrase is looked for in: letters-and-digits runs, camel case split, lowercase. */
export function wordSequence(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((run) => camelParts(run).map((part) => part.toLowerCase()));
}

/** True when the words occur one after another in the sequence (each as a word or the start of one, as Pagefind matches). */
export function holdsPhrase(sequence: readonly string[], words: readonly string[]): boolean {
  const wanted = words.flatMap(wordSequence);
  if (wanted.length < 2) return false;
  for (let start = 0; start + wanted.length <= sequence.length; start++) {
    if (wanted.every((word, offset) => sequence[start + offset]!.startsWith(word))) return true;
  }
  return false;
}

interface Loaded {
  hit: SearchHit;
  words: string[];
  content: string[];
  title: string[];
}

async function hitOf(result: PagefindResults['results'][number]): Promise<Loaded> {
  const data = await result.data();
  const title = data.meta['title'] ?? data.url;
  const sections = sectionsOf(data, title);
  const best = sections[0];
  return {
    hit: { id: result.id, url: best?.url ?? data.url, title, excerpt: best?.excerpt ?? data.excerpt, sections: sections.slice(0, 3), score: result.score },
    words: matchedWords(data),
    content: wordSequence(data.content),
    title: wordSequence(title),
  };
}

/**
 * Words typed together are often a name or a command: among the results loaded, pages whose title is
 * the phrase come first, then pages holding it word for word (`oc adm top nodes`, an error message);
 * Pagefind's order is kept within each group.
 */
export function byPhrase<T extends Pick<Loaded, 'content' | 'title'>>(loaded: readonly T[], words: readonly string[]): T[] {
  if (words.length < 2) return [...loaded];
  const wanted = words.flatMap(wordSequence).join(' ');
  const rank = (entry: T) => (entry.title.join(' ') === wanted || holdsPhrase(entry.title, words) ? 2 : holdsPhrase(entry.content, words) ? 1 : 0);
  return loaded.map((entry, index) => ({ entry, index, rank: rank(entry) })).sort((a, b) => b.rank - a.rank || a.index - b.index).map(({ entry }) => entry);
}

/** Queries of this many words or more get the pages holding most of them after the few holding all. */
const PARTIAL_FROM_WORDS = 3;

interface Found {
  hits: SearchHit[];
  total: number;
  /** How many of the hits hold only some of the words. */
  partial?: number;
  /** Words of the page each hit matched, for the first hit only (enough to tell a real match from Pagefind's fallback). */
  firstWords: string[];
}

async function searchAll(pagefind: Pagefind, words: readonly string[], env: SearchEnvironment): Promise<Found> {
  const search = await pagefind.search(words.join(' '), env.filters ? { filters: env.filters } : {});
  const results = search?.results ?? [];
  const loaded = await Promise.all(results.slice(0, env.limit ?? 10).map(hitOf));
  return { hits: byPhrase(loaded, words).map((entry) => entry.hit), total: results.length, firstWords: loaded[0]?.words ?? [] };
}

/** Inverse document frequency, as Pagefind's BM25 computes it. */
export function idf(pages: number, holding: number): number {
  return Math.log(1 + (pages - holding + 0.5) / (holding + 0.5));
}

const pageCounts = new WeakMap<Pagefind, Map<string, Promise<number>>>();
/** How many pages the filters let through (cached per filter set). */
function pageCount(pagefind: Pagefind, env: SearchEnvironment): Promise<number> {
  const cache = pageCounts.get(pagefind) ?? new Map<string, Promise<number>>();
  pageCounts.set(pagefind, cache);
  const key = JSON.stringify(env.filters ?? {});
  let count = cache.get(key);
  if (!count) {
    count = pagefind.search(null, env.filters ? { filters: env.filters } : {}).then((all) => all?.results.length ?? 0);
    cache.set(key, count);
  }
  return count;
}

/**
 * Pages holding some of the words: each word searched alone; a page's score is
 * the sum of its scores, times the share of the query's weight it covers,
 * squared, each word weighing its IDF (a page with the three rare words of four
 * comes before one with the common word many times).
 */
async function searchAny(pagefind: Pagefind, words: readonly string[], env: SearchEnvironment): Promise<Found> {
  const [total, byWord] = await Promise.all([pageCount(pagefind, env), Promise.all(words.map((word) => pagefind.search(word, env.filters ? { filters: env.filters } : {})))]);
  const weights = byWord.map((search) => idf(Math.max(total, search?.results.length ?? 0), search?.results.length ?? 0));
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
  const pages = new Map<string, { result: PagefindResults['results'][number]; score: number; weight: number }>();
  byWord.forEach((search, at) => {
    for (const result of search?.results ?? []) {
      const entry = pages.get(result.id) ?? { result, score: 0, weight: 0 };
      entry.score += result.score;
      entry.weight += weights[at]!;
      pages.set(result.id, entry);
    }
  });
  const ranked = [...pages.values()].map((entry) => ({ ...entry, score: entry.score * (entry.weight / totalWeight) ** 2 })).sort((a, b) => b.score - a.score);
  const loaded = await Promise.all(ranked.slice(0, env.limit ?? 10).map(async (entry) => ({ ...(await hitOf(entry.result)), score: entry.score })));
  return { hits: loaded.map((entry) => ({ ...entry.hit, score: entry.score })), total: ranked.length, firstWords: [] };
}

/**
 * A question in the reader's own words rarely has every word on one page: when
 * few pages hold all of three or more words, the pages holding most of them
 * follow (marked `partial`).
 */
async function withPartial(pagefind: Pagefind, all: Found, words: readonly string[], env: SearchEnvironment): Promise<Found> {
  const limit = env.limit ?? 10;
  if (words.length < PARTIAL_FROM_WORDS || all.total >= limit) return all;
  const any = await searchAny(pagefind, words, env);
  const seen = new Set(all.hits.map((hit) => hit.id));
  const more = any.hits.filter((hit) => !seen.has(hit.id)).map((hit) => ({ ...hit, partial: true }));
  return { ...all, hits: [...all.hits, ...more].slice(0, limit), partial: Math.min(more.length, limit - all.hits.length) };
}

/** Run one query through the steps above. */
export async function runSearch(pagefind: Pagefind, query: string, env: SearchEnvironment): Promise<SearchOutcome> {
  const words = queryWords(query);
  const corrections: SearchOutcome['corrections'] = [];
  const dropped: string[] = [];
  const outcome = (mode: SearchOutcome['mode'], found: Found | undefined, searched: string[], suggestions: SearchOutcome['suggestions'] = []): SearchOutcome => ({ query, searched, mode, corrections, dropped, suggestions, hits: found?.hits ?? [], total: found?.total ?? 0, partial: found?.partial ?? 0 });
  if (words.length === 0) return outcome('none', undefined, []);
  // A quoted phrase is Pagefind's exact search: taken as typed.
  if (/^\s*".+"\s*$/.test(query)) return outcome('all', await searchAll(pagefind, [query.trim()], env), words);

  const all = await searchAll(pagefind, words, env);
  const unmatched = all.hits.length > 0 ? words.filter((word) => !matchedBy(word, all.firstWords)) : words;
  if (all.hits.length > 0 && unmatched.length === 0) return outcome('all', await withPartial(pagefind, all, words, env), words);

  const termsOf = new Map(await Promise.all(unmatched.map(async (word) => [word, await env.terms(word)] as const)));
  const unknown = new Set(unmatched.filter((word) => !isKnownWord(word, termsOf.get(word)!)));
  if (all.hits.length > 0 && unknown.size === 0) return outcome('all', await withPartial(pagefind, all, words, env), words);

  // Replace each unknown word by its nearest term; without one, by its camel-case parts; else drop it.
  const near = new Map([...unknown].map((word) => [word, nearestTerms(word, termsOf.get(word)!, 4)]));
  const suggest = (skipFirst: boolean) => [...near].flatMap(([word, found]) => found.slice(skipFirst ? 1 : 0).map((suggestion) => ({ term: suggestion.term, query: words.map((w) => (w === word ? suggestion.term : w)).join(' ') })));
  const replaced = words.flatMap((word) => {
    if (!unknown.has(word)) return [word];
    const found = near.get(word)?.[0];
    if (found) {
      corrections.push({ from: word, to: found.term });
      return [found.term];
    }
    const parts = camelParts(word).filter((part) => part.length > 1);
    if (parts.length > 1) return parts;
    dropped.push(word);
    return [];
  });
  if (replaced.length > 0 && unknown.size > 0) {
    const corrected = await searchAll(pagefind, replaced, env);
    if (corrected.hits.length > 0) return outcome('corrected', await withPartial(pagefind, corrected, replaced, env), replaced, suggest(true));
  }
  if (replaced.length > 1) {
    const any = await searchAny(pagefind, replaced, env);
    if (any.hits.length > 0) return outcome('any', any, replaced, suggest(true));
  }
  corrections.length = 0;
  dropped.length = 0;
  return outcome('none', undefined, words, suggest(false));
}
