/**
 * The term list behind "did you mean": the words the search index holds, read
 * back from Pagefind's own page fragments (so every term offered can be found),
 * most useful first, capped, and split by first letter so that the browser
 * loads a small file (only for a word that matched nothing) whatever the size
 * of the corpus. The nearest terms are picked there, by edit distance
 * (src/scripts/search-suggest.ts).
 */
import { gunzipSync } from 'node:zlib';
import { termShard } from '../scripts/search-suggest.ts';

export { TERM_LIST_FOLDER } from '../scripts/search-suggest.ts';

/** At most this many terms in all; the rarest go first when a corpus has more. */
export const MAX_TERMS = 50_000;

/** One file of the term list (`playbook-terms/<letter>.json`): its terms in display form (the casing seen most), most useful first. */
export interface TermFile {
  format: 1;
  terms: string[];
}

/** The whole list, before it is split: display forms, most useful first. */
export interface TermList {
  format: 1;
  terms: string[];
  /** How many distinct terms the index holds, of which `terms` kept the first. */
  total: number;
}

/** One indexed page, as Pagefind stored it. */
export interface IndexedPage {
  content: string;
  meta: Record<string, string>;
}

/**
 * A Pagefind fragment file: gzip, then the `pagefind_dcd` signature, then JSON
 * with the page's indexed `content` and `meta`.
 */
export function decodeFragment(bytes: Uint8Array): IndexedPage {
  const text = gunzipSync(bytes).toString('utf8');
  const json = text.startsWith('pagefind_dcd') ? text.slice('pagefind_dcd'.length) : text;
  const parsed = JSON.parse(json) as { content?: string; meta?: Record<string, string> };
  return { content: parsed.content ?? '', meta: parsed.meta ?? {} };
}

/** The words of a text as the search splits a query: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Worth suggesting: 3 to 40 characters with a letter, not a hash or an id (`x509` and `k8s` are). */
export function isUsefulTerm(word: string): boolean {
  if (word.length < 3 || word.length > 40) return false;
  if (!/\p{L}/u.test(word)) return false;
  // Hex ids and hashes (`4f3a2b1c`), and longer words that are mostly digits (`a1234567`).
  if (word.length >= 8 && /^[0-9a-f]+$/i.test(word) && /\d/.test(word)) return false;
  const digits = word.replace(/\D/g, '').length;
  return word.length < 6 || digits * 2 < word.length;
}

interface TermStats {
  pages: number;
  inTitle: boolean;
  forms: Map<string, number>;
}

/**
 * The term list of an index: words of the titles first (a reader misspells the
 * name of the thing), then by how many pages hold them; ties alphabetically, so
 * the file is the same for the same pages.
 */
export function buildTermList(pages: Iterable<IndexedPage>, maxTerms = MAX_TERMS): TermList {
  const stats = new Map<string, TermStats>();
  for (const page of pages) {
    const seen = new Set<string>();
    const title = new Set(wordsOf(page.meta['title'] ?? '').map((word) => word.toLowerCase()));
    const words = [...wordsOf(page.content), ...Object.values(page.meta).flatMap(wordsOf)];
    for (const word of words) {
      if (!isUsefulTerm(word)) continue;
      const key = word.toLowerCase();
      let entry = stats.get(key);
      if (!entry) {
        entry = { pages: 0, inTitle: false, forms: new Map() };
        stats.set(key, entry);
      }
      entry.forms.set(word, (entry.forms.get(word) ?? 0) + 1);
      if (!seen.has(key)) {
        seen.add(key);
        entry.pages++;
        if (title.has(key)) entry.inTitle = true;
      }
    }
  }
  const ranked = [...stats.entries()].sort(([a, x], [b, y]) => Number(y.inTitle) - Number(x.inTitle) || y.pages - x.pages || (a < b ? -1 : a > b ? 1 : 0));
  const terms = ranked.slice(0, maxTerms).map(([, entry]) => displayForm(entry.forms));
  return { format: 1, terms, total: stats.size };
}

/** The list split by first letter (termShard), each part keeping the list's order. */
export function termFiles(list: TermList): Map<string, TermFile> {
  const files = new Map<string, TermFile>();
  for (const term of list.terms) {
    const shard = termShard(term);
    let file = files.get(shard);
    if (!file) files.set(shard, (file = { format: 1, terms: [] }));
    file.terms.push(term);
  }
  return files;
}

/** The casing seen most often (`etcdMembersDown` rather than `etcdmembersdown`). */
function displayForm(forms: Map<string, number>): string {
  let best = '';
  let count = -1;
  for (const [form, seen] of forms) {
    if (seen > count || (seen === count && form < best)) [best, count] = [form, seen];
  }
  return best;
}
