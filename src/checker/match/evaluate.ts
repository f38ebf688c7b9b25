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
 * `undocumented-step` finding or a recorded gap covers it. The gap level
 * (`gapSummaryOf`) asks whether each recorded gap covers the entry it is about.
 * Pure, except `gapSummaryOfFolder`, which reads a labeled folder for the
 * bench and the test that share it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Playbook } from '../../core/model.ts';
import { parsePlaybook } from '../../core/parse.ts';
import { findUndocumentedActions, normalisedText, type MatcherOptions, type UndocumentedAction } from './index.ts';

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

/** Which observed entry each recorded gap is about (a development half's `gaps.json`), by playbook: of its own session, or of `recordsSession`. */
export type GapLabels = Record<string, { session: number; gap: number; found: string; records: string | null; recordsSession?: number; also?: string[] }[]>;

/** How the gap coverage did on one half: each labeled gap against the entry it is about. */
export interface GapSummary {
  /** Labeled gaps whose entry the matcher finds undocumented (only those can be a finding twice over). */
  entries: number;
  /** Of those, the entry is recorded by its gap: one warning (the gap's), as it should be. */
  recorded: number;
  /** Of those, the entry is not recorded by its gap: an `undocumented-step` finding besides the gap's own warning. */
  twice: number;
  /** Undocumented entries a gap records although that gap is about another entry or none: a finding given way to the wrong gap. */
  wrong: number;
}

/**
 * The gap coverage against labels: one warning per missing thing needs each gap to record the entry it is about
 * (when the matcher finds that entry undocumented), and no gap to record an entry it is not about.
 */
export function gapSummaryOf(file: string, playbook: Playbook, labels: GapLabels[string], options?: MatcherOptions): GapSummary {
  const found = findUndocumentedActions(playbook, options);
  const undocumented = new Map(found.map((u) => [normalisedText(u.action.text), u]));
  const summary: GapSummary = { entries: 0, recorded: 0, twice: 0, wrong: 0 };
  for (const label of labels) {
    const gap = playbook.shadowing[label.session]?.gaps[label.gap];
    if (!gap || gap.found.trim() !== label.found.trim()) throw new Error(`${file}: session ${label.session + 1}, gap ${label.gap + 1} is not the labeled gap`);
    const about = new Set([label.records, ...(label.also ?? [])].filter((text): text is string => text !== null).map(normalisedText));
    const isThisGap = (u: UndocumentedAction) => u.coveredBy?.session === label.session && u.coveredBy.index === label.gap;
    const entry = label.records === null ? undefined : undocumented.get(normalisedText(label.records));
    if (entry) {
      summary.entries++;
      if (isThisGap(entry) || [...about].some((text) => { const other = undocumented.get(text); return other !== undefined && isThisGap(other); })) summary.recorded++;
      else summary.twice++;
    }
    summary.wrong += found.filter((u) => isThisGap(u) && !about.has(normalisedText(u.action.text))).length;
  }
  return summary;
}

/** The gap coverage of a labeled folder with a `gaps.json` (test/fixtures/match-dev/*), summed over its playbooks; undefined without one. */
export function gapSummaryOfFolder(folder: string, options?: MatcherOptions): GapSummary | undefined {
  const path = join(folder, 'gaps.json');
  if (!existsSync(path)) return undefined;
  const labels = JSON.parse(readFileSync(path, 'utf8')) as GapLabels;
  return sumGapSummaries(Object.entries(labels).map(([file, gaps]) => gapSummaryOf(file, parsePlaybook(join(folder, file), readFileSync(join(folder, file), 'utf8'), { path: file }), gaps, options)));
}

/** Gap summaries added up (playbooks of a half, or halves). */
export function sumGapSummaries(summaries: readonly GapSummary[]): GapSummary {
  const total: GapSummary = { entries: 0, recorded: 0, twice: 0, wrong: 0 };
  for (const one of summaries) for (const key of ['entries', 'recorded', 'twice', 'wrong'] as const) total[key] += one[key];
  return total;
}
