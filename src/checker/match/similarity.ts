/**
 * How well a step describes an action: the share of the action's weight the
 * step covers, lowered when the step does something else with it (another
 * verb, the opposite verb) or does it to another target.
 *
 * Each term of the action weighs by how rare it is among the playbook's steps
 * (inverse document frequency: a word no step uses weighs most), more for a
 * named target (an identifier, an acronym, a product name), less for a number
 * or a weak word (`new`, `other`). A word the playbook uses only outside its
 * steps (title, intro, prerequisites) is its subject and weighs as if half the
 * steps used it.
 */
import { isModifier, keyOf } from './lemma.ts';
import { lexicon } from './lexicon.ts';
import { bestAgreement, kindIn, profileOf, relationsOf, synonymStrength } from './relations.ts';
import type { StepUnit } from './steps.ts';
import type { SynonymTable } from './synonyms.ts';
import { STOP_WORDS, type Term, type TextTerms } from './tokens.ts';

/** Tunables, with the defaults documented in docs/matcher.md. */
export interface Weights {
  /** Credit for a word of the same derivational family (WordNet: `approval`, `approve`). */
  family: number;
  /** Credit for a word with the same Porter stem that WordNet does not link (`reconcile`, `reconciliation`). */
  stem: number;
  /** Credit for a synonym instead of the same word (the table, or a shared WordNet sense both words commonly have). */
  synonym: number;
  /** Credit for a kind of what the step names (WordNet hypernyms: a flask where the step says a container). */
  kind: number;
  /** Credit for a phrasal verb whose verb the step says with another particle or none ("Struck out" for "Strike"). */
  phraseHead: number;
  /** Credit for an abbreviation (`repo` for `repository`) or an acronym spelled out (`JE`, "journal entry"). */
  abbreviation: number;
  /** Credit for a verb's synonym the step uses as a noun ("rotated" and "a replacement key"). */
  nominal: number;
  /** Credit for a name an earlier step introduced ("the change" of step 8 is step 2's ServiceNow change). */
  inherited: number;
  /** Factor when the step never uses the action's verb or a synonym, the verb being one the synonym table knows. */
  otherVerb: number;
  /** Factor when the verb is one the table does not know (it may be a synonym the table lacks). */
  unknownVerb: number;
  /** Factor when the step uses the opposite verb (`unpause` vs `pause`). */
  oppositeVerb: number;
  /** Factor when the action names a target the step does not, and the step names a similar one instead. */
  otherTarget: number;
  /** Weight multipliers. */
  identifier: number;
  proper: number;
  weak: number;
  /** A name no step or context mentions: a value filling a step's slot. */
  filler: number;
  /** A clause of a note that has no verb while another has: a result, not what was done. */
  result: number;
  /** Factor when the action says it was extra ("too", "also", "in case", "while there") and the step does not. */
  extra: number;
  /** Adjectives and adverbs (`physical`, `previous`): they qualify the target rather than name it. */
  modifier: number;
}

export const DEFAULT_WEIGHTS: Weights = {
  family: 0.95,
  stem: 0.9,
  synonym: 0.85,
  kind: 0.8,
  phraseHead: 0.8,
  abbreviation: 0.7,
  inherited: 0.5,
  nominal: 0.5,
  otherVerb: 0.75,
  unknownVerb: 0.85,
  oppositeVerb: 0.4,
  otherTarget: 0.5,
  identifier: 1.5,
  proper: 1.3,
  weak: 0.3,
  filler: 0.15,
  result: 0.35,
  extra: 0.65,
  modifier: 0.5,
};

/** Why a step does or does not describe an action. */
export interface Comparison {
  unit: StepUnit;
  score: number;
  coverage: number;
  /** The product of the factors that lowered the coverage to the score (another verb, the opposite verb, another target, extra). */
  factor: number;
  /** The action's verbs the step never uses (empty when one matches, or the verb is light). */
  otherVerb?: { action: string; step?: string };
  oppositeVerb?: { action: string; step: string };
  otherTarget?: { action: string; step: string };
  /** The action says it was extra ("too", "in case", "while there") and the step does not. */
  extra?: boolean;
  /** The heaviest terms the step does not say. */
  missing: string[];
  /** How far the step says each of the action's terms (0–1), in order. */
  matches: number[];
}

/** What a reading measures, by its unit (the keys of the nouns and verbs a step names it with). */
const MEASURES: readonly [RegExp, readonly string[]][] = [
  [/^°?[cf]$|^deg(?:rees?)?[cf]?$/, ['temperature', 'temp', 'thermometer']],
  [/^(?:k?g|mg|lbs?|oz)$/, ['weight', 'weigh', 'mass', 'scale']],
  [/^(?:[mc]?l|gal)$/, ['volume', 'level']],
  [/^(?:psi|k?pa|m?bar)$/, ['pressure', 'gauge']],
  [/^%$/, ['percent', 'percentage', 'level']],
  [/^ppm$/, ['concentration', 'level', 'reading']],
];

/** The keys a step may name a reading's quantity with: `2.8C`, `5 °C`, `4.2kg`; undefined for a plain number. */
export function measuredBy(text: string): readonly string[] | undefined {
  const unit = /^[-+]?\d[\d.,]*\s*(.+)$/.exec(text.trim())?.[1]?.toLowerCase();
  if (!unit) return undefined;
  return MEASURES.find(([pattern]) => pattern.test(unit))?.[1];
}

/** Told by termRelation whether its answer came from the WordNet senses that `exclude` filters (see creditsOf). */
interface RelationTrace {
  bySenses: boolean;
}

/** How a step says a term of the action: the relation that gave the credit. */
export type Relation = 'same' | 'name-part' | 'family' | 'stem' | 'synonym' | 'kind' | 'nominal' | 'inherited' | 'abbreviation' | 'phrase-head' | 'none';

const NONE = { credit: 0, how: 'none' as Relation };
const SAME = { credit: 1, how: 'same' as Relation };

/** How far `unit` says `term` (0–1), and by which relation. */
export function termRelation(term: Term, unit: StepUnit, weights: Weights, exclude?: ReadonlySet<string>, trace?: RelationTrace): { credit: number; how: Relation } {
  // A reading fills the step's slot for what it measures: "2.8C" is the core temperature it says to take, "4.2kg" the weight.
  const measured = term.kind === 'number' || term.kind === 'identifier' ? factsOf(term).measured : undefined;
  if (measured?.some((key) => unit.keys.has(key))) return SAME;
  if (term.kind === 'number') return unit.keys.has('#') ? SAME : NONE;
  if (term.kind === 'identifier' && term.parts.length > 1) {
    if (containsRun(unit.stream, term.parts)) return SAME;
    // A plural compound ("both reach-ins") names what the step's singular one does (`reach-in`).
    if (term.compound && containsRun(unit.stream, singularParts(term.parts))) return SAME;
    // A compound spelled otherwise (`missing-dates`, "missing … dates") still names the same thing when every part is there.
    if (term.compound) return term.parts.every((part) => unit.keys.has(part)) ? { credit: 0.8, how: 'name-part' } : NONE;
    const alpha = term.parts.filter((part) => /[a-z]/.test(part) && part !== '#');
    if (alpha.length === 0) return NONE;
    const credit = (0.5 * alpha.filter((part) => unit.keys.has(part)).length) / alpha.length;
    return credit > 0 ? { credit, how: 'name-part' } : NONE;
  }
  if (unit.keys.has(term.key) || term.alternatives.some((key) => unit.keys.has(key))) return SAME;
  if (term.verb && unit.instructionKeys.has(term.key)) return SAME;
  if (term.verb && doesAgain(term, unit)) return { credit: weights.family, how: 'family' };
  const related = term.lemma && !term.proper ? relationsOf(term.lemma) : undefined;
  if (related) {
    if (related.profile.family.some((key) => unit.keys.has(key))) return { credit: weights.family, how: 'family' };
    if (term.kind === 'word' && related.profile.stem.length >= 5 && unit.stems.has(related.profile.stem)) return { credit: weights.stem, how: 'stem' };
  }
  // A verb's synonym counts fully as a verb of the step, less as a noun ("rotate" and "a replacement
  // key"; "ask" and "the requester"). A participle ("calls made with the key") takes no synonyms.
  if (!term.participle && term.classes.some((name) => (term.verb ? unit.verbClasses : unit.classes).has(name))) return { credit: weights.synonym, how: 'synonym' };
  if (related && !term.participle) {
    const { profile } = related;
    const asVerb = synonymStrength(bestAgreement(profile.verbSenses, term.verb ? unit.verbConcepts : unit.anyVerbConcepts, exclude));
    const asNoun = term.verb ? 0 : synonymStrength(bestAgreement(profile.nounSenses, unit.nounConcepts, exclude));
    const synonym = Math.max(asVerb, asNoun);
    if (synonym > 0) {
      if (trace) trace.bySenses = true;
      return { credit: weights.synonym * synonym, how: 'synonym' };
    }
    // A kind of what the step names: "flask" of its container, "recalculated" of its "Calculate …" button.
    if ((term.verb ? kindIn(related.verbKinds, unit.anyVerbConcepts, exclude) : kindIn(related.nounKinds, unit.nounConcepts, exclude)) !== undefined) {
      if (trace) trace.bySenses = true;
      return { credit: weights.kind, how: 'kind' };
    }
  }
  if (term.verb && term.classes.some((name) => unit.nounClasses.has(name))) return { credit: weights.nominal, how: 'nominal' };
  if (related && term.verb && synonymStrength(bestAgreement(related.profile.verbSenses, unit.anyVerbConcepts, exclude)) > 0) {
    if (trace) trace.bySenses = true;
    return { credit: weights.nominal, how: 'nominal' };
  }
  if (term.kind === 'phrase' && unit.verbKeys.has(term.key.split(' ')[0]!)) return { credit: weights.phraseHead, how: 'phrase-head' };
  if ((term.kind === 'identifier' || term.proper) && (unit.inherited.has(term.key) || term.alternatives.some((key) => unit.inherited.has(key)))) return { credit: weights.inherited, how: 'inherited' };
  // A product named short or in full: "Bamboo" for `BambooHR`, "Flexkeeping" for "Flexkeeping app" is the same word already.
  if ((term.proper || (term.kind === 'identifier' && term.parts.length === 1)) && namesProduct(term, unit)) return { credit: 0.8, how: 'name-part' };
  const facts = factsOf(term);
  if (term.kind === 'identifier' && facts.acronym && spellsAcronym(term.key, unit.words)) return { credit: weights.abbreviation, how: 'abbreviation' };
  if (term.kind !== 'phrase' && facts.clipping && isAbbreviationIn(term.key, facts.clipping, unit.words)) return { credit: weights.abbreviation, how: 'abbreviation' };
  return NONE;
}

/** What the last checks of termRelation ask of a term's own spelling, worked out once per term rather than once per unit. */
interface TermFacts {
  /** Its key could be an acronym (`je`): two to five letters. */
  acronym: boolean;
  /** Its key could be a product's short or long name (namesProduct): four letters or more. */
  product: boolean;
  /** Its word as a possible clipping (isAbbreviationIn), undefined when it cannot be one. */
  clipping?: Clipping;
  /** What it measures, when it is a reading (measuredBy). */
  measured?: readonly string[];
  /** The verb it does again, when it is re- and a verb (doesAgain). */
  again?: string;
}

interface Clipping {
  /** The word without a clipped plural's s. */
  clipped: string;
  /** How many times longer than the clipping the long form must be. */
  ratio: number;
  /** Prefixes of the word that a step's word may be the clipping of ("reval" of "revaluation": `rev`…). */
  prefixes: string[];
}

const termFacts = new WeakMap<Term, TermFacts>();

function factsOf(term: Term): TermFacts {
  let facts = termFacts.get(term);
  if (!facts) {
    facts = { acronym: /^[a-z]{2,5}$/.test(term.key), product: /^[a-z]{4,}$/.test(term.key) };
    const clipping = clippingOf(term.text.toLowerCase());
    if (clipping) facts.clipping = clipping;
    const measured = term.kind === 'number' || term.kind === 'identifier' ? measuredBy(term.text) : undefined;
    if (measured) facts.measured = measured;
    const again = term.verb ? verbDoneAgain(term.key) : undefined;
    if (again) facts.again = again;
    termFacts.set(term, facts);
  }
  return facts;
}

/** How far `unit` says `term`, 0–1. */
export function termMatch(term: Term, unit: StepUnit, weights: Weights, exclude?: ReadonlySet<string>): number {
  return termRelation(term, unit, weights, exclude).credit;
}

/**
 * How far each of a playbook's steps says each term of an action, without
 * exclusions (termMatch), term by term: `credit[term * units + unit]`. The
 * term weights need it, and compare needs it again for each step with the
 * action's own other words excluded. An exclusion only removes WordNet
 * senses, so it can only make those checks fail: an answer that did not come
 * from them (the same word, its family, a table synonym, or a later check
 * reached because they failed) is the same with any exclusion. `bySenses`
 * marks the answers the senses gave, the only ones compare asks again.
 */
export interface TermCredits {
  units: number;
  credit: Float64Array;
  bySenses: Uint8Array;
}

export function creditsOf(action: TextTerms, units: readonly StepUnit[], weights: Weights): TermCredits {
  const count = units.length;
  const credit = new Float64Array(action.terms.length * count);
  const bySenses = new Uint8Array(action.terms.length * count);
  const trace: RelationTrace = { bySenses: false };
  action.terms.forEach((term, index) => {
    units.forEach((unit, at) => {
      trace.bySenses = false;
      credit[index * count + at] = termRelation(term, unit, weights, undefined, trace).credit;
      bySenses[index * count + at] = trace.bySenses ? 1 : 0;
    });
  });
  return { units: count, credit, bySenses };
}

/** One name is the other with a short suffix ("Bamboo" and `BambooHR`): four letters at least, at most four more, the longer a CamelCase name. */
function namesProduct(term: Term, unit: StepUnit): boolean {
  const key = term.key;
  if (!factsOf(term).product) return false;
  for (const other of productKeysOf(unit)) {
    if (other === key) continue;
    const [short, long] = other.length < key.length ? [other, key] : [key, other];
    if (!long.startsWith(short) || long.length - short.length > 4) continue;
    if (long === key ? term.kind === 'identifier' : unit.identifiers.some((name) => name.key === long)) return true;
  }
  return false;
}

const productKeys = new WeakMap<StepUnit, string[]>();

/** A unit's keys of four letters or more, in order: the names namesProduct compares (built once per unit). */
function productKeysOf(unit: StepUnit): string[] {
  let keys = productKeys.get(unit);
  if (!keys) {
    keys = [...unit.keys].filter((key) => /^[a-z]{4,}$/.test(key));
    productKeys.set(unit, keys);
  }
  return keys;
}

/** A compound's parts with its last one singular (`reach ins` → `reach in`); the same parts when it is not a plain plural. */
function singularParts(parts: readonly string[]): string[] {
  const last = parts[parts.length - 1] ?? '';
  return /^[a-z]+[^s]s$/.test(last) ? [...parts.slice(0, -1), last.slice(0, -1)] : [...parts];
}

/** True when `parts` occur one after another in `stream`. */
function containsRun(stream: readonly string[], parts: readonly string[]): boolean {
  outer: for (let index = 0; index + parts.length <= stream.length; index++) {
    for (let offset = 0; offset < parts.length; offset++) if (stream[index + offset] !== parts[offset]) continue outer;
    return true;
  }
  return false;
}

/** An acronym whose letters start consecutive words of the step (`je` → "journal entry"). */
function spellsAcronym(acronym: string, words: readonly string[]): boolean {
  for (let index = 0; index + acronym.length <= words.length; index++) {
    let ok = true;
    for (let offset = 0; offset < acronym.length && ok; offset++) ok = words[index + offset]!.startsWith(acronym[offset]!) && words[index + offset]!.length > 1;
    if (ok) return true;
  }
  return false;
}

/** A word as a possible clipping: three letters or more, not a function word (see isAbbreviationIn). */
function clippingOf(word: string): Clipping | undefined {
  if (!/^[a-z]{3,}$/.test(word)) return undefined;
  if (STOP_WORDS.has(word)) return undefined;
  // A clipped plural keeps its s ("recs" for reconciliations, "temps"); a clipping of four letters or more may be
  // up to half the word ("reval", "prepaid").
  const clipped = /[^s]s$/.test(word) && word.length >= 4 ? word.slice(0, -1) : word;
  const ratio = clipped.length >= 4 ? 1.8 : 2.5;
  const prefixes: string[] = [];
  for (let length = 3; length * 2.5 <= clipped.length; length++) prefixes.push(clipped.slice(0, length));
  return { clipped, ratio, prefixes };
}

/** One word a clear abbreviation of the other (`repo`/`repository`, `eng`/`engineers`): a prefix at most 40% as long. */
function isAbbreviationIn(key: string, clipping: Clipping, words: readonly string[]): boolean {
  const { clipped, ratio } = clipping;
  const index = wordIndexOf(words);
  // A longer word of the step starting with the clipping.
  for (const other of index.byPrefix.get(clipped.slice(0, 3)) ?? []) {
    if (other !== key && other.startsWith(clipped) && other.length >= ratio * clipped.length) return true;
  }
  // A word of the step the action's word is a long form of.
  for (const prefix of clipping.prefixes) if (prefix !== key && index.words.has(prefix)) return true;
  return false;
}

interface WordIndex {
  words: Set<string>;
  /** Words of three letters or more by their first three letters. */
  byPrefix: Map<string, string[]>;
}

const wordIndexes = new WeakMap<readonly string[], WordIndex>();

/** A unit's plain words, indexed for abbreviation checks (built once per unit). */
function wordIndexOf(words: readonly string[]): WordIndex {
  let index = wordIndexes.get(words);
  if (!index) {
    index = { words: new Set(), byPrefix: new Map() };
    for (const other of words) {
      if (other.length < 3 || !/^[a-z]+$/.test(other) || STOP_WORDS.has(other) || index.words.has(other)) continue;
      index.words.add(other);
      const prefix = other.slice(0, 3);
      const list = index.byPrefix.get(prefix) ?? [];
      list.push(other);
      index.byPrefix.set(prefix, list);
    }
    wordIndexes.set(words, index);
  }
  return index;
}

/** Inverse document frequency of a term over the steps. */
function rarity(documents: number, steps: number): number {
  return Math.max(0.05, Math.log((steps + 1) / (documents + 0.5)));
}

/** The weight of each of the action's terms, from how many steps say it. */
export function weightsOf(
  action: TextTerms,
  units: readonly StepUnit[],
  context: ReadonlySet<string>,
  table: SynonymTable,
  weights: Weights,
  people: ReadonlySet<string> = new Set(),
  credits: TermCredits = creditsOf(action, units, weights),
): number[] {
  // A note's clauses without a verb report what came of it ("still 6 short", "gaskets ok"), when another clause says what was done.
  const verbClauses = new Set(action.terms.filter((term) => term.verb).map((term) => term.clause));
  const purpose = purposeVerbs(action);
  return action.terms.map((term, index) => {
    // Only what a step says itself counts here, not the names it inherits.
    let documents = 0;
    for (let at = 0; at < units.length; at++) if (credits.credit[index * credits.units + at]! > weights.inherited) documents++;
    const steplessName = documents === 0 && isName(term);
    if (documents === 0 && (context.has(term.key) || term.parts.every((part) => context.has(part)))) documents = units.length / 2;
    let weight = rarity(documents, units.length);
    // A name the playbook never mentions (an ID, a room, a person, a product) fills a slot a step leaves
    // general ("Weighed sample S-118" for "Weigh each sample"); it is weighed as a value. A step naming a
    // competing name of the same kind still counts against the match (see otherTargetIn). A channel is a
    // target, not a value: posting somewhere no step names is a different action.
    // A name no step says fills a slot: a value ("sample S-118"), or the system the whole playbook is about
    // (its title, intro or prerequisites name it: "Closed September in NetSuite").
    const filler = steplessName && !action.additive;
    if (term.kind === 'number' || term.weak || filler || (term.verb && table.isLight(term.key)) || people.has(term.key)) weight *= filler ? weights.filler : weights.weak;
    else if (term.kind === 'identifier' && !term.compound) weight *= weights.identifier;
    else if (term.proper) weight *= weights.proper;
    else if (term.kind === 'word' && !term.verb && (term.participle || isModifier(term.text))) weight *= weights.modifier;
    if (verbClauses.size > 0 && !verbClauses.has(term.clause)) weight *= weights.result;
    else if (purpose[index]) weight *= weights.result;
    // A hyphenated compound's parts are terms too: the compound itself only adds "named as a whole".
    if (term.compound) weight *= 0.3;
    else if (action.terms.some((other) => other.compound && other.at <= term.at && term.at < other.at + other.parts.length)) weight *= 0.6;
    return weight;
  });
}

/**
 * Which verbs say what an action was for, not what was done: a verb right after "to", or after
 * "so", "so that" or "in order to", once the action has had its own verb ("Phoned Mrs Patel to
 * say it was in", "Looked the employees up to get their approvers"). The purpose is not a second
 * action: a step that describes the first verb is not "missing" the second. Worked out with the
 * action's shape, once per text.
 */
export function purposeVerbs(action: TextTerms): readonly boolean[] {
  return shapeOf(action).purpose;
}

function purposeOf(action: TextTerms): boolean[] {
  let seenVerb = false;
  return action.terms.map((term) => {
    if (!term.verb) return false;
    const before = action.stream[term.at - 1];
    const isPurpose = seenVerb && (before === 'to' || before === 'so' || before === 'that');
    seenVerb = true;
    return isPurpose;
  });
}

/** A name rather than a word: an ID (`S-118`, `INC-4471`), a product or code (`ReplicaSet`, `BAR`), a capitalised name (`Orchid`, `Ana`); not a channel. */
function isName(term: Term): boolean {
  return (term.kind === 'identifier' && !term.compound && !term.text.startsWith('#')) || (term.kind === 'word' && term.proper);
}

/** Compare an action with one unit; `known`: the unit is step `known.step` (0-based) of the credits already computed for the action (creditsOf). */
export function compare(action: TextTerms, termWeights: readonly number[], unit: StepUnit, table: SynonymTable, weights: Weights, known?: { credits: TermCredits; step: number }): Comparison {
  let total = 0;
  let covered = 0;
  const missing: { text: string; weight: number }[] = [];
  const shape = shapeOf(action);
  const matches = action.terms.map((term, index) => {
    const at = known ? index * known.credits.units + known.step : -1;
    return known && !known.credits.bySenses[at] ? known.credits.credit[at]! : termMatch(term, unit, weights, shape.exclude[index]);
  });
  joinSolidCompounds(shape, matches, unit);
  action.terms.forEach((term, index) => {
    const match = matches[index]!;
    total += termWeights[index]!;
    covered += termWeights[index]! * match;
    if (match < 0.5 && !term.weak && term.kind !== 'number') missing.push({ text: term.text, weight: termWeights[index]! });
  });
  const coverage = total === 0 ? 0 : covered / total;
  const comparison: Comparison = { unit, score: coverage, coverage, factor: 1, missing: missing.sort((a, b) => b.weight - a.weight).map((m) => m.text), matches };

  // Each verb the step does not use costs its share: "Made …, copying … and clearing …" with only
  // "make" and "copy" in the step pays a third. A command the step runs, named in full, is the action itself.
  const verbs = action.terms.filter((term, index) => term.verb && !table.isLight(term.key) && !shape.purpose[index]);
  const unsaid = verbs.filter((term) => !saysVerb(term, unit) && !saysVerbWithNoun(action, term, unit));
  if (unsaid.length > 0 && !namesCommand(action, unit) && !sharesPhrase(action, matches, unit) && !setsSameState(action, matches, unit) && !removesWhatStepForbids(action, verbs[0]!, unit)) {
    // Only the main verb can be reversed ("Unpaused" where the step pauses): a later verb may be the step's own "stop and page".
    const opposite = unsaid[0] === verbs[0] ? oppositeIn(unsaid[0]!, action, unit, table) : undefined;
    if (opposite) {
      comparison.oppositeVerb = opposite;
      comparison.factor *= weights.oppositeVerb ** (unsaid.length / verbs.length);
    } else {
      comparison.otherVerb = { action: unsaid[0]!.text };
      const penalty = unsaid.some((term) => term.classes.length > 0) ? weights.otherVerb : weights.unknownVerb;
      comparison.factor *= penalty ** (unsaid.length / verbs.length);
    }
  }

  // Done in addition, as a precaution or while at it: outside the procedure, unless the step says so too.
  if (action.extra && !unit.extra) {
    comparison.factor *= weights.extra;
    comparison.extra = true;
  }
  const conflict = otherTargetIn(action, matches, unit) ?? otherAlternativeIn(action, matches, unit, table);
  if (conflict) {
    comparison.otherTarget = conflict;
    comparison.factor *= weights.otherTarget;
  }
  comparison.score = coverage * comparison.factor;
  return comparison;
}

/**
 * What compare asks of an action whatever the unit, worked out once per text
 * (a text's terms are shared and never change): an action is compared with
 * every step, pair, Verify paragraph and prerequisite.
 */
interface ActionShape {
  /** Every key the action says. */
  keys: ReadonlySet<string>;
  /**
   * Per term, the action's other keys: a word the action says itself cannot
   * stand, as a synonym, for another of its words. Terms with the same key share one set.
   */
  exclude: ReadonlySet<string>[];
  /** Plain words (letters only), with their index among the terms, for solid compounds. */
  words: { term: Term; index: number }[];
  /** Per neighbouring pair of `words`, the key of the two written as one ("lock" "file" → `lockfile`). */
  joined: string[];
  /** Per entry of `words`, the keys of each way to cut a long word in two ("lockfile" → `lock` `file`); empty under seven letters. */
  cuts: (readonly [string, string])[][];
  /** Per term, whether it is a purpose verb (purposeVerbs). */
  purpose: boolean[];
}

const shapes = new WeakMap<TextTerms, ActionShape>();

function shapeOf(action: TextTerms): ActionShape {
  let shape = shapes.get(action);
  if (!shape) {
    const own = new Set(action.terms.map((term) => term.key));
    const byKey = new Map<string, Set<string>>();
    const exclude = action.terms.map((term) => {
      let rest = byKey.get(term.key);
      if (!rest) {
        rest = new Set(own);
        rest.delete(term.key);
        byKey.set(term.key, rest);
      }
      return rest;
    });
    const words = action.terms.map((term, index) => ({ term, index })).filter(({ term }) => term.kind === 'word' && /^[a-z]+$/i.test(term.text));
    const joined = words.slice(1).map((b, w) => keyOf(words[w]!.term.text + b.term.text));
    const cuts = words.map(({ term }) => {
      if (term.text.length < 7) return [];
      const lower = term.text.toLowerCase();
      const found: (readonly [string, string])[] = [];
      for (let cut = 3; cut <= lower.length - 3; cut++) found.push([keyOf(lower.slice(0, cut)), keyOf(lower.slice(cut))]);
      return found;
    });
    shape = { keys: own, exclude, words, joined, cuts, purpose: purposeOf(action) };
    shapes.set(action, shape);
  }
  return shape;
}

/** Words written as one in one text and as two in the other ("end date" and `-enddate`, "lockfile" and "lock file"). */
function joinSolidCompounds(shape: ActionShape, matches: number[], unit: StepUnit): void {
  const { words, joined, cuts } = shape;
  for (let w = 0; w + 1 < words.length; w++) {
    const [a, b] = [words[w]!, words[w + 1]!];
    if (b.term.at !== a.term.at + 1 || (matches[a.index]! >= 1 && matches[b.index]! >= 1)) continue;
    if (unit.keys.has(joined[w]!)) matches[a.index] = matches[b.index] = 1;
  }
  words.forEach(({ index }, w) => {
    if (matches[index]! >= 1) return;
    for (const [left, right] of cuts[w]!) {
      if (containsPair(unit.stream, left, right)) {
        matches[index] = 1;
        break;
      }
    }
  });
}

/** True when `first` is followed by `second` in `stream` (containsRun for two keys, without building the run). */
function containsPair(stream: readonly string[], first: string, second: string): boolean {
  for (let index = 0; index + 1 < stream.length; index++) if (stream[index] === first && stream[index + 1] === second) return true;
  return false;
}

/**
 * The action and the step set the same state ("Marked the alert as revoked",
 * "Close the alert as **Revoked**"; "… to Paid"): the verb is how, the state is what.
 */
function setsSameState(action: TextTerms, matches: readonly number[], unit: StepUnit): boolean {
  const markers = (stateMarkers ??= new Set(['as', 'to'].map((word) => keyOf(word))));
  return action.terms.some((term, index) => {
    if (matches[index]! < 1 || term.kind === 'number' || !markers.has(action.stream[term.at - 1] ?? '')) return false;
    return unit.stream.some((key, at) => key === term.key && markers.has(unit.stream[at - 1] ?? ''));
  });
}

/** Keys of "as" and "to" (setsSameState), and of "no" and "without" (removesWhatStepForbids): built on first use, when the lexicon is there. */
let stateMarkers: Set<string> | undefined;
let negationKeys: Set<string> | undefined;

/** The action removes what the step says must not be there ("Struck out the non-solicit clause", "No non-solicit clause"). */
function removesWhatStepForbids(action: TextTerms, verb: Term | undefined, unit: StepUnit): boolean {
  if (!verb || !verb.classes.includes('delete')) return false;
  const object = action.terms.find((term) => term.at > verb.at && !term.weak && term.kind !== 'number');
  if (!object) return false;
  const negations = (negationKeys ??= new Set(['no', 'without'].map((word) => keyOf(word))));
  return unit.stream.some((key, at) => negations.has(key) && object.parts.every((part, offset) => unit.stream[at + 1 + offset] === part));
}

/** The action names a program the step runs and what it runs it with (`kubectl rollout status`, `fastlane ios beta`). */
function namesCommand(action: TextTerms, unit: StepUnit): boolean {
  return action.stream.some(
    (key, index) =>
      unit.programs.has(key) &&
      // The program and what it runs with (`kubectl rollout status`), or the program as the tool used ("with dig", "using jq").
      ((index + 1 < action.stream.length && containsRun(unit.stream, [key, action.stream[index + 1]!])) || TOOL_MARKERS.has(action.stream[index - 1] ?? '')),
  );
}

/** Words before a tool that say it was the means: "Looked up the record with dig". */
const TOOL_MARKERS = new Set(['with', 'use', 'using', 'via', 'through']);

/**
 * The action says three or more of the step's words in the step's order
 * ("the primary DNS name"): the same thing, whatever verb it uses for it.
 */
function sharesPhrase(action: TextTerms, matches: readonly number[], unit: StepUnit): boolean {
  const content = action.terms.map((term, index) => ({ term, index })).filter(({ term }) => term.kind !== 'number' && !term.weak && !term.verb && !term.inCompound);
  for (let start = 0; start + 3 <= content.length; start++) {
    const run = content.slice(start, start + 3);
    if (run.some(({ index }) => matches[index]! < 1)) continue;
    if (run[2]!.term.at - run[0]!.term.at > 4) continue;
    if (containsRun(unit.stream, action.stream.slice(run[0]!.term.at, run[2]!.term.at + 1).filter((key) => !STOP_KEYS.has(key))) || containsRunSkipping(unit.stream, run.map(({ term }) => term.key))) return true;
  }
  return false;
}

const STOP_KEYS = new Set([...STOP_WORDS]);

/** `keys` in order in `stream`, with at most one other key between neighbours (stop words, a modifier). */
function containsRunSkipping(stream: readonly string[], keys: readonly string[]): boolean {
  for (let index = 0; index < stream.length; index++) {
    if (stream[index] !== keys[0]) continue;
    let at = index;
    let ok = true;
    for (let k = 1; k < keys.length && ok; k++) {
      if (stream[at + 1] === keys[k]) at += 1;
      else if (stream[at + 2] === keys[k] && STOP_KEYS.has(stream[at + 1]!)) at += 2;
      else ok = false;
    }
    if (ok) return true;
  }
  return false;
}

/** The step tells the reader to do what the verb says, or a synonym (the table's, or WordNet's), or a way of doing it. */
function saysVerb(verb: Term, unit: StepUnit): boolean {
  if (unit.verbKeys.has(verb.key) || verb.alternatives.some((key) => unit.verbKeys.has(key)) || verb.classes.some((name) => unit.verbClasses.has(name))) return true;
  // A phrasal verb whose verb the step says bare ("Struck out" for "Strike"); a step's own phrasal verb is one term, so "Turn on" does not say "turn".
  if (verb.kind === 'phrase' && unit.verbKeys.has(verb.key.split(' ')[0]!)) return true;
  if (unit.nominalVerbs.has(verb.key) || verb.classes.some((name) => unit.nominalClasses.has(name))) return true;
  if (doesAgain(verb, unit)) return true;
  if (!verb.lemma) return false;
  const related = relationsOf(verb.lemma);
  if (related.profile.family.some((key) => unit.verbKeys.has(key))) return true;
  return synonymStrength(bestAgreement(related.profile.verbSenses, unit.verbConcepts)) > 0 || kindIn(related.verbKinds, unit.anyVerbConcepts) !== undefined;
}

/**
 * The verb a verb does again ("Reweighed" weighs, "rechecked" checks): re- and a verb, when WordNet does not know the
 * word or knows it as a kind of that verb. "Removed" is not "move" again (WordNet's remove is no kind of move), nor
 * "Recounted" "count" (WordNet knows recount only as telling). Hyphenated ("re-sent") is read as the verb already.
 */
function verbDoneAgain(key: string): string | undefined {
  const prefixed = /^re([a-z]{4,})$/.exec(key);
  if (!prefixed) return undefined;
  const base = keyOf(prefixed[1]!);
  const senses = profileOf(key).verbSenses;
  if (senses.length === 0) return base;
  const baseSynsets = new Set(profileOf(base).verbSenses.map((sense) => sense.synset));
  const lex = lexicon();
  return senses.some((sense) => [...lex.ancestors(sense.synset, 1).keys()].some((synset) => baseSynsets.has(synset))) ? base : undefined;
}

/** The verb does the step's verb again (verbDoneAgain). */
function doesAgain(verb: Term, unit: StepUnit): boolean {
  const again = factsOf(verb).again;
  return again !== undefined && unit.verbKeys.has(again);
}

/**
 * The action says the step's verb with a noun: "Made a backup" for "Back up",
 * "Snapped a picture" for "Photograph", "Got Ana's OK" for "approve". The
 * verb's object (the next word that is not weak) is, or is of the family of,
 * a verb the step tells the reader to do.
 */
function saysVerbWithNoun(action: TextTerms, verb: Term, unit: StepUnit): boolean {
  const object = action.terms.find((term) => term.at > verb.at && !term.weak && term.kind !== 'number' && term.kind !== 'identifier' && !term.proper);
  if (!object || object.at - verb.at > 4) return false;
  if (unit.instructionKeys.has(object.key) || object.classes.some((name) => unit.verbClasses.has(name))) return true;
  if (!object.lemma) return false;
  const { profile } = relationsOf(object.lemma);
  if (profile.family.some((key) => unit.instructionKeys.has(key))) return true;
  return synonymStrength(bestAgreement(profile.nounSenses, unit.verbNounConcepts)) > 0;
}

/** The step's word with the opposite effect of the action's verb, if any (`pause` for `unpaused`), acting on what the action acts on. */
function oppositeIn(verb: Term, action: TextTerms, unit: StepUnit, table: SynonymTable): { action: string; step: string } | undefined {
  const found = (step: string) => (actsOnObject(verb, action, unit, step) ? { action: verb.text, step } : undefined);
  const prefixed = /^(un|de|dis)(.{3,})$/.exec(verb.key);
  if (prefixed && unit.headKeys.has(prefixed[2]!)) return found(prefixed[2]!);
  for (const prefix of ['un', 'de', 'dis']) if (unit.headKeys.has(prefix + verb.key)) return found(prefix + verb.key);
  const antonym = verb.lemma ? relationsOf(verb.lemma).profile.antonyms.find((key) => unit.headKeys.has(key)) : undefined;
  if (antonym) return found(antonym);
  if (verb.classes.length > 0 && table.opposite(verb.classes, [...unit.headClasses])) {
    const opposite = [...unit.headKeys].find((key) => table.opposite(verb.classes, table.classesOf(key)));
    return opposite ? found(opposite) : { action: verb.text, step: 'the opposite' };
  }
  return undefined;
}

/**
 * The step's opposite verb acts on what the action's verb acts on: the
 * action's object is among the few words after it ("Turn off the hood fans,
 * lock the back door and set the alarm" does not turn off the alarm that
 * "Armed the alarm" arms). An action without an object keeps the opposite.
 */
function actsOnObject(verb: Term, action: TextTerms, unit: StepUnit, stepKey: string): boolean {
  const object = action.terms.find((term) => term.at > verb.at && !term.weak && term.kind !== 'number' && !term.verb);
  if (!object) return true;
  const head = stepKey.split(' ')[0]!;
  const keys = new Set([object.key, ...object.parts, ...object.alternatives]);
  for (let at = 0; at < unit.stream.length; at++) {
    if (unit.stream[at] !== head) continue;
    for (let next = at + 1; next <= at + 7 && next < unit.stream.length && unit.stream[next] !== '|'; next++) if (keys.has(unit.stream[next]!)) return true;
  }
  return false;
}

/** A word of an exclusive group the step replaces by another of the group (`Production` where the step says `Staging`). */
function otherAlternativeIn(action: TextTerms, matches: readonly number[], unit: StepUnit, table: SynonymTable): { action: string; step: string } | undefined {
  for (const [index, term] of action.terms.entries()) {
    const group = matches[index]! >= 1 ? undefined : table.exclusiveGroupOf(term.key);
    if (!group) continue;
    const other = [...unit.keys].find((key) => key !== term.key && table.exclusiveGroupOf(key) === group);
    if (other) return { action: term.text, step: other };
  }
  return undefined;
}

/** What otherTargetIn asks of a name, whatever the unit: its word parts, its punctuation, its key made singular. */
interface NameFacts {
  parts: Set<string>;
  style: string;
  singular: string;
}

const nameFacts = new WeakMap<Term, NameFacts>();

function nameFactsOf(term: Term): NameFacts {
  let facts = nameFacts.get(term);
  if (!facts) {
    facts = { parts: new Set(term.parts.filter((part) => /[a-z]{2,}/.test(part))), style: separatorsOf(term.text), singular: singularParts(term.parts).join(' ') };
    nameFacts.set(term, facts);
  }
  return facts;
}

/** The punctuation a name is built with (`-`, `_`, `.`): names of one kind share it. */
function separatorsOf(text: string): string {
  return [...new Set(text.replace(/^#/, '').replace(/[\p{L}\p{N}]/gu, ''))].sort().join('');
}

/**
 * A target of the action the step does not name, where the step names a
 * similar one (sharing a part, or the same shape): `order-api` vs
 * `order-consumer`, `staging-eu-1` vs `prod-eu-1`, `daily_revenue` vs `daily_events`.
 */
function otherTargetIn(action: TextTerms, matches: readonly number[], unit: StepUnit): { action: string; step: string } | undefined {
  // A name of the step the action says too is not a competitor ("pg-orders-1 UP in orders-ro" for "the node is UP in orders-ro").
  const said = shapeOf(action).keys;
  for (const [index, term] of action.terms.entries()) {
    if (term.kind !== 'identifier' || term.parts.length < 2 || matches[index]! >= 1) continue;
    const { parts, style, singular } = nameFactsOf(term);
    if (parts.size === 0) continue;
    const similar = unit.identifiers.find(
      (other) =>
        other.parts.length >= 2 &&
        other.key !== term.key &&
        other.key !== singular &&
        !said.has(other.key) &&
        nameFactsOf(other).style === style &&
        other.parts.some((part) => parts.has(part)) &&
        other.parts.some((part) => /[a-z]{2,}/.test(part) && !parts.has(part)),
    );
    if (similar) return { action: term.text, step: similar.text };
  }
  return undefined;
}
