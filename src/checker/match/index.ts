/**
 * Which observed actions no step describes, and where each belongs.
 *
 * 1. Text → terms (tokens.ts): lemmas and stems, phrasal verbs, identifiers.
 * 2. Each top-level step, with its sub-steps and code, is one unit (steps.ts);
 *    so is each pair of neighbouring steps, for an action that does both.
 * 3. An action is compared with each unit (similarity.ts): the share of its
 *    rarity-weighted terms the unit says, lowered for another verb, the
 *    opposite verb or another target. It is documented when the best unit
 *    reaches the threshold.
 * 4. Documented actions are aligned to steps in order (align.ts); an
 *    undocumented one belongs after the step of the documented action before it.
 *
 * Pure and deterministic: no I/O, no model, nothing downloaded.
 */
import type { ObservedAction, Playbook } from '../../core/model.ts';
import { alignSteps, BACKWARD_PENALTY, placementsOf } from './align.ts';
import { compare, DEFAULT_WEIGHTS, weightsOf, type Comparison, type Weights } from './similarity.ts';
import { contextKeysOf, otherUnitsOf, pairsOf, peopleOf, unitsOf } from './steps.ts';
import { buildSynonymTable, type SynonymTable } from './synonyms.ts';
import { termsOf, type TextTerms } from './tokens.ts';

export interface MatcherOptions {
  /** Synonym classes to add, or to extend when the name is a default class: `{ restart: ["kick"], ticket: ["jira"] }`. */
  synonyms?: Record<string, string[]>;
  /** Score (0–1) a step must reach to describe an action (default 0.5). Lower finds fewer undocumented actions. */
  threshold?: number;
}

export interface UndocumentedAction {
  action: ObservedAction;
  /** The top-level step the action most likely follows (0 = before step 1). */
  afterStep: number;
  /** The step that came closest, and why it does not describe the action. */
  nearest?: { step: string; score: number; reason: string };
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
}

export const DEFAULT_THRESHOLD = 0.5;
/** A pair of steps must beat both its steps alone by this much to be taken instead of a step that describes the action alone. */
const PAIR_MARGIN = 0.02;
/** Below this coverage, the nearest step is not worth naming. */
const NEAREST_FLOOR = 0.3;

/** A compiled matcher for one configuration (the synonym table is built once). */
export interface Matcher {
  table: SynonymTable;
  threshold: number;
  weights: Weights;
}

export function createMatcher(options: MatcherOptions = {}): Matcher {
  return { table: buildSynonymTable(options.synonyms), threshold: options.threshold ?? DEFAULT_THRESHOLD, weights: DEFAULT_WEIGHTS };
}

const defaultMatcher = { value: undefined as Matcher | undefined };

function matcherFor(options: MatcherOptions | undefined): Matcher {
  if (options && (options.synonyms || options.threshold !== undefined)) return createMatcher(options);
  defaultMatcher.value ??= createMatcher();
  return defaultMatcher.value;
}

/** How one action (or an action read together with the one it refers to) compares with the playbook. */
interface Judgement {
  best?: Comparison;
  nearest?: Comparison;
  /** Alignment score per step. */
  scores: number[];
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

/** Every observed action with its verdict, in session order (repeats included). */
export function judgeActions(playbook: Playbook, matcher: Matcher): ActionVerdict[] {
  const { table, threshold, weights } = matcher;
  const units = unitsOf(playbook, table);
  const pairs = pairsOf(playbook, table, units);
  const others = otherUnitsOf(playbook, table);
  const context = contextKeysOf(playbook, table);
  const people = peopleOf(playbook);

  const judge = (terms: TextTerms): Judgement => {
    const termWeights = weightsOf(terms, units, context, table, weights, people);
    const singles = units.map((unit) => compare(terms, termWeights, unit, table, weights));
    const paired = pairs
      .map((unit) => compare(terms, termWeights, unit, table, weights))
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
    const elsewhere = bestOf(others.map((unit) => compare(terms, termWeights, unit, table, weights)).filter((c) => namesSubject(terms, c)));
    const best = elsewhere && (!stepBest || (!stepDocumented && elsewhere.score > stepBest.score)) ? elsewhere : stepBest;
    // Alignment scores per step: a pair counts for its later step.
    const scores = units.map((unit, index) => Math.max(singles[index]!.score, ...paired.filter((p) => p.unit.number === unit.number).map((p) => p.score)));
    const nearest = singles.reduce<Comparison | undefined>((top, c) => (!top || c.coverage > top.coverage || (c.coverage === top.coverage && c.score > top.score) ? c : top), undefined);
    const judgement: Judgement = { scores, stepDocumented, documented: stepDocumented || (elsewhere !== undefined && elsewhere.score >= threshold) };
    if (best) judgement.best = best;
    if (nearest) judgement.nearest = nearest;
    return judgement;
  };

  const verdicts: ActionVerdict[] = [];
  for (const session of playbook.shadowing) {
    const judged: Judgement[] = [];
    const repeats: boolean[] = [];
    session.observed.forEach((action, index) => {
      let judgement = judge(termsOf(action.text, table));
      // "Did the same for the second printer": what was done before, to what this action names.
      const previous = index > 0 ? session.observed[index - 1] : undefined;
      if (!judgement.documented && previous && SAME_AS_BEFORE.test(action.text)) {
        const together = judge(termsOf(`${previous.text}; ${action.text}`, table));
        if (together.documented && !together.best?.otherTarget && !together.best?.oppositeVerb) judgement = together;
      }
      judged.push(judgement);
      repeats.push(REPEATED.test(action.text) || SAME_AS_BEFORE.test(action.text));
    });
    const assigned = alignSteps(
      judged.map((j) => j.scores),
      judged.map((j) => j.stepDocumented),
      BACKWARD_PENALTY,
      repeats,
    );
    const after = placementsOf(assigned);
    judged.forEach((j, index) => {
      const verdict: ActionVerdict = { action: session.observed[index]!, documented: j.documented, step: j.stepDocumented ? assigned[index]! : after[index]! };
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
  const matcher = matcherFor(options);
  const seen = new Set<string>();
  const found: UndocumentedAction[] = [];
  for (const verdict of judgeActions(playbook, matcher)) {
    const text = verdict.action.text.trim().replace(/\s+/g, ' ').toLowerCase();
    if (seen.has(text)) continue;
    seen.add(text);
    if (verdict.documented) continue;
    const result: UndocumentedAction = { action: verdict.action, afterStep: verdict.step };
    if (verdict.nearest && verdict.nearest.coverage >= NEAREST_FLOOR) {
      result.nearest = { step: String(verdict.nearest.unit.number), score: Math.round(verdict.nearest.score * 100) / 100, reason: reasonOf(verdict.nearest) };
    }
    found.push(result);
  }
  return found;
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
