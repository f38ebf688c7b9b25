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
 *   precision 0.752, recall 0.936, placement 0.920; and after its last round
 *   (more tune data, waits, the Verify/prerequisite way to place an action):
 *   precision 0.795, recall 0.947, placement 0.955. The goals (precision ≥ 0.95, recall ≥ 0.95, placement
 *   ≥ 0.90) are NOT met; this asserts a floor just under the measured figures
 *   so that a change that makes the matcher worse on unseen wording fails,
 *   and GOAL records the target. Its mistakes are not printed: nobody tunes
 *   on this half.
 * - `test2`: 24 playbooks by three more writers (w4–w6) were written on
 *   2026-12-02 and split by playbook: half to `tune`, half here. Scored after
 *   the third version's first round (0.869 / 0.841 / 0.962, before it was
 *   retrained on their tune half) and after the last (0.862 / 0.794 / 0.960);
 *   no choice was made on it. Its mistakes are not printed either.
 * - `test3`: 24 playbooks by three more writers (w7–w9, 2026-12-02, a later
 *   session), split the same way. Scored once with the shipped model before
 *   it was retrained on their tune half (0.800 / 0.800 / 0.942), then after
 *   each of three retrainings (0.841 / 0.815 / 0.962; with re- verbs
 *   0.815 / 0.815 / 0.962; with contractions spelled out 0.841 / 0.815 /
 *   0.962). Over them `test` fell from 0.795 to 0.766 precision: the halves
 *   disagree by more than their size explains, so read the three together
 *   (pooled 0.808 / 0.851 / 0.958).
 * - `tune`: the figures are printed, and a floor the matcher reaches guards
 *   against regressions. It is not the goal: figures on tuned data prove
 *   little.
 */
import { describe, expect, it } from 'vitest';
import { gapSummaryOfFolder, sumGapSummaries } from '../../../src/checker/match/evaluate.ts';
import { DEVELOPMENT_SET, describeMistakes, describeSummary, developmentHalves, scoreSet } from './labeled-sets.ts';

/** Floors on the tune half, below what the trained model reaches on it (0.851 / 0.899 / 0.909 on 1,117 entries, see model.json). */
const TUNE_FLOOR = { precision: 0.845, recall: 0.89, placementExact: 0.9 };
/**
 * Floors on the held-out halves, just under their measured figures: a regression guard, not the goal. With the model
 * retrained on w10–w12's tune half (1,117 tune entries): `test` 0.767 / 0.947 / 0.955; `test2` 0.873 / 0.873 / 0.945;
 * `test3` 0.803 / 0.877 / 0.965; `test4` (w10–w12, new) 0.789 / 0.938 / 0.883.
 */
const HELD_OUT_FLOORS: Record<string, { precision: number; recall: number; placementExact: number }> = {
  test: { precision: 0.76, recall: 0.94, placementExact: 0.95 },
  test2: { precision: 0.87, recall: 0.87, placementExact: 0.94 },
  test3: { precision: 0.8, recall: 0.87, placementExact: 0.96 },
  test4: { precision: 0.78, recall: 0.93, placementExact: 0.88 },
};
/** The goal on unseen wording, not reached yet (see docs/matcher.md). */
const GOAL = { precision: 0.95, recall: 0.95, placementExact: 0.9 };

/**
 * The gap coverage on the `gaps.json` of each half (which observed entry each recorded gap is about, in its own
 * session or, `recordsSession`, another; labeled by helpers who read no code): one warning per missing thing needs
 * each gap to record its entry. Measured 2026-12-02, of the labeled gaps whose entry the matcher finds undocumented:
 * tune 61 of 76 record it (7 times a gap records an entry it is not about); the four held-out halves together 59 of
 * 76 (7). With a gap reading only its own session: 52 (6) and 49 (4); with the action's side, any session, before
 * that (on the halves and labels of the time): tune 21 of 53 (7), held out 27 of 52 (8). Floors, not the goal.
 */
const GAP_FLOOR = { tune: { recorded: 61, wrong: 7 }, heldOut: { recorded: 59, wrong: 7 } };

describe('undocumented-step matcher on the development set', () => {
  const halves = developmentHalves();

  it('has the tune half', () => {
    expect(halves).toContain('tune');
  });

  for (const half of halves) {
    it(`${half} half: precision, recall and placement`, () => {
      const { summary, findings, outcomes } = scoreSet(`${DEVELOPMENT_SET}/${half}`);
      const heldOut = half.startsWith('test');
      const mistakes = heldOut ? [] : describeMistakes(outcomes).map((line) => `  ${line}`);
      const goal = summary.precision >= GOAL.precision && summary.recall >= GOAL.recall && summary.placementExact >= GOAL.placementExact;
      console.log([describeSummary(`development ${half}`, summary), describeSummary('  finding level', findings), `  the issue's goal (${GOAL.precision} / ${GOAL.recall} / ${GOAL.placementExact}): ${goal ? 'met' : 'not met'}`, ...mistakes].join('\n'));
      const wanted = heldOut ? HELD_OUT_FLOORS[half] : half === 'tune' ? TUNE_FLOOR : undefined;
      // A half nobody has given a floor yet is scored and printed only.
      if (!wanted) return;
      expect(summary.precision).toBeGreaterThanOrEqual(wanted.precision);
      expect(summary.recall).toBeGreaterThanOrEqual(wanted.recall);
      expect(summary.placementExact).toBeGreaterThanOrEqual(wanted.placementExact);
    });
  }

  it('each recorded gap records the entry it is about (one warning per missing thing)', () => {
    // A half whose gaps nobody has labeled yet has no gaps.json and counts for nothing here.
    const sum = (names: string[]) => sumGapSummaries(names.flatMap((name) => gapSummaryOfFolder(`${DEVELOPMENT_SET}/${name}`) ?? []));
    const heldOutHalves = halves.filter((half) => half.startsWith('test'));
    for (const [name, gaps, floor] of [['tune', sum(['tune']), GAP_FLOOR.tune], ['held out', sum(heldOutHalves), GAP_FLOOR.heldOut]] as const) {
      console.log(`development ${name}, gaps: of ${gaps.entries} labeled gaps whose entry is undocumented, ${gaps.recorded} record it, ${gaps.twice} do not; ${gaps.wrong} record an entry they are not about`);
      expect(gaps.entries).toBeGreaterThanOrEqual(50);
      expect(gaps.recorded).toBeGreaterThanOrEqual(floor.recorded);
      expect(gaps.wrong).toBeLessThanOrEqual(floor.wrong);
    }
  });
});
