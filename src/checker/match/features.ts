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
    vectorGain: best ? Math.max(0, softCoverage(evidence.terms, evidence.weights, best) - best.coverage) : 0,
    coreCoverage: core.coverage,
    coreVectorGain: core.vectorGain,
  };
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
function coreCoverage(evidence: ActionEvidence): { coverage: number; vectorGain: number } {
  const best = evidence.stepBest;
  const adjunct = adjunctsOf(evidence.terms);
  let total = 0;
  let said = 0;
  let soft = 0;
  evidence.terms.terms.forEach((term, index) => {
    if (!isContent(term) || adjunct[index]) return;
    const weight = evidence.weights[index] ?? 0;
    const credit = best ? best.matches[index]! : 0;
    total += weight;
    said += weight * credit;
    soft += weight * (credit >= 1 || !best ? credit : Math.max(credit, softMatch(term, best.unit)));
  });
  if (total === 0) return { coverage: 0, vectorGain: 0 };
  return { coverage: said / total, vectorGain: Math.max(0, (soft - said) / total) };
}

/** The similarity of each step to each action that the alignment uses: the lexical score, blended with the soft coverage. */
export function alignmentSimilarity(evidence: readonly ActionEvidence[], soft = 0): number[][] {
  return evidence.map((e) => e.scores.map((score, j) => (soft === 0 ? score : (1 - soft) * score + soft * (e.soft[j] ?? 0))));
}
