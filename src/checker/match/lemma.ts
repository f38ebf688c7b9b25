/**
 * Word → comparison key: the WordNet lemma (wink-lemmatizer, which knows
 * irregular forms such as `took` → `take`, `ran` → `run`), then the Porter
 * stem, so `Restarted`, `restarts` and `restart` compare equal.
 */
import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';

interface Lemmatizer {
  verb(word: string): string;
  noun(word: string): string;
}

let lemmatizer: Lemmatizer | undefined;

/** Loaded on first use: its WordNet tables take ~100 ms, which commands that never match (`playbook new`) should not pay. */
function lemmatizerOf(): Lemmatizer {
  lemmatizer ??= createRequire(import.meta.url)('wink-lemmatizer') as Lemmatizer;
  return lemmatizer;
}

const keys = new Map<string, string>();
const MAX_CACHED = 50_000;

/** The base form of a lower-case word: as a verb when it is an inflected verb, else as a noun. */
export function lemmaOf(word: string): string {
  const lemmas = lemmatizerOf();
  const verb = lemmas.verb(word);
  if (verb !== word) return verb;
  return lemmas.noun(word);
}

/** True when the most frequent use of the word is as an adjective or adverb (`physical`, `real`, `previous`): it modifies, it does not name. */
export function isModifier(word: string): boolean {
  const tags = lexiconOf()[word.toLowerCase()];
  return tags !== undefined && /^(JJ|RB)/.test(tags[0] ?? '');
}

/** True when the word can be a verb (or is not in the lexicon at all): "to confirm", not "back to normal". */
export function canBeVerb(word: string): boolean {
  const tags = lexiconOf()[word.toLowerCase()];
  return tags === undefined || tags.some((tag) => tag.startsWith('VB'));
}

let lexicon: Record<string, string[] | undefined> | undefined;

function lexiconOf(): Record<string, string[] | undefined> {
  lexicon ??= (createRequire(import.meta.url)('wink-lexicon') as { lexicon: Record<string, string[] | undefined> }).lexicon;
  return lexicon;
}

/** True when the word is an inflected verb form (`rolled`, `took`, `scanning`). */
export function isInflectedVerb(word: string): boolean {
  return lemmatizerOf().verb(word) !== word;
}

/** The key two words must share to count as the same word. */
export function keyOf(word: string): string {
  const lower = word.toLowerCase();
  let key = keys.get(lower);
  if (key === undefined) {
    key = /^[a-z]+$/.test(lower) ? stemmer(lemmaOf(lower)) : lower;
    if (keys.size >= MAX_CACHED) keys.clear();
    keys.set(lower, key);
  }
  return key;
}

/**
 * Other keys a word may stand for. Its plain stem, when the lemma differs:
 * WordNet reads `scraped` as `scrap`, the stemmer as `scrape`, and the step
 * says "Scrape". A tool used as a verb (`SSHed`, `grepped`) also counts as the
 * tool. Prefixes are left alone: `un-` and `de-` reverse the meaning, and
 * `re-` too often starts another word (`remove`, `restore`, `release`).
 */
export function alternativeKeysOf(word: string): string[] {
  const lower = word.toLowerCase();
  if (!/^[a-z]+$/.test(lower)) return [];
  const result: string[] = [];
  const plain = stemmer(lower);
  if (plain !== keyOf(lower)) result.push(plain);
  if (/ed$/.test(lower) && lower.length >= 5 && lemmaOf(lower) === lower) {
    const base = lower.slice(0, -2);
    result.push(base);
    if (/([b-df-hj-np-tv-z])\1$/.test(base)) result.push(base.slice(0, -1));
  }
  return result;
}
