/**
 * Order. A session's observed actions and the playbook's steps both run in
 * order, so the documented actions are aligned to steps as a sequence
 * (Viterbi over the steps): each takes a step that describes it well, and
 * going back to an earlier step costs a little (more the further back), so of two equally good steps
 * the one that keeps the order wins ("Rolled the consumer pods" after step 5
 * is step 6, not step 4 which also lists pods).
 *
 * An undocumented action belongs after the step of the nearest documented
 * action before it in its session (0 = before step 1).
 */

/** Cost of going back to an earlier step than the previous action's: this much, and as much again per step back. */
export const BACKWARD_PENALTY = 0.05;

/**
 * The step each documented action is aligned to (1-based), 0 for the others.
 * `scores[action][step - 1]` is how well the step describes the action.
 */
export function alignSteps(scores: readonly (readonly number[])[], documented: readonly boolean[], backwardPenalty = BACKWARD_PENALTY, repeats: readonly boolean[] = []): number[] {
  const steps = scores[0]?.length ?? 0;
  const assigned = scores.map(() => 0);
  const rows = scores.map((row, index) => ({ row, index })).filter(({ index }) => documented[index]);
  if (steps === 0 || rows.length === 0) return assigned;
  // best[j]: best total with the latest documented action on step j; from[r][j]: the step before it.
  let best = rows[0]!.row.slice();
  const from: number[][] = [best.map(() => -1)];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!.row;
    // An action done "again" may go back to an earlier step at no cost.
    const penalty = repeats[rows[r]!.index] ? 0 : backwardPenalty;
    const next: number[] = [];
    const back: number[] = [];
    for (let j = 0; j < steps; j++) {
      let top = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let k = 0; k < steps; k++) {
        const value = best[k]! - (j < k ? penalty * (1 + k - j) : 0);
        if (value > top) {
          top = value;
          arg = k;
        }
      }
      next.push(top + row[j]!);
      back.push(arg);
    }
    best = next;
    from.push(back);
  }
  let step = best.indexOf(Math.max(...best));
  for (let r = rows.length - 1; r >= 0; r--) {
    assigned[rows[r]!.index] = step + 1;
    step = from[r]![step]!;
  }
  return assigned;
}

/** For each action, the step of the nearest documented action before it (0 when none). */
export function placementsOf(assigned: readonly number[]): number[] {
  let last = 0;
  return assigned.map((step) => {
    const after = last;
    if (step > 0) last = step;
    return after;
  });
}
