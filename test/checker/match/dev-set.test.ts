/**
 * The matcher on the development set (test/fixtures/match-dev/, see its
 * README.md): 45 playbooks by three writers in some twenty domains, split by
 * playbook into `tune` (what the matcher is tuned on) and `test` (scored, never
 * tuned on; copied in by whoever scores it). Every half present is scored.
 *
 * - `test`: scored once after the matcher's second version was built on the
 *   other sets: precision 0.718, recall 0.947, placement exact 0.921 (372
 *   entries); scored again after the third (reporting verbs, purpose clauses,
 *   the model chosen by min(precision, recall), all chosen on the other sets):
 *   precision 0.752, recall 0.936, placement 0.920. The goals (precision ≥ 0.95, recall ≥ 0.95, placement
 *   ≥ 0.90) are NOT met; this asserts a floor just under the measured figures
 *   so that a change that makes the matcher worse on unseen wording fails,
 *   and GOAL records the target. Its mistakes are not printed: nobody tunes
 *   on this half.
 * - `tune`: the figures are printed, and a floor the matcher reaches guards
 *   against regressions. It is not the goal: figures on tuned data prove
 *   little.
 */
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_SET, describeMistakes, describeSummary, developmentHalves, scoreSet } from './labeled-sets.ts';

/** Floors on the tune half, below what the trained model reaches on it (fitted 0.90 / 0.94 / 0.93; cross-validated 0.89 / 0.93 / 0.93, see model.json). */
const TUNE_FLOOR = { precision: 0.87, recall: 0.92, placementExact: 0.9 };
/** Floors on the test half, just under its measured figures (0.752 / 0.936 / 0.920): a regression guard, not the goal. */
const TEST_FLOOR = { precision: 0.74, recall: 0.92, placementExact: 0.9 };
/** The goal on unseen wording, not reached yet (see docs/rules/undocumented-step.md). */
const GOAL = { precision: 0.95, recall: 0.95, placementExact: 0.9 };

describe('undocumented-step matcher on the development set', () => {
  const halves = developmentHalves();

  it('has the tune half', () => {
    expect(halves).toContain('tune');
  });

  for (const half of halves) {
    it(`${half} half: precision, recall and placement`, () => {
      const { summary, findings, outcomes } = scoreSet(`${DEVELOPMENT_SET}/${half}`);
      const mistakes = half === 'test' ? [] : describeMistakes(outcomes).map((line) => `  ${line}`);
      const goal = summary.precision >= GOAL.precision && summary.recall >= GOAL.recall && summary.placementExact >= GOAL.placementExact;
      console.log([describeSummary(`development ${half}`, summary), describeSummary('  finding level', findings), `  the issue's goal (${GOAL.precision} / ${GOAL.recall} / ${GOAL.placementExact}): ${goal ? 'met' : 'not met'}`, ...mistakes].join('\n'));
      const wanted = half === 'test' ? TEST_FLOOR : half === 'tune' ? TUNE_FLOOR : undefined;
      if (!wanted) return;
      expect(summary.precision).toBeGreaterThanOrEqual(wanted.precision);
      expect(summary.recall).toBeGreaterThanOrEqual(wanted.recall);
      expect(summary.placementExact).toBeGreaterThanOrEqual(wanted.placementExact);
    });
  }
});
