/**
 * Scoring the matcher against labeled playbooks (the format of
 * test/fixtures/eval/undocumented-steps/README.md): precision and recall of
 * the "undocumented" label per distinct observed entry, and for true
 * positives how often `afterStep` is the labeled step (exact, within one).
 * Pure: the caller reads the files.
 */
import type { Playbook } from '../../core/model.ts';
import { findUndocumentedActions, type MatcherOptions } from './index.ts';

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
  const found = new Map(findUndocumentedActions(playbook, options).map((u) => [u.action.text, u]));
  const expectedAfter = new Map(labels.undocumented.map((u) => [u.observed, u.after_step]));
  return labeled.map((text) => {
    const hit = found.get(text);
    const outcome: Outcome = { file, observed: text, expected: expectedAfter.has(text) ? 'undocumented' : 'documented', actual: hit ? 'undocumented' : 'documented' };
    if (expectedAfter.has(text)) outcome.expectedAfter = expectedAfter.get(text)!;
    if (hit) {
      outcome.actualAfter = hit.afterStep;
      if (hit.nearest) outcome.nearest = `step ${hit.nearest.step} (${hit.nearest.score}): ${hit.nearest.reason}`;
    }
    return outcome;
  });
}

/** Precision, recall and placement over outcomes. */
export function summarise(outcomes: readonly Outcome[]): Summary {
  const truePositives = outcomes.filter((o) => o.expected === 'undocumented' && o.actual === 'undocumented');
  const falsePositives = outcomes.filter((o) => o.expected === 'documented' && o.actual === 'undocumented').length;
  const falseNegatives = outcomes.filter((o) => o.expected === 'undocumented' && o.actual === 'documented').length;
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return {
    entries: outcomes.length,
    truePositives: truePositives.length,
    falsePositives,
    falseNegatives,
    precision: ratio(truePositives.length, truePositives.length + falsePositives),
    recall: ratio(truePositives.length, truePositives.length + falseNegatives),
    placementExact: ratio(truePositives.filter((o) => o.actualAfter === o.expectedAfter).length, truePositives.length),
    placementWithinOne: ratio(truePositives.filter((o) => Math.abs(o.actualAfter! - o.expectedAfter!) <= 1).length, truePositives.length),
  };
}
