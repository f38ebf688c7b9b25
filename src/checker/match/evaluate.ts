/**
 * Scoring the matcher against labeled playbooks (the format of
 * test/fixtures/eval/undocumented-steps/README.md): precision and recall of
 * the "undocumented" label per distinct observed entry, and for true
 * positives how often `afterStep` is the labeled step (exact, within one).
 *
 * Two levels. The matcher's verdict ("does a step, the Verify section or a
 * prerequisite describe this action") is what the labels answer, so it is
 * scored as is: a recorded gap does not change it. The finding level is what
 * an author sees: an entry counts as reported when it gets an
 * `undocumented-step` finding or a recorded gap covers it.
 * Pure: the caller reads the files.
 */
import type { Playbook } from '../../core/model.ts';
import { findUndocumentedActions, normalisedText, type MatcherOptions } from './index.ts';

/** One case of labels.json. */
export interface CaseLabels {
  undocumented: { observed: string; after_step: number }[];
  documented: string[];
}

export interface LabelFile {
  format: number;
  cases: Record<string, CaseLabels>;
}

export interface Outcome {
  file: string;
  observed: string;
  expected: 'documented' | 'undocumented';
  actual: 'documented' | 'undocumented';
  expectedAfter?: number;
  actualAfter?: number;
  nearest?: string;
  /** The finding level: it gets an `undocumented-step` finding, or a recorded gap covers it. */
  reported: boolean;
  /** The gap that covers it, if any (`id`, or session and index). */
  coveredBy?: string;
}

export interface Summary {
  entries: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  placementExact: number;
  placementWithinOne: number;
}

/** Every labeled entry of one playbook with what the matcher said. Throws when labels and observed entries disagree. */
export function outcomesOf(file: string, playbook: Playbook, labels: CaseLabels, options?: MatcherOptions): Outcome[] {
  const observed = new Set(playbook.shadowing.flatMap((session) => session.observed.map((action) => action.text)));
  const labeled = [...labels.undocumented.map((u) => u.observed), ...labels.documented];
  const unlabeled = [...observed].filter((text) => !labeled.includes(text));
  const unknown = labeled.filter((text) => !observed.has(text));
  if (unlabeled.length > 0 || unknown.length > 0 || labeled.length !== observed.size) {
    throw new Error(`${file}: labels do not match the observed entries (unlabeled: ${JSON.stringify(unlabeled)}, not observed: ${JSON.stringify(unknown)})`);
  }
  const undocumented = findUndocumentedActions(playbook, options);
  const found = new Map(undocumented.map((u) => [u.action.text, u]));
  // The gap each one's finding gives way to, as the checker found it (a gap covers only actions no step describes).
  const covered = new Map(undocumented.flatMap((u) => (u.coveredBy ? [[normalisedText(u.action.text), u.coveredBy] as const] : [])));
  const expectedAfter = new Map(labels.undocumented.map((u) => [u.observed, u.after_step]));
  return labeled.map((text) => {
    const hit = found.get(text);
    const gap = covered.get(normalisedText(text));
    const outcome: Outcome = { file, observed: text, expected: expectedAfter.has(text) ? 'undocumented' : 'documented', actual: hit ? 'undocumented' : 'documented', reported: hit !== undefined || gap !== undefined };
    if (gap) outcome.coveredBy = gap.id ?? `session ${gap.session + 1}, gap ${gap.index + 1}`;
    if (expectedAfter.has(text)) outcome.expectedAfter = expectedAfter.get(text)!;
    if (hit) {
      outcome.actualAfter = hit.afterStep;
      if (hit.nearest) outcome.nearest = `step ${hit.nearest.step} (${hit.nearest.score}): ${hit.nearest.reason}`;
    }
    return outcome;
  });
}

/**
 * Precision, recall and placement over outcomes: of the matcher's verdict
 * (`matcher`, the default), or of what is reported (`finding`: a finding or a
 * covering gap; placement counts the entries with a finding).
 */
export function summarise(outcomes: readonly Outcome[], level: 'matcher' | 'finding' = 'matcher'): Summary {
  const flagged = (o: Outcome) => (level === 'matcher' ? o.actual === 'undocumented' : o.reported);
  const truePositives = outcomes.filter((o) => o.expected === 'undocumented' && flagged(o));
  const falsePositives = outcomes.filter((o) => o.expected === 'documented' && flagged(o)).length;
  const falseNegatives = outcomes.filter((o) => o.expected === 'undocumented' && !flagged(o)).length;
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  const placed = truePositives.filter((o) => o.actualAfter !== undefined);
  return {
    entries: outcomes.length,
    truePositives: truePositives.length,
    falsePositives,
    falseNegatives,
    precision: ratio(truePositives.length, truePositives.length + falsePositives),
    recall: ratio(truePositives.length, truePositives.length + falseNegatives),
    placementExact: ratio(placed.filter((o) => o.actualAfter === o.expectedAfter).length, placed.length),
    placementWithinOne: ratio(placed.filter((o) => Math.abs(o.actualAfter! - o.expectedAfter!) <= 1).length, placed.length),
  };
}
