import { stemmer } from 'stemmer';

/**
 * "Did you mean": the nearest indexed terms to a word the index does not hold,
 * by edit distance (optimal string alignment: an insertion, deletion,
 * substitution or swap of two neighbours costs 1, so `Dwon` is one edit from
 * `Down`). Pure functions over the term list the build writes
 * (src/site/search-terms.ts); nothing here touches the page.
 */

/**
 * The term list is split by first letter, one file per letter in this folder of
 * the Pagefind bundle (`playbook-terms/k.json`): a query loads only the letters
 * of the words it needs, whatever the size of the corpus. A typo in a word's
 * first letter is therefore not corrected (few are).
 */
export const TERM_LIST_FOLDER = 'playbook-terms';

/** The file a word's terms are in: its first letter or digit, accents removed; `_` for any other. */
export function termShard(word: string): string {
  const first = word.normalize('NFD').charAt(0).toLowerCase();
  return /^[a-z0-9]$/.test(first) ? first : '_';
}

/** The term list, ready to compare: `lower[i]` is `display[i]` lowercased; earlier terms are more useful. */
export interface PreparedTerms {
  display: string[];
  lower: string[];
  /** `lower` stemmed, computed the first time a word is looked up. */
  stems?: string[];
}

export function prepareTerms(terms: readonly string[]): PreparedTerms {
  return { display: [...terms], lower: terms.map((term) => term.toLowerCase()) };
}

/** The stem the index keeps of a lowercase word (Pagefind stems words in English; Porter's stemmer is close enough to tell). */
export function stemOf(word: string): string {
  return stemmer(word);
}

/**
 * True when the search finds this page word for the query word: Pagefind matches a
 * word by its stem, or any longer word starting with it (`durat` → `duration`,
 * `drains` → `drain`, `queries` → `query`).
 */
export function findsWord(queryWord: string, pageWord: string): boolean {
  const stem = stemOf(queryWord);
  return pageWord.startsWith(queryWord) || pageWord.startsWith(stem) || stemOf(pageWord).startsWith(stem);
}

/** How many edits a word of this length may be from a suggestion: short words need close matches. */
export function maxEdits(length: number): number {
  if (length <= 4) return 1;
  if (length <= 7) return 2;
  if (length <= 14) return 3;
  return Math.min(6, Math.floor(length / 5));
}

/** Edit distance with swaps (optimal string alignment); stops early and returns `max + 1` once past `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  // Three rows: two back (for swaps), the previous one, the current one.
  let older = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, index) => index);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, older[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [older, previous, current] = [previous, current, older];
  }
  return previous[b.length]!;
}

/** True when the term list holds a word the search finds for this one (findsWord). */
export function isKnownWord(word: string, terms: PreparedTerms): boolean {
  const lower = word.toLowerCase();
  const stem = stemOf(lower);
  terms.stems ??= terms.lower.map(stemOf);
  const stems = terms.stems;
  return terms.lower.some((term, index) => term.startsWith(lower) || term.startsWith(stem) || stems[index]!.startsWith(stem));
}

export interface Suggestion {
  term: string;
  distance: number;
}

/**
 * The nearest terms to a word, closest first; among equally close ones, those
 * that start with the same letter, then the more useful (earlier in the list).
 * At most `limit`, none further than maxEdits(word.length).
 */
export function nearestTerms(word: string, terms: PreparedTerms, limit = 3): Suggestion[] {
  const lower = word.toLowerCase();
  const max = maxEdits(lower.length);
  const found: { index: number; distance: number; sameStart: boolean }[] = [];
  for (let index = 0; index < terms.lower.length; index++) {
    const term = terms.lower[index]!;
    if (term === lower || Math.abs(term.length - lower.length) > max) continue;
    const distance = editDistance(lower, term, max);
    if (distance <= max) found.push({ index, distance, sameStart: term[0] === lower[0] });
  }
  found.sort((x, y) => x.distance - y.distance || Number(y.sameStart) - Number(x.sameStart) || x.index - y.index);
  const seen = new Set<string>();
  const result: Suggestion[] = [];
  for (const candidate of found) {
    const key = terms.lower[candidate.index]!;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ term: terms.display[candidate.index]!, distance: candidate.distance });
    if (result.length >= limit) break;
  }
  return result;
}
