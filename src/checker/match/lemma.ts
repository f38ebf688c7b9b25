/**
 * Word → comparison key: its WordNet lemma, found the way WordNet's own
 * `morphy` finds it (the exception lists for irregular forms such as `took`
 * → `take`, `ran` → `run`, `mice` → `mouse`, then the suffix rules, keeping
 * only a result WordNet knows), so `Restarted`, `restarts` and `restart`
 * compare equal. A word WordNet does not know (`kubectl`, `onboarded`) falls
 * back to its Porter stem, which is the same for its forms.
 */
import { stemmer } from 'stemmer';
import { lexicon } from './lexicon.ts';

/** morphy's detachment rules: suffix → replacement, in WordNet's order. */
const VERB_RULES: readonly (readonly [string, string])[] = [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']];
const NOUN_RULES: readonly (readonly [string, string])[] = [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']];

/** The lemmas WordNet has for a lower-case word form as a verb or noun: the exception first, then the word itself, then the rules. */
export function morphy(word: string, pos: 'v' | 'n'): string[] {
  const lex = lexicon();
  const found: string[] = [];
  const add = (lemma: string) => {
    if (!found.includes(lemma) && lex.entry(lemma)?.pos.includes(pos)) found.push(lemma);
  };
  const exception = lex.exception(word, pos);
  if (exception) add(exception);
  add(word);
  for (const [suffix, replacement] of pos === 'v' ? VERB_RULES : NOUN_RULES) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) add(word.slice(0, -suffix.length) + replacement);
  }
  return found;
}

interface Analysis {
  key: string;
  /** Other lemmas the form may be (`scraped`: `scrape`, also `scrap`). */
  others: string[];
  /** An inflected verb form (`rolled`, `took`, `scanning`). */
  inflectedVerb: boolean;
  /** WordNet knows it (as any part of speech). */
  known: boolean;
  /** It can be a verb (or WordNet does not know it at all): see canBeVerb. */
  canBeVerb: boolean;
  /** Its alternative keys (alternativeKeysOf), once asked: shared, never changed. */
  alternatives?: string[];
}

const analyses = new Map<string, Analysis>();
const MAX_CACHED = 50_000;

function analyse(lower: string): Analysis {
  let analysis = analyses.get(lower);
  if (analysis) return analysis;
  if (!/^[a-z][a-z'-]*$/.test(lower)) {
    analysis = { key: lower, others: [], inflectedVerb: false, known: false, canBeVerb: true };
  } else {
    const verbs = morphy(lower, 'v');
    const nouns = morphy(lower, 'n');
    const inflectedVerb = verbs.length > 0 && verbs[0] !== lower;
    // As a verb when it is an inflected verb, else as a noun, else as itself (an adjective, an adverb).
    const lemmas = inflectedVerb ? [...verbs, ...nouns] : [...nouns, ...verbs];
    const known = lemmas.length > 0 || lexicon().entry(lower) !== undefined;
    const key = lemmas[0] ?? (known ? lower : stemmer(lower));
    analysis = { key, others: [...new Set(lemmas.slice(1))].filter((lemma) => lemma !== key), inflectedVerb, known, canBeVerb: !known || verbs.length > 0 };
  }
  if (analyses.size >= MAX_CACHED) analyses.clear();
  analyses.set(lower, analysis);
  return analysis;
}

/** The base form of a lower-case word: as a verb when it is an inflected verb, else as a noun. */
export function lemmaOf(word: string): string {
  return analyse(word.toLowerCase()).key;
}

/** True when the most frequent use of the word is as an adjective or adverb (`physical`, `real`, `previous`): it modifies, it does not name. */
export function isModifier(word: string): boolean {
  const pos = lexicon().entry(word.toLowerCase())?.pos;
  return pos !== undefined && (pos[0] === 'a' || pos[0] === 'r');
}

/** True when WordNet uses the word more as a noun than as a verb (`panel`, `zone`, `temperature`; not `check`, `log`). */
export function isMostlyNoun(word: string): boolean {
  const pos = lexicon().entry(word.toLowerCase())?.pos;
  return pos !== undefined && pos[0] === 'n';
}

/** True when the word can be a verb (or WordNet does not know it at all): "to confirm", not "back to normal". */
export function canBeVerb(word: string): boolean {
  // The verb lemmas are found once, with the word's analysis.
  return analyse(word.toLowerCase()).canBeVerb;
}

/** True when the word is an inflected verb form (`rolled`, `took`, `scanning`). */
export function isInflectedVerb(word: string): boolean {
  return analyse(word.toLowerCase()).inflectedVerb;
}

/** True when WordNet knows the word in some form. */
export function isKnownWord(word: string): boolean {
  return analyse(word.toLowerCase()).known;
}

/** The key two words must share to count as the same word. */
export function keyOf(word: string): string {
  return analyse(word.toLowerCase()).key;
}

/** The Porter stem of a key: words of one family that WordNet does not link (`reconcile`, `reconciliation`) share it. */
export function stemOf(key: string): string {
  return /^[a-z]+$/.test(key) ? stemmer(key) : key;
}

/**
 * Other keys a word may stand for: the other lemmas its form may be (WordNet
 * reads `scraped` as `scrape` or `scrap`). A tool used as a verb (`SSHed`,
 * `grepped`) also counts as the tool. Prefixes are left alone: `un-` and
 * `de-` reverse the meaning, and `re-` too often starts another word
 * (`remove`, `restore`, `release`). Worked out once per word: the result is
 * shared, and callers must not change it.
 */
export function alternativeKeysOf(word: string): string[] {
  const lower = word.toLowerCase();
  if (!/^[a-z]+$/.test(lower)) return [];
  const analysis = analyse(lower);
  if (analysis.alternatives) return analysis.alternatives;
  const result = [...analysis.others];
  if (/ed$/.test(lower) && lower.length >= 5 && !analysis.inflectedVerb) {
    const base = lower.slice(0, -2);
    result.push(base);
    if (/([b-df-hj-np-tv-z])\1$/.test(base)) result.push(base.slice(0, -1));
  }
  analysis.alternatives = result.filter((key) => key !== analysis.key);
  return analysis.alternatives;
}
