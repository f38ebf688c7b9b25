/**
 * The matcher's knowledge of English words, from WordNet 3.1: which lemmas
 * exist and as which parts of speech, their common senses (synsets) with how
 * often each is used, a few levels of hypernyms ("a flask is a container"),
 * derivational families ("approval" ↔ "approve") and verb antonyms
 * ("start" ↔ "stop").
 *
 * The data is precomputed by scripts/build-lexicon.ts into lexicon.json next
 * to this file and read once per process, on first use (a check of
 * playbooks without `observed` entries never loads it). Entries are decoded
 * lazily, word by word.
 */
import { readFileSync } from 'node:fs';

/** One common sense of a lemma: a synset id and its share of the lemma's uses (0–1). */
export interface Sense {
  synset: number;
  share: number;
}

/** What the lexicon knows about one lemma. */
export interface LexEntry {
  /** Parts of speech WordNet has it as (`n`, `v`, `a`, `r`), the most used first. */
  pos: string;
  verbSenses: readonly Sense[];
  nounSenses: readonly Sense[];
  /** Lemmas of its derivational family in another part of speech (`approval` for `approve`). */
  family: readonly string[];
  /** Verb antonyms (`stop` for `start`). */
  antonyms: readonly string[];
}

interface RawLexicon {
  format: number;
  source: string;
  words: Record<string, string>;
  synsets: string;
  exceptions: { v: Record<string, string>; n: Record<string, string> };
}

/** Lexicographer files WordNet sorts noun synsets into (the ones the matcher asks about). */
export const LEXFILE = { person: 18, time: 28, quantity: 23, location: 15, group: 14, artifact: 6, act: 4, communication: 10, attribute: 7 } as const;

export interface Lexicon {
  /** The entry of a lemma (lower case; multi-word verbs with spaces), if WordNet has it. */
  entry(lemma: string): LexEntry | undefined;
  /** Irregular form → lemma (`took` → `take`), for verbs or nouns. */
  exception(form: string, pos: 'v' | 'n'): string | undefined;
  /** Direct hypernyms of a synset. */
  hypernyms(synset: number): readonly number[];
  /** Shortest distance from a synset up to its root (entity, act, …). */
  depth(synset: number): number;
  /** Its lexicographer file number (see LEXFILE). */
  lexfile(synset: number): number;
  /** How specific it is (0–1): information content from the number of its hyponyms; a leaf is 1. */
  information(synset: number): number;
  /** Synsets up to `levels` above a synset, each with its distance (1 = direct hypernym). */
  ancestors(synset: number, levels: number): ReadonlyMap<number, number>;
  /** Every multi-word verb (`shut down`, `log in`, `keep an eye on`), in file order. */
  phrasalVerbs(): readonly string[];
  /** How long loading took, in milliseconds (for the benchmark). */
  loadMs: number;
}

const EMPTY: readonly never[] = [];

function decodeSenses(text: string | undefined): Sense[] {
  if (!text) return [];
  return text.split(',').map((pair) => {
    const colon = pair.indexOf(':');
    return { synset: Number(pair.slice(0, colon)), share: Number(pair.slice(colon + 1)) / 100 };
  });
}

function decodeEntry(text: string): LexEntry {
  const [pos, verbs, nouns, family, antonyms] = text.split('|');
  return {
    pos: pos ?? '',
    verbSenses: decodeSenses(verbs),
    nounSenses: decodeSenses(nouns),
    family: family ? family.split(',') : EMPTY,
    antonyms: antonyms ? antonyms.split(',') : EMPTY,
  };
}

/** Build a lexicon from the file's parsed JSON. */
export function lexiconFrom(raw: RawLexicon, loadMs = 0): Lexicon {
  if (raw.format !== 1) throw new Error(`lexicon format ${raw.format} is not supported (expected 1): rebuild it with scripts/build-lexicon.ts`);
  const decoded = new Map<string, LexEntry | null>();
  const rows = raw.synsets.split(';');
  const parsedRows: ({ hypernyms: number[]; depth: number; lexfile: number; information: number } | undefined)[] = new Array(rows.length);
  const rowOf = (synset: number) => {
    let row = parsedRows[synset];
    if (!row) {
      const [hypernyms, depth, lexfile, information] = (rows[synset] ?? ':::').split(':');
      row = { hypernyms: hypernyms ? hypernyms.split(',').map(Number) : [], depth: Number(depth || 0), lexfile: Number(lexfile || 0), information: Number(information || 0) / 100 };
      parsedRows[synset] = row;
    }
    return row;
  };
  const ancestorCache = new Map<number, Map<number, number>>();
  let phrasal: string[] | undefined;
  return {
    entry(lemma) {
      let entry = decoded.get(lemma);
      if (entry === undefined) {
        const text = Object.hasOwn(raw.words, lemma) ? raw.words[lemma] : undefined;
        entry = text === undefined ? null : decodeEntry(text);
        decoded.set(lemma, entry);
      }
      return entry ?? undefined;
    },
    exception: (form, pos) => (Object.hasOwn(raw.exceptions[pos], form) ? raw.exceptions[pos][form] : undefined),
    hypernyms: (synset) => rowOf(synset).hypernyms,
    depth: (synset) => rowOf(synset).depth,
    lexfile: (synset) => rowOf(synset).lexfile,
    information: (synset) => rowOf(synset).information,
    ancestors(synset, levels) {
      const key = synset * 8 + levels;
      let found = ancestorCache.get(key);
      if (!found) {
        found = new Map();
        let frontier = [synset];
        for (let level = 1; level <= levels && frontier.length > 0; level++) {
          const next: number[] = [];
          for (const id of frontier) {
            for (const up of rowOf(id).hypernyms) {
              if (found.has(up) || up === synset) continue;
              found.set(up, level);
              next.push(up);
            }
          }
          frontier = next;
        }
        ancestorCache.set(key, found);
      }
      return found;
    },
    phrasalVerbs() {
      phrasal ??= Object.keys(raw.words).filter((lemma) => lemma.includes(' ') && /^v/.test(raw.words[lemma]!));
      return phrasal;
    },
    loadMs,
  };
}

let loaded: Lexicon | undefined;

/** The lexicon, loaded on first call (about 50 ms). */
export function lexicon(): Lexicon {
  if (!loaded) {
    const started = performance.now();
    const raw = JSON.parse(readFileSync(new URL('./lexicon.json', import.meta.url), 'utf8')) as RawLexicon;
    loaded = lexiconFrom(raw, 0);
    loaded.loadMs = performance.now() - started;
  }
  return loaded;
}

/** True once the lexicon has been loaded in this process (tests: nothing is loaded at import time). */
export function lexiconLoaded(): boolean {
  return loaded !== undefined;
}
