/**
 * How two words relate, from WordNet (lexicon.ts): the same lemma, one
 * derivational family (`approval`, `approve`), synonyms (a shared synset
 * among the common senses of both words), or one a kind of the other (a
 * flask is a container: the other's synset a few levels up).
 *
 * WordNet is broad: "run" has 41 verb senses and shares one with almost any
 * verb. Two words count as synonyms only when the synset they share is a
 * common sense of both: its share of each word's uses, combined as a
 * geometric mean, must reach `minAgreement`. A hypernym counts only when it
 * is specific enough (its information content, from how many synsets are
 * below it, reaches `minKindInformation`): "thing", "act" and "object" are
 * everything's ancestors.
 */
import { lexicon, type Sense } from './lexicon.ts';
import { stemOf } from './lemma.ts';

/** A word's lexical profile. */
export interface Profile {
  key: string;
  stem: string;
  /** Lemmas of its derivational family (other parts of speech). */
  family: readonly string[];
  verbSenses: readonly Sense[];
  nounSenses: readonly Sense[];
  antonyms: readonly string[];
}

/** Tunables of the lexical relations (documented in docs/matcher.md). */
export const RELATION_TUNING = {
  /** Geometric mean of the two words' shares of a shared synset below which they are not synonyms. */
  minAgreement: 0.12,
  /** At or above this agreement a synonym gets full synonym credit; between, credit falls towards `weakSynonym`. */
  strongAgreement: 0.3,
  /** How many levels up a noun's kind may be ("flask" → bottle → vessel → container; "van" → truck → motor vehicle → self-propelled vehicle → vehicle). */
  kindLevels: 4,
  /** A noun's kind must be this specific (information content, 0–1) to count: "container" 0.41, "vehicle" 0.44; "device" 0.30 and "object" 0.06 do not. */
  minKindInformation: 0.35,
  /** The same for a verb's kind, two levels up at most: "record" 0.58 counts, "change" 0.22 does not. */
  minVerbKindInformation: 0.5,
  /** A kind counts only for a sense used at least this much. */
  minKindShare: 0.2,
} as const;

const EMPTY: readonly never[] = [];
const profiles = new Map<string, Profile>();

/** The profile of a key (a lemma, a phrase's lemma, or a stem for words WordNet does not know). */
export function profileOf(key: string): Profile {
  let profile = profiles.get(key);
  if (!profile) {
    const entry = /^[a-z][a-z' .-]*$/.test(key) ? lexicon().entry(key) : undefined;
    profile = entry
      ? { key, stem: stemOf(key), family: entry.family, verbSenses: entry.verbSenses, nounSenses: entry.nounSenses, antonyms: entry.antonyms }
      : { key, stem: stemOf(key), family: EMPTY, verbSenses: EMPTY, nounSenses: EMPTY, antonyms: EMPTY };
    if (profiles.size > 50_000) profiles.clear();
    profiles.set(key, profile);
  }
  return profile;
}

/** A synset a text says, with the largest share any of its words gives it and that word's key. */
export interface Concept {
  share: number;
  key: string;
}

/** Synset → the word of a text that says it most. */
export type ConceptIndex = Map<number, Concept>;

/** Add a word's senses (of one part of speech) to an index. */
export function addConcepts(index: ConceptIndex, senses: readonly Sense[], key: string): void {
  for (const sense of senses) {
    const had = index.get(sense.synset);
    if (had === undefined || had.share < sense.share) index.set(sense.synset, { share: sense.share, key });
  }
}

/**
 * The best agreement of any of the senses with the index: the geometric mean
 * of the two shares of a synset both have (0 when none). A synset said only
 * by a word in `exclude` does not count: a word the action says itself
 * cannot also stand for another of its words ("tag" is not the step's
 * "ticket" when the action says "ticket" too).
 */
export function bestAgreement(senses: readonly Sense[], index: ConceptIndex, exclude?: ReadonlySet<string>): number {
  let best = 0;
  for (const sense of senses) {
    const other = index.get(sense.synset);
    if (other === undefined || exclude?.has(other.key)) continue;
    const value = Math.sqrt(sense.share * other.share);
    if (value > best) best = value;
  }
  return best;
}

/** The key of the index's word that best agrees with the senses (for messages). */
export function agreeingKey(senses: readonly Sense[], index: ConceptIndex): string | undefined {
  let best = 0;
  let key: string | undefined;
  for (const sense of senses) {
    const other = index.get(sense.synset);
    if (other === undefined) continue;
    const value = Math.sqrt(sense.share * other.share);
    if (value > best) [best, key] = [value, other.key];
  }
  return key;
}

/** Credit (0–1, times the caller's synonym credit) for an agreement: 0 below MIN, full at STRONG. */
export function synonymStrength(value: number): number {
  const { minAgreement, strongAgreement } = RELATION_TUNING;
  if (value < minAgreement) return 0;
  if (value >= strongAgreement) return 1;
  return 0.75 + (0.25 * (value - minAgreement)) / (strongAgreement - minAgreement);
}

/**
 * Synsets the words are kinds of, each with the share of the sense it comes
 * from and how many levels up: what an index of a step's general nouns is
 * searched with ("flask" in the action, "container" in the step).
 */
export function kindsOf(senses: readonly Sense[]): { synset: number; share: number; levels: number }[] {
  const lex = lexicon();
  const { kindLevels, minKindInformation, minKindShare } = RELATION_TUNING;
  const kinds: { synset: number; share: number; levels: number }[] = [];
  for (const sense of senses) {
    if (sense.share < minKindShare) continue;
    for (const [synset, levels] of lex.ancestors(sense.synset, kindLevels)) {
      if (lex.information(synset) >= minKindInformation) kinds.push({ synset, share: sense.share, levels });
    }
  }
  return kinds;
}

/** True when the word names a person in its most common noun sense (`approver`, `courier`, `manager`). */
export function isPersonNoun(key: string): boolean {
  const sense = profileOf(key).nounSenses[0];
  return sense !== undefined && sense.share >= 0.3 && lexicon().lexfile(sense.synset) === 18;
}

/** The lexicographer file of a word's most common noun sense, if WordNet knows it as a noun. */
export function nounFileOf(key: string): number | undefined {
  const sense = profileOf(key).nounSenses[0];
  return sense === undefined ? undefined : lexicon().lexfile(sense.synset);
}

/** What the matcher asks of one term's word, computed once per lemma. */
export interface WordRelations {
  profile: Profile;
  /** Synsets its nouns are kinds of (a few levels up, specific enough). */
  nounKinds: readonly { synset: number; share: number; levels: number }[];
  /** Synsets its verbs are ways of ("log" is a way to "record"). */
  verbKinds: readonly { synset: number; share: number; levels: number }[];
}

const relationsCache = new Map<string, WordRelations>();

/** The relations of a lemma (a word WordNet knows, or one of its multi-word verbs). */
export function relationsOf(lemma: string): WordRelations {
  let relations = relationsCache.get(lemma);
  if (!relations) {
    const profile = profileOf(lemma);
    relations = { profile, nounKinds: kindsOf(profile.nounSenses), verbKinds: verbKindsOf(profile.verbSenses) };
    if (relationsCache.size > 50_000) relationsCache.clear();
    relationsCache.set(lemma, relations);
  }
  return relations;
}

/** Verb hypernyms up to two levels, when specific enough: the verb hierarchy is shallow and its tops (`change`, `make`, `move`) say little. */
function verbKindsOf(senses: readonly Sense[]): { synset: number; share: number; levels: number }[] {
  const lex = lexicon();
  const kinds: { synset: number; share: number; levels: number }[] = [];
  for (const sense of senses) {
    if (sense.share < RELATION_TUNING.minKindShare) continue;
    for (const [synset, levels] of lex.ancestors(sense.synset, 2)) {
      if (lex.information(synset) >= RELATION_TUNING.minVerbKindInformation) kinds.push({ synset, share: sense.share, levels });
    }
  }
  return kinds;
}

/** The key of the index's word the word is a kind of, if any (its sense used enough). */
export function kindIn(kinds: readonly { synset: number; share: number }[], index: ConceptIndex, exclude?: ReadonlySet<string>): string | undefined {
  for (const kind of kinds) {
    const other = index.get(kind.synset);
    if (other !== undefined && other.share >= RELATION_TUNING.minKindShare && !exclude?.has(other.key)) return other.key;
  }
  return undefined;
}
