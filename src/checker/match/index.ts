/**
 * Which observed actions no step describes, and where each belongs.
 *
 * 1. Text → terms (tokens.ts): lemmas and stems, phrasal verbs, identifiers.
 * 2. Each top-level step, with its sub-steps and code, is one unit (steps.ts);
 *    so is each pair of neighbouring steps, for an action that does both, and
 *    each Verify paragraph and prerequisite.
 * 3. An action is compared with each unit (similarity.ts): the share of its
 *    rarity-weighted terms the unit says, lowered for another verb, the
 *    opposite verb or another target; and the same share with word vectors
 *    (features.ts, vectors.ts). This is the evidence (gatherEvidence).
 * 4. Each session is aligned to the steps (align.ts): observations follow the
 *    procedure, documented ones do steps in order, undocumented ones are
 *    insertions between them.
 * 5. A small logistic model (model.ts, trained by scripts/train-match.ts)
 *    weighs the evidence and the alignment into the probability that no step
 *    describes the action (decideSession). An undocumented one belongs after
 *    the step of the documented action before it.
 *
 * Pure and deterministic: the lexicon, the vectors and the model ship with
 * the checker; nothing is downloaded.
 */
import type { Gap, ObservedAction, Playbook } from '../../core/model.ts';
import type { GapStatus } from '../../core/schema.ts';
import { alignSession, alignSteps, BACKWARD_PENALTY, placementsOf, type ProcedureShape } from './align.ts';
import { alignmentSimilarity, featuresOf, namedShare, orderMargin, softCoverage, type ActionEvidence, type ActionFeatures } from './features.ts';
import { matchModel, probabilityUndocumented, type MatchModel } from './model.ts';
import { compare, creditsOf, DEFAULT_WEIGHTS, weightsOf, type Comparison, type TermCredits, type Weights } from './similarity.ts';
import { contextKeysOf, gapUnitOf, otherUnitsOf, pairUnitOf, peopleOf, shapeOf, stepTerms, unitsOf, type StepUnit } from './steps.ts';
import { buildSynonymTable, type SynonymTable } from './synonyms.ts';
import { termsOf, type TextTerms } from './tokens.ts';

export interface MatcherOptions {
  /** Synonym classes to add, or to extend when the name is a default class: `{ restart: ["kick"], ticket: ["jira"] }`. */
  synonyms?: Record<string, string[]>;
  /** How likely (0–1) an action must be documented to count as documented (default: the model's cut, 1 − model.json's `cut`). Lower finds fewer undocumented actions. */
  threshold?: number;
  /** Clippings and jargon to spell out before matching (`{ sev: "severity" }`), on top of the defaults in jargon.ts. */
  jargon?: Record<string, string>;
}

/** A gap recorded in a shadowing session (`gaps:`), by where it is. */
export interface GapReference {
  /** Index of its session. */
  session: number;
  /** Index in the session's `gaps` list. */
  index: number;
  id?: string;
  found: string;
  status: GapStatus;
}

export interface UndocumentedAction {
  action: ObservedAction;
  /** The top-level step the action most likely follows (0 = before step 1). */
  afterStep: number;
  /** The step that came closest, and why it does not describe the action. */
  nearest?: { step: string; score: number; reason: string };
  /** How sure the matcher is that nothing describes the action (0–1), from how close the nearest step came. */
  confidence: number;
  /** The nearest step came close: a different wording of the same action is possible. */
  close: boolean;
  /** A gap of the same session that already records the action: no `undocumented-step` finding then. */
  coveredBy?: GapReference;
}

/** How every action of a playbook compares with its steps; exported for the docs and the benchmark. */
export interface ActionVerdict {
  action: ObservedAction;
  documented: boolean;
  /** Aligned step (documented) or the step it belongs after (undocumented). */
  step: number;
  best?: Comparison;
  /** The single step whose words came closest (highest coverage before penalties): what a message names as nearest. */
  nearest?: Comparison;
  /** The model's probability that no step describes it, and the features it was computed from. */
  probability?: number;
  features?: ActionFeatures;
  judgement?: Judgement;
}

/** The lexical score a unit must reach for the lexical stage to count it as describing an action (pairs of steps, earlier sessions, Verify and prerequisites as places; the decision is the model's). */
export const DEFAULT_THRESHOLD = 0.5;
/** A pair of steps must beat both its steps alone by this much to be taken instead of a step that describes the action alone. */
const PAIR_MARGIN = 0.02;
/** An action described this well by one judged documented in an earlier session is documented too. */
const SEEN_BEFORE_THRESHOLD = 0.5;
/** Both steps of a pair must each say this much of the action for the pair to be compared. */
const PAIR_FLOOR = 0.1;
/** The Verify section and the prerequisites are compared only with an action no step scores this much on. */
const ELSEWHERE_BELOW = 0.6;
/** Below this coverage, the nearest step is not worth naming. */
const NEAREST_FLOOR = 0.3;

/** A compiled matcher for one configuration (the synonym table is built once). */
export interface Matcher {
  table: SynonymTable;
  /** How likely (0–1) an action must be documented to count as documented; the model's own cut when not set. */
  threshold?: number;
  weights: Weights;
}

export function createMatcher(options: MatcherOptions = {}): Matcher {
  const matcher: Matcher = { table: buildSynonymTable(options.synonyms, options.jargon), weights: DEFAULT_WEIGHTS };
  if (options.threshold !== undefined) matcher.threshold = options.threshold;
  return matcher;
}

const defaultMatcher = { value: undefined as Matcher | undefined };

/** The matcher for options: the default one is built once per process. */
export function matcherFor(options: MatcherOptions | undefined): Matcher {
  if (options && (options.synonyms || options.jargon || options.threshold !== undefined)) return createMatcher(options);
  defaultMatcher.value ??= createMatcher();
  return defaultMatcher.value;
}

/** How one action (or an action read together with the one it refers to) compares with the playbook. */
export interface Judgement {
  best?: Comparison;
  nearest?: Comparison;
  /** The best step or pair of steps, and the best Verify paragraph or prerequisite (compared only when no step describes it). */
  stepBest?: Comparison;
  elsewhere?: Comparison;
  /** Each step alone. */
  singles: Comparison[];
  /** Alignment score per step. */
  scores: number[];
  /** Soft coverage per step (lexical or vector matches, no penalties). */
  soft: number[];
  terms: TextTerms;
  /** The weight of each of its terms (similarity.ts, weightsOf). */
  weights: number[];
  /** A step describes it. */
  stepDocumented: boolean;
  /** A step, the Verify section or a prerequisite describes it. */
  documented: boolean;
}

/** Refers to what was done just before: "did the same for …", "the same way", "as before", "as for the others". */
const SAME_AS_BEFORE =
  /\b(?:(?:did|do|does|doing|done|repeated) the same|the same (?:way|routine|procedure|process|drill|again|for|on|to|with|checks?|steps?)|same (?:routine|again|drill|checks)|as before|as for the others?|as with the others?|likewise|(?:did|do|does|doing|checked|counted|went through) the rest)\b/i;
/** Says it was done again: the step it repeats may be an earlier one. */
const REPEATED = /\b(?:again|once more|re-?did|one more time|another time)\b/i;

/**
 * What every stage asks of one playbook, built once per playbook and shared by
 * the judgement and the gap coverage: its step units, context and people, the
 * pairs of steps and the Verify and prerequisite units (each built only when
 * an action first needs it: most actions need few pairs, and a step describes
 * most well enough that the Verify section is never asked), and the weight of
 * each text's terms (the same for every unit it is compared with).
 */
export interface PlaybookIndex {
  units: StepUnit[];
  context: Set<string>;
  people: Set<string>;
  /** Steps `index + 1` and `index + 2` as one unit. */
  pair(index: number): StepUnit;
  /** The Verify paragraphs and the prerequisites. */
  others(): StepUnit[];
  /** The weight of each of the terms (weightsOf), computed once per text. */
  weightsOf(terms: TextTerms): number[];
  /** How far each step says each of the terms (creditsOf): what the weights are computed from, and what compare reads for a step. */
  creditsOf(terms: TextTerms): TermCredits;
}

export function indexPlaybook(playbook: Playbook, matcher: Matcher): PlaybookIndex {
  const { table, weights } = matcher;
  const units = unitsOf(playbook, table);
  const context = contextKeysOf(playbook, table);
  const people = peopleOf(playbook);
  const pairs: (StepUnit | undefined)[] = [];
  let texts: TextTerms[] | undefined;
  let others: StepUnit[] | undefined;
  const termWeights = new WeakMap<TextTerms, number[]>();
  const termCredits = new WeakMap<TextTerms, TermCredits>();
  const creditsFor = (terms: TextTerms): TermCredits => {
    let found = termCredits.get(terms);
    if (!found) termCredits.set(terms, (found = creditsOf(terms, units, weights)));
    return found;
  };
  return {
    units,
    context,
    people,
    pair(index) {
      let pair = pairs[index];
      if (!pair) {
        texts ??= stepTerms(playbook, table);
        pair = pairs[index] = pairUnitOf(playbook, table, units, index, texts);
      }
      return pair;
    },
    others: () => (others ??= otherUnitsOf(playbook, table)),
    weightsOf(terms) {
      let found = termWeights.get(terms);
      if (!found) termWeights.set(terms, (found = weightsOf(terms, units, context, table, weights, people, creditsFor(terms))));
      return found;
    },
    creditsOf: creditsFor,
  };
}

/** A playbook prepared for judging actions: its units, and how one action's terms compare with them. */
export interface PreparedPlaybook {
  units: StepUnit[];
  context: Set<string>;
  people: Set<string>;
  index: PlaybookIndex;
  judge(terms: TextTerms): Judgement;
}

/** The playbook's units, and the lexical judgement of one action against them. */
export function preparePlaybook(playbook: Playbook, matcher: Matcher, index: PlaybookIndex = indexPlaybook(playbook, matcher)): PreparedPlaybook {
  const { table, weights } = matcher;
  const threshold = DEFAULT_THRESHOLD;
  const { units, context, people } = index;

  const judge = (terms: TextTerms): Judgement => {
    const termWeights = index.weightsOf(terms);
    const credits = index.creditsOf(terms);
    const singles = units.map((unit, step) => compare(terms, termWeights, unit, table, weights, { credits, step }));
    // A pair can only help when each of its steps says part of the action: only those pairs are built and compared.
    const candidates: Comparison[] = [];
    for (let at = 0; at + 1 < units.length; at++) {
      if (singles[at]!.coverage >= PAIR_FLOOR && singles[at + 1]!.coverage >= PAIR_FLOOR) candidates.push(compare(terms, termWeights, index.pair(at), table, weights));
    }
    const paired = candidates
      .filter((pair) => {
        const [first, second] = pair.unit.numbers.map((number) => singles[number - 1]!) as [Comparison, Comparison];
        // Each step names something of the action the other does not, and together they describe it
        // where neither does alone, or clearly better than either.
        if (!addsObject(terms, first, second) || !addsObject(terms, second, first)) return false;
        // Neither may name another target than the action: one step's name does not make up for the other's.
        if (first.otherTarget || second.otherTarget) return false;
        const alone = Math.max(first.score, second.score);
        return alone < threshold || pair.score >= alone + PAIR_MARGIN;
      });
    const stepBest = bestOf([...singles, ...paired]);
    const stepDocumented = stepBest !== undefined && stepBest.score >= threshold;
    // The Verify section or a prerequisite may describe it: documented, but no step to align it to.
    // It must name what the section or prerequisite is about, not only do what it implies ("Opened …" is not `access: …`).
    // (Only needed when no step describes it: a step-documented action is aligned to its step.)
    // (Not needed when a step clearly describes it: the model then reads the step.)
    const elsewhere = stepBest && stepBest.score >= ELSEWHERE_BELOW ? undefined : bestOf(index.others().map((unit) => compare(terms, termWeights, unit, table, weights)).filter((c) => namesSubject(terms, c)));
    const best = elsewhere && (!stepBest || (!stepDocumented && elsewhere.score > stepBest.score)) ? elsewhere : stepBest;
    // Alignment scores per step: a pair counts for its later step.
    const scores = units.map((unit, index) => Math.max(singles[index]!.score, ...paired.filter((p) => p.unit.number === unit.number).map((p) => p.score)));
    const nearest = singles.reduce<Comparison | undefined>((top, c) => (!top || c.coverage > top.coverage || (c.coverage === top.coverage && c.score > top.score) ? c : top), undefined);
    // Vectors make antonyms and siblings alike: the soft coverage keeps the step's penalties (another verb, the opposite verb, another target).
    const soft = singles.map((comparison) => softCoverage(terms, termWeights, comparison) * comparison.factor);
    const judgement: Judgement = { scores, soft, terms, weights: termWeights, singles, stepDocumented, documented: stepDocumented || (elsewhere !== undefined && elsewhere.score >= threshold) };
    if (best) judgement.best = best;
    if (nearest) judgement.nearest = nearest;
    if (stepBest) judgement.stepBest = stepBest;
    if (elsewhere) judgement.elsewhere = elsewhere;
    return judgement;
  };
  return { units, context, people, index, judge };
}

/** One session's actions with what their lexical comparison says, before the decision. */
export interface SessionEvidence {
  actions: ObservedAction[];
  /** The procedure's shape (the same for every session of a playbook). */
  shape: ProcedureShape;
  judgements: Judgement[];
  evidence: ActionEvidence[];
}

/**
 * The lexical stage for every session: each action compared with every
 * step, pair of steps, Verify paragraph and prerequisite, read together with
 * the action before it when it refers to it ("did the same for …"), and
 * lifted to a step when an earlier session's action that the lexical stage
 * found documented says the same. Independent of the decision model (the
 * training script computes it once per playbook).
 */
export function gatherEvidence(playbook: Playbook, matcher: Matcher, playbookIndex: PlaybookIndex = indexPlaybook(playbook, matcher)): SessionEvidence[] {
  const { table, weights } = matcher;
  const threshold = DEFAULT_THRESHOLD;
  const { judge } = preparePlaybook(playbook, matcher, playbookIndex);
  const shape = shapeOf(playbook);
  const sessions: SessionEvidence[] = [];
  /**
   * Actions of the sessions judged so far that the lexical stage found documented, with the step each does; each
   * is made a unit only when a later action is compared with it (most never are: a step describes the later ones).
   */
  const seenBefore: { text: string; step: number; unit?: StepUnit }[] = [];
  for (const session of playbook.shadowing) {
    const judgements: Judgement[] = [];
    const evidence: ActionEvidence[] = [];
    session.observed.forEach((action, index) => {
      const terms = termsOf(action.text, table);
      let judgement = judge(terms);
      // "Did the same for the second printer": what was done before, to what this action names.
      const previous = index > 0 ? session.observed[index - 1] : undefined;
      const refers = previous !== undefined && SAME_AS_BEFORE.test(action.text);
      if (!judgement.documented && previous && refers) {
        const together = judge(termsOf(`${previous.text}; ${action.text}`, table));
        if (together.documented && !together.best?.otherTarget && !together.best?.oppositeVerb) judgement = together;
      }
      // The same action, seen in an earlier session and judged documented there ("Confirmed after 10:00 that
      // the schedule showed Priya as primary", then "Checked that Alex showed as primary once it was past 10:00").
      if (!judgement.documented && seenBefore.length > 0) {
        const termWeights = playbookIndex.weightsOf(terms);
        for (const earlier of seenBefore) {
          earlier.unit ??= gapUnitOf(earlier.text, table);
          const comparison = compare(terms, termWeights, earlier.unit, table, weights);
          if (comparison.score < SEEN_BEFORE_THRESHOLD || comparison.otherTarget || comparison.oppositeVerb || comparison.extra) continue;
          judgement = { ...judgement, documented: true, stepDocumented: earlier.step > 0, scores: judgement.scores.map((score, at) => (at === earlier.step - 1 ? Math.max(score, threshold) : score)) };
          break;
        }
      }
      judgements.push(judgement);
      const named = namedShare(judgement.terms, judgement.weights, judgement.elsewhere ? [...judgement.singles, judgement.elsewhere] : judgement.singles);
      const item: ActionEvidence = { scores: judgement.scores, soft: judgement.soft, terms: judgement.terms, weights: judgement.weights, repeat: REPEATED.test(action.text) || SAME_AS_BEFORE.test(action.text), refers, named };
      if (judgement.stepBest) item.stepBest = judgement.stepBest;
      if (judgement.elsewhere) item.elsewhere = judgement.elsewhere;
      evidence.push(item);
    });
    // What the lexical stage found documented is what later sessions compare with (see above).
    const assigned = alignSteps(judgements.map((j) => j.scores), judgements.map((j) => j.stepDocumented), BACKWARD_PENALTY, evidence.map((e) => e.repeat));
    judgements.forEach((j, index) => {
      if (j.documented) seenBefore.push({ text: session.observed[index]!.text, step: j.stepDocumented ? assigned[index]! : 0 });
    });
    sessions.push({ actions: [...session.observed], shape, judgements, evidence });
  }
  return sessions;
}

/** The decision for one session: each action's features, probability of being undocumented, verdict and step. */
export interface SessionDecision {
  features: ActionFeatures[];
  probability: number[];
  documented: boolean[];
  /** The aligned step (documented, 0 when only Verify or a prerequisite describes it) or the step it belongs after (undocumented). */
  step: number[];
}

/** Align a session, compute each action's features and apply the model. `cut` overrides the model's cut (a probability of being undocumented). */
export function decideSession(evidence: readonly ActionEvidence[], model: MatchModel, cut = model.cut, shape?: ProcedureShape): SessionDecision {
  const alignment = alignSession(alignmentSimilarity(evidence, model.alignment.soft), evidence.map((e) => e.repeat), model.alignment, shape);
  const features = evidence.map((e, index) => featuresOf(e, orderMargin(e, alignment.margin[index]!, model.alignment.insertion), alignment.step[index]!));
  const probability = features.map((f) => probabilityUndocumented(model, f));
  const documented = probability.map((p) => p < cut);
  // A documented action does the step the alignment gives it, unless only the Verify section or a prerequisite describes it.
  const doneSteps = evidence.map((e, index) => {
    if (!documented[index]) return 0;
    const onStep = e.stepBest?.score ?? 0;
    if (e.elsewhere && e.elsewhere.score > onStep && e.elsewhere.score >= DEFAULT_THRESHOLD) return 0;
    return alignment.step[index]!;
  });
  // An undocumented action belongs after the step of the nearest documented action before it.
  const after = placementsOf(doneSteps);
  return { features, probability, documented, step: doneSteps.map((step, index) => (documented[index] ? step : after[index]!)) };
}

/** Every observed action with its verdict, in session order (repeats included). */
export function judgeActions(playbook: Playbook, matcher: Matcher, index: PlaybookIndex = indexPlaybook(playbook, matcher)): ActionVerdict[] {
  const model = matchModel();
  const cut = matcher.threshold === undefined ? model.cut : 1 - matcher.threshold;
  const verdicts: ActionVerdict[] = [];
  for (const session of gatherEvidence(playbook, matcher, index)) {
    const decision = decideSession(session.evidence, model, cut, session.shape);
    session.actions.forEach((action, index) => {
      const j = session.judgements[index]!;
      const verdict: ActionVerdict = { action, documented: decision.documented[index]!, step: decision.step[index]!, probability: decision.probability[index]!, features: decision.features[index]!, judgement: j };
      if (j.best) verdict.best = j.best;
      if (j.nearest) verdict.nearest = j.nearest;
      verdicts.push(verdict);
    });
  }
  return verdicts;
}

/**
 * `one` says a part of the action that `other` does not: a name, or a verb
 * together with what it acts on ("pasted the new copy"; not "Opened" alone,
 * when `one` opens something else).
 */
function addsObject(action: TextTerms, one: Comparison, other: Comparison): boolean {
  return action.terms.some((term, index) => {
    if (term.weak || term.kind === 'number') return false;
    // A name counts when only `one` says it; a verb when `one` says it word for word and `other` at most by a synonym.
    if (!term.verb) return one.matches[index]! >= 0.7 && other.matches[index]! < 0.5;
    if (one.matches[index]! < 1 || other.matches[index]! >= 1) return false;
    const object = action.terms.findIndex((next, at) => at > index && !next.weak && next.kind !== 'number');
    return object >= 0 && one.matches[object]! >= 0.7;
  });
}

/** The action names something the unit says (not only a verb it implies): a non-verb term matched by the same word or its family. */
function namesSubject(action: TextTerms, comparison: Comparison): boolean {
  return action.terms.some((term, index) => !term.verb && !term.weak && term.kind !== 'number' && comparison.matches[index]! >= 0.9);
}

function bestOf(comparisons: readonly Comparison[]): Comparison | undefined {
  let best: Comparison | undefined;
  for (const comparison of comparisons) if (!best || comparison.score > best.score) best = comparison;
  return best;
}

/** The observed actions no step describes: one per distinct text, at its first occurrence. */
export function findUndocumentedActions(playbook: Playbook, options?: MatcherOptions): UndocumentedAction[] {
  // Nothing observed, nothing to match: no lexicon is loaded.
  if (!playbook.shadowing.some((session) => session.observed.length > 0)) return [];
  const matcher = matcherFor(options);
  // The gap coverage and the judgement read the same units and weights.
  const index = indexPlaybook(playbook, matcher);
  const verdicts = judgeActions(playbook, matcher, index);
  // A gap records one of the actions no step describes: a documented action it resembles is not what it records.
  const undocumented = new Set(verdicts.filter((verdict) => !verdict.documented).map((verdict) => normalisedText(verdict.action.text)));
  const covered = gapCoverage(playbook, matcher, undocumented, index);
  const seen = new Set<string>();
  const found: UndocumentedAction[] = [];
  for (const verdict of verdicts) {
    const text = normalisedText(verdict.action.text);
    if (seen.has(text)) continue;
    seen.add(text);
    if (verdict.documented) continue;
    const confidence = confidenceOf(verdict);
    const result: UndocumentedAction = { action: verdict.action, afterStep: verdict.step, confidence, close: confidence < CLOSE_BELOW };
    if (verdict.nearest && verdict.nearest.coverage >= NEAREST_FLOOR) {
      result.nearest = { step: String(verdict.nearest.unit.number), score: Math.round(verdict.nearest.score * 100) / 100, reason: reasonOf(verdict.nearest) };
    }
    const gap = covered.get(text);
    if (gap) result.coveredBy = gap;
    found.push(result);
  }
  return found;
}

/** Texts compare case- and space-insensitively (an entry repeated in two sessions is one). */
export function normalisedText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Below this confidence (the probability that nothing describes the action) a finding says the match was close. */
export const CLOSE_BELOW = 0.6;

/** How sure a finding is that nothing describes the action (0–1): the model's probability, in hundredths, never quite certain. */
export function confidenceOf(verdict: ActionVerdict): number {
  return Math.min(0.99, Math.round((verdict.probability ?? 1) * 100) / 100);
}

/**
 * How much of a gap's `found` an action must say for the gap to record it, when it is the action of the gap's own
 * session that says most of it. Low, because a gap is a narrative (who, what went wrong, "no step says …") and an
 * action a terse note: "Okta Verify would not register until Kenji restarted after brew bundle; no step says to
 * restart" records "Rebooted the laptop so the Okta Verify profile would apply". Chosen on the development set's tune
 * half (test/fixtures/match-dev/tune/gaps.json); docs/matcher.md has the figures.
 */
export const GAP_THRESHOLD = 0.15;
/** A gap whose own session has no action it describes records the action of another session that says this much of it, the most. */
export const GAP_ELSEWHERE = 0.2;
/** A gap also records an action of any session that says this much of it: the same missing thing seen again. */
export const GAP_CLEAR = 0.8;

/**
 * Which observed actions a recorded gap already describes (any status: open,
 * documented, wontfix), by normalised text. A gap is written about something
 * seen in its own session: it records the action of that session that says
 * most of its `found:` (GAP_THRESHOLD at least), or, when none does, the
 * action of another session that says most of it (GAP_ELSEWHERE: writers put
 * a gap seen last time in the next session), one action per gap and one
 * gap per action, the strongest pairs first; and any other action that says
 * it clearly (GAP_CLEAR). The score runs from the gap to the action (how much
 * of the gap the action says), as a step's does from the action to the step.
 * `among` limits the actions to those (by normalised text): the checker passes
 * the ones no step describes, so a gap is not spent on a documented action
 * that resembles it while the undocumented one it records gets a finding too.
 * This is reporting, not matching: it does not change whether a step
 * describes the action.
 */
export function gapCoverage(playbook: Playbook, matcher: Matcher, among?: ReadonlySet<string>, index?: PlaybookIndex): Map<string, GapReference> {
  const covered = new Map<string, GapReference>();
  if (!playbook.shadowing.some((session) => session.gaps.length > 0) || !playbook.shadowing.some((session) => session.observed.length > 0)) return covered;
  const { table, weights } = matcher;
  const playbookIndex = index ?? indexPlaybook(playbook, matcher);
  // Each distinct action once, at its first occurrence.
  const actions = new Map<string, { session: number; unit: StepUnit; terms: TextTerms }>();
  for (const session of playbook.shadowing) {
    for (const action of session.observed) {
      const text = normalisedText(action.text);
      if ((among && !among.has(text)) || actions.has(text)) continue;
      actions.set(text, { session: action.session, unit: gapUnitOf(action.text, table), terms: termsOf(action.text, table) });
    }
  }
  const pairs: { score: number; text: string; gap: Gap; record: boolean }[] = [];
  const gapScores = new Map<Gap, Map<string, number>>();
  for (const session of playbook.shadowing) {
    for (const gap of session.gaps) {
      const terms = termsOf(gap.found, table);
      const termWeights = playbookIndex.weightsOf(terms);
      const scores = new Map<string, number>();
      gapScores.set(gap, scores);
      let best: (typeof pairs)[number] | undefined;
      let bestElsewhere: (typeof pairs)[number] | undefined;
      for (const [text, action] of actions) {
        const score = compare(terms, termWeights, action.unit, table, weights).score;
        scores.set(text, score);
        if (score >= GAP_CLEAR) pairs.push({ score, text, gap, record: false });
        if (action.session === gap.session) {
          if (score >= GAP_THRESHOLD && (!best || score > best.score)) best = { score, text, gap, record: true };
        } else if (score >= GAP_ELSEWHERE && (!bestElsewhere || score > bestElsewhere.score)) bestElsewhere = { score, text, gap, record: true };
      }
      // A gap written up in a later session about what was seen in an earlier one, when its own session shows nothing it says.
      const record = best ?? bestElsewhere;
      if (record) pairs.push(record);
    }
  }
  // The strongest pairs first; a gap's record (the action it is about) is spent once, an action is recorded by one gap.
  pairs.sort((a, b) => b.score - a.score || Number(b.record) - Number(a.record));
  const spent = new Map<Gap, string>();
  const referenceOf = (gap: Gap): GapReference => {
    const reference: GapReference = { session: gap.session, index: gap.index, found: gap.found, status: gap.status };
    if (gap.id) reference.id = gap.id;
    return reference;
  };
  for (const pair of pairs) {
    if (covered.has(pair.text) || (pair.record && spent.has(pair.gap))) continue;
    if (pair.record) spent.set(pair.gap, pair.text);
    covered.set(pair.text, referenceOf(pair.gap));
  }
  // The same missing thing seen again in another session: the same action as the one the gap records
  // ("Warned #ap-team that September was about to be locked" after "Told the AP team to stop entering July bills").
  for (const [gap, recorded] of spent) {
    const unit = actions.get(recorded)!.unit;
    for (const [text, action] of actions) {
      if (covered.has(text) || action.session === gap.session || gapScores.get(gap)!.get(text)! < GAP_THRESHOLD) continue;
      const comparison = compare(action.terms, playbookIndex.weightsOf(action.terms), unit, table, weights);
      if (comparison.score >= SEEN_BEFORE_THRESHOLD && !comparison.otherTarget && !comparison.oppositeVerb) covered.set(text, referenceOf(gap));
    }
  }
  return covered;
}

/** Why the nearest step does not describe the action, in a few words. */
export function reasonOf(comparison: Comparison): string {
  if (comparison.otherTarget) return `different target (\`${comparison.otherTarget.action}\` vs \`${comparison.otherTarget.step}\`)`;
  if (comparison.oppositeVerb) return `opposite action (\`${comparison.oppositeVerb.action}\` vs \`${comparison.oppositeVerb.step}\`)`;
  if (comparison.otherVerb) return `different verb (it never says \`${comparison.otherVerb.action}\` or a synonym)`;
  const missing = comparison.missing.slice(0, 2);
  if (missing.length > 0) return `it never mentions ${missing.map((m) => `\`${m}\``).join(' or ')}`;
  return 'too little in common';
}
