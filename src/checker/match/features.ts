/**
 * What the decision model (model.ts) is told about one observed action: a
 * handful of numbers, each explainable on its own, computed from the
 * lexical comparison with every step (similarity.ts), the word vectors
 * (vectors.ts) and the alignment of its session (align.ts).
 */
import type { Comparison } from './similarity.ts';
import type { StepUnit } from './steps.ts';
import { keyOf } from './lemma.ts';
import { STOP_WORDS, type Term, type TextTerms } from './tokens.ts';
import { wordVectors } from './vectors.ts';

/** Where a vector cosine starts to count as a soft match, and where it counts fully. */
export const SOFT_LOW = 0.45;
export const SOFT_HIGH = 0.85;

/** A term that says what the action is about (not a function word, a number or the whole of a hyphenated compound). */
function isContent(term: Term): boolean {
  return !term.weak && term.kind !== 'number' && !term.compound;
}

const unitRows = new WeakMap<StepUnit, Int32Array>();

/** The vector rows of a unit's plain words. */
function rowsOf(unit: StepUnit): Int32Array {
  let rows = unitRows.get(unit);
  if (!rows) {
    const vectors = wordVectors();
    const found = new Set<number>();
    for (const key of unit.keys) {
      if (!/^[a-z]{2,}$/.test(key) || STOP_WORDS.has(key)) continue;
      const row = vectors.rowOf(key);
      if (row >= 0) found.add(row);
    }
    rows = Int32Array.from([...found].sort((a, b) => a - b));
    unitRows.set(unit, rows);
  }
  return rows;
}

/** The vector row of a term: its lemma, or a phrase's verb ("switch" of "switch on"). */
function rowOfTerm(term: Term): number {
  if (term.kind === 'identifier' || term.kind === 'number' || term.proper) return -1;
  const word = term.kind === 'phrase' ? term.key.split(' ')[0]! : term.key;
  return /^[a-z]{2,}$/.test(word) ? wordVectors().rowOf(word) : -1;
}

const softCache = new WeakMap<StepUnit, Map<number, number>>();

function softCacheOf(unit: StepUnit): Map<number, number> {
  let cache = softCache.get(unit);
  if (!cache) softCache.set(unit, (cache = new Map()));
  return cache;
}

const actionRows = new WeakMap<TextTerms, Int32Array>();
/** A term whose row has not been looked up yet (rows are -1 or more). */
const UNKNOWN_ROW = -2;

/**
 * The vector row of each of the action's terms (rowOfTerm), remembered per
 * text: soft coverage reads them for every unit. Each is looked up only when
 * first needed, so the vectors are not loaded until a word needs them.
 */
function termRowsOf(action: TextTerms): Int32Array {
  let rows = actionRows.get(action);
  if (!rows) {
    rows = new Int32Array(action.terms.length).fill(UNKNOWN_ROW);
    actionRows.set(action, rows);
  }
  return rows;
}

/** How far the vectors say a unit's words are used like the term's (0–1). Memoised per unit and word. */
export function softMatch(term: Term, unit: StepUnit): number {
  const row = rowOfTerm(term);
  return row < 0 ? 0 : softMatchOfRow(row, unit, softCacheOf(unit));
}

/** softMatch for a term's vector row (0 or more), with the unit's memo. */
function softMatchOfRow(row: number, unit: StepUnit, cache: Map<number, number>): number {
  let value = cache.get(row);
  if (value === undefined) {
    const vectors = wordVectors();
    let best = 0;
    for (const other of rowsOf(unit)) {
      const cosine = vectors.cosine(row, other);
      if (cosine > best) best = cosine;
    }
    value = Math.min(1, Math.max(0, (best - SOFT_LOW) / (SOFT_HIGH - SOFT_LOW)));
    cache.set(row, value);
  }
  return value;
}

/**
 * Soft coverage: the share of the action's content weight the unit says,
 * counting for each term the larger of its lexical match and its vector
 * match. No penalties: the model weighs those itself.
 */
export function softCoverage(action: TextTerms, termWeights: readonly number[], comparison: Comparison): number {
  let total = 0;
  let covered = 0;
  const rows = termRowsOf(action);
  const { unit } = comparison;
  const cache = softCacheOf(unit);
  action.terms.forEach((term, index) => {
    if (!isContent(term)) return;
    const weight = termWeights[index]!;
    const lexical = comparison.matches[index]!;
    total += weight;
    if (lexical < 1 && rows[index] === UNKNOWN_ROW) rows[index] = rowOfTerm(term);
    const row = rows[index]!;
    covered += weight * (lexical >= 1 ? 1 : Math.max(lexical, row < 0 ? 0 : softMatchOfRow(row, unit, cache)));
  });
  return total === 0 ? 0 : covered / total;
}

/** Names of the features, in the order of `ActionFeatures`. */
export const FEATURE_NAMES = [
  // What the old matcher decided by: the best score of a step (or pair of steps), or of the Verify section or a prerequisite.
  'anywhere',
  'elsewhere',
  // Order (align.ts): how much better the session's alignment does with the action on a step than as an insertion, and that step's score.
  'margin',
  'aligned',
  // What the score's penalties are for, learned instead of fixed, and how the note is written.
  'coverage',
  'otherVerb',
  'opposite',
  'otherTarget',
  'extra',
  'verbless',
  'refers',
  // Reports what came of a step rather than doing something, and how much of what it names the playbook names anywhere.
  'reports',
  'named',
  'objectCoverage',
  'waits',
  // Word vectors, and the action's core (its verb and what it acts on, not where, when or for whom).
  'vectorGain',
  'coreCoverage',
  'coreVectorGain',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type ActionFeatures = Record<FeatureName, number>;

/** What one action's lexical comparison says, before its session is aligned. */
export interface ActionEvidence {
  /** Best step or pair of steps. */
  stepBest?: Comparison;
  /** Best Verify paragraph or prerequisite. */
  elsewhere?: Comparison;
  /** Similarity per step for the alignment (a pair counts for its later step). */
  scores: number[];
  /** Soft coverage per step. */
  soft: number[];
  terms: TextTerms;
  weights: number[];
  /** Says it repeats ("again") or refers to the action before ("the same for …"). */
  repeat: boolean;
  refers: boolean;
  /** How much of what the action names (not its verbs) any step, Verify paragraph or prerequisite names (0–1), by weight. */
  named: number;
}

/**
 * The features of one action, given what its session's alignment says of it
 * (align.ts: its max-marginal margin, and the step it does where it does one).
 */
export function featuresOf(evidence: ActionEvidence, margin: number, alignedStep: number): ActionFeatures {
  const best = evidence.stepBest;
  const core = coreCoverage(evidence);
  return {
    anywhere: Math.max(best?.score ?? 0, evidence.elsewhere?.score ?? 0),
    elsewhere: evidence.elsewhere?.score ?? 0,
    margin: Math.max(-1, Math.min(1, margin)),
    aligned: alignedStep > 0 ? (evidence.scores[alignedStep - 1] ?? 0) : 0,
    coverage: best?.coverage ?? 0,
    otherVerb: best?.otherVerb ? 1 : 0,
    opposite: best?.oppositeVerb ? 1 : 0,
    otherTarget: best?.otherTarget ? 1 : 0,
    extra: evidence.terms.extra ? 1 : 0,
    verbless: evidence.terms.terms.some((term) => term.verb) ? 0 : 1,
    refers: evidence.refers ? 1 : 0,
    reports: reportsOutcome(evidence.terms) ? 1 : 0,
    named: evidence.named,
    objectCoverage: core.objects,
    waits: waitsUnsaid(evidence) ? 1 : 0,
    vectorGain: best ? Math.max(0, softCoverage(evidence.terms, evidence.weights, best) - best.coverage) : 0,
    coreCoverage: core.coverage,
    coreVectorGain: core.vectorGain,
  };
}

/**
 * Verbs that report what was seen rather than what was done: a state ("zone C showing 100%",
 * "sounders going everywhere", "Dev says tray 2 is jammed") or a discovery ("Found a torn corner",
 * "Spotted a bottle of wine"). An observation whose main verb is one of these tells what a step
 * turned up; whether a step covers it depends on whether the playbook names what it reports.
 */
const REPORTING_VERBS = 'show display read say be seem look appear stay remain sit go come find spot notice see discover arrive'.split(' ');
let reportingKeys: Set<string> | undefined;

/** The observation reports a result (see REPORTING_VERBS) or has no verb at all. */
export function reportsOutcome(action: TextTerms): boolean {
  reportingKeys ??= new Set(REPORTING_VERBS.map((word) => keyOf(word)));
  const main = action.terms.find((term) => term.verb);
  return main === undefined || (main.kind !== 'phrase' && reportingKeys.has(main.key));
}

/**
 * How much of what an action names (its content terms that are not verbs) the playbook names
 * somewhere: for each term the best match over the comparisons given, weighted as in the score.
 */
export function namedShare(action: TextTerms, termWeights: readonly number[], comparisons: readonly Comparison[]): number {
  let total = 0;
  let named = 0;
  action.terms.forEach((term, index) => {
    if (!isContent(term) || term.verb) return;
    const weight = termWeights[index]!;
    let best = 0;
    for (const comparison of comparisons) best = Math.max(best, comparison.matches[index]!);
    total += weight;
    named += weight * best;
  });
  return total === 0 ? 0 : named / total;
}

/**
 * The order margin of an action (align.ts gives the best total with it on a step less the best
 * with it an insertion), with one more way to place it: described by a Verify paragraph or a
 * prerequisite, which takes no step and leaves the order as it is, worth its score less the
 * insertion cost as a step would be. Without it, "Checked the business date had rolled", which
 * only the Verify section says, reads as an insertion the alignment found no room for.
 */
export function orderMargin(evidence: ActionEvidence, alignmentMargin: number, insertion: number): number {
  const elsewhere = evidence.elsewhere?.score ?? 0;
  return Math.max(alignmentMargin, elsewhere - insertion);
}

/**
 * The action is a wait ("Waited ~15 min for CloudTrail to land", "held the exception open till the
 * sender replied") and its best step does not say to wait: waiting for something to finish is
 * what experts do without writing it down, and a step about the thing waited for does not say it.
 */
function waitsUnsaid(evidence: ActionEvidence): boolean {
  const main = evidence.terms.terms.findIndex((term) => term.verb);
  if (main < 0 || !evidence.terms.terms[main]!.classes.includes('wait')) return false;
  return (evidence.stepBest?.matches[main] ?? 0) < 0.5;
}

/** Prepositions that open an adjunct: where, when, with what, for whom it was done ("at the north gate", "on a team dinner"). */
const PREPOSITIONS = 'at on in from to for with by into onto over under via per about around through across against between within without upon during before after since until near behind inside outside off'.split(' ');
let prepositionKeys: Set<string> | undefined;

/**
 * Which terms are adjuncts: after a preposition in their clause ("Took the
 * signs down at the north and east gates": north, east, gates). The rest,
 * the verb and what it acts on, is the action's core.
 */
export function adjunctsOf(action: TextTerms): boolean[] {
  prepositionKeys ??= new Set(PREPOSITIONS.map((word) => keyOf(word)));
  const starts = new Set(action.terms.map((term) => term.at));
  let clause = -1;
  let opened = false;
  let position = 0;
  return action.terms.map((term) => {
    if (term.clause !== clause) {
      clause = term.clause;
      opened = false;
    }
    // Stop words between the previous term and this one (the stream keeps them; terms do not).
    for (; position < term.at; position++) if (!starts.has(position) && prepositionKeys!.has(action.stream[position]!)) opened = true;
    position = Math.max(position, term.at + 1);
    // A verb after a preposition ("Phoned Mrs Patel to say it was in") says why, unless it is the action's own.
    return opened && (!term.verb || action.terms.findIndex((other) => other.verb) !== action.terms.indexOf(term));
  });
}

/** Coverage of the action's core (its verb and what it acts on, not its adjuncts) by the best step, lexically, and what the vectors add (no penalties). */
function coreCoverage(evidence: ActionEvidence): { coverage: number; vectorGain: number; objects: number } {
  const best = evidence.stepBest;
  const adjunct = adjunctsOf(evidence.terms);
  let total = 0;
  let said = 0;
  let soft = 0;
  // What it acts on alone (the core without its verbs): a step that names all of it may do it with another verb ("Took the signs down", "Remove the signs").
  let objectTotal = 0;
  let objectSaid = 0;
  evidence.terms.terms.forEach((term, index) => {
    if (!isContent(term) || adjunct[index]) return;
    const weight = evidence.weights[index] ?? 0;
    const credit = best ? best.matches[index]! : 0;
    total += weight;
    said += weight * credit;
    soft += weight * (credit >= 1 || !best ? credit : Math.max(credit, softMatch(term, best.unit)));
    if (!term.verb) {
      objectTotal += weight;
      objectSaid += weight * credit;
    }
  });
  const objects = objectTotal === 0 ? 0 : objectSaid / objectTotal;
  if (total === 0) return { coverage: 0, vectorGain: 0, objects };
  return { coverage: said / total, vectorGain: Math.max(0, (soft - said) / total), objects };
}

/** The similarity of each step to each action that the alignment uses: the lexical score, blended with the soft coverage. */
export function alignmentSimilarity(evidence: readonly ActionEvidence[], soft = 0): number[][] {
  return evidence.map((e) => e.scores.map((score, j) => (soft === 0 ? score : (1 - soft) * score + soft * (e.soft[j] ?? 0))));
}
