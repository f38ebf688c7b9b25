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

/**
 * How the observations of one session align to the steps, with insertions:
 * a pair hidden-Markov alignment (Needleman–Wunsch with affine-free costs,
 * solved exactly by dynamic programming). Each observation either does a
 * step (it gains its similarity to the step less `insertion`) or is an
 * insertion, something no step describes (it gains 0). Between observations
 * that do steps the path moves: forward over steps nobody was seen doing
 * costs `skip` per step passed over; staying on the same step (a second
 * action of one step) costs `stay`; going back costs `back` per step and
 * once more, unless the observation says it repeats ("again", "the same
 * for …"); steps still ahead after the last observation cost `end` each.
 *
 * So an observation that sits where an unobserved step is, with only weak
 * similarity, is cheaper as that step than as an insertion (the skip is
 * saved), while a near-duplicate of a step already done pays `stay`.
 */
export interface AlignmentParams {
  /** Share of the soft (vector) coverage in the similarity the alignment uses, the rest being the lexical score. */
  soft?: number;
  insertion: number;
  skip: number;
  stay: number;
  back: number;
  end: number;
}

export interface SessionAlignment {
  /**
   * Per observation: the best total with it doing a step minus the best
   * total with it an insertion (max-marginals). Above 0 the alignment takes
   * it as documented.
   */
  margin: number[];
  /** Per observation: the step (1-based) it does on the best path where it does one (0 when there are no steps). */
  step: number[];
}

/** What the procedure's shape says about moving between steps. */
export interface ProcedureShape {
  /** Per step: how many parts it has (its sub-steps; 1 at least). Staying on a step of several parts costs less. */
  parts: readonly number[];
  /** "Repeat steps 3–7 for each room" (step 8): going back into steps 3–7 from any of 3–8 is the procedure, not a repeat. */
  loops: readonly { from: number; to: number; at: number }[];
}

/** Max-marginal alignment of one session: `similarity[i][j]` is how well step j + 1 describes observation i. */
export function alignSession(similarity: readonly (readonly number[])[], repeats: readonly boolean[], params: AlignmentParams, shape?: ProcedureShape): SessionAlignment {
  const count = similarity.length;
  const steps = similarity[0]?.length ?? 0;
  if (steps === 0) return { margin: similarity.map(() => -params.insertion), step: similarity.map(() => 0) };
  const states = steps + 1; // 0: before any step; k: the last step done was k
  const NEG = Number.NEGATIVE_INFINITY;
  const stayOn = (step: number) => params.stay / Math.max(1, shape?.parts[step - 1] ?? 1);
  const loops = shape?.loops ?? [];
  const move = (from: number, to: number, repeat: boolean): number => {
    if (to > from) return -params.skip * (to - from - 1);
    if (to === from) return -stayOn(to);
    if (repeat || loops.some((loop) => loop.from <= to && to <= loop.to && loop.from <= from && from <= Math.max(loop.to, loop.at))) return -stayOn(to);
    return -params.back * (1 + from - to);
  };
  const emission = (i: number, j: number) => similarity[i]![j - 1]! - params.insertion;
  // forward[i + 1][k]: best total of observations 0..i ending in state k.
  const forward: Float64Array[] = [new Float64Array(states).fill(NEG)];
  forward[0]![0] = 0;
  for (let i = 0; i < count; i++) {
    const before = forward[i]!;
    const after = Float64Array.from(before);
    for (let j = 1; j < states; j++) {
      let top = NEG;
      for (let k = 0; k < states; k++) if (before[k]! > NEG) top = Math.max(top, before[k]! + move(k, j, repeats[i] ?? false));
      after[j] = Math.max(after[j]!, top + emission(i, j));
    }
    forward.push(after);
  }
  // backward[i][k]: best total of observations i..count-1 given state k before observation i.
  const backward: Float64Array[] = new Array(count + 1);
  backward[count] = Float64Array.from({ length: states }, (_, k) => -params.end * (steps - k));
  for (let i = count - 1; i >= 0; i--) {
    const later = backward[i + 1]!;
    const here = Float64Array.from(later);
    for (let k = 0; k < states; k++) {
      for (let j = 1; j < states; j++) here[k] = Math.max(here[k]!, move(k, j, repeats[i] ?? false) + emission(i, j) + later[j]!);
    }
    backward[i] = here;
  }
  const margin: number[] = [];
  const step: number[] = [];
  for (let i = 0; i < count; i++) {
    const before = forward[i]!;
    const later = backward[i + 1]!;
    let inserted = NEG;
    for (let k = 0; k < states; k++) inserted = Math.max(inserted, before[k]! + later[k]!);
    let aligned = NEG;
    let at = 1;
    for (let j = 1; j < states; j++) {
      let top = NEG;
      for (let k = 0; k < states; k++) if (before[k]! > NEG) top = Math.max(top, before[k]! + move(k, j, repeats[i] ?? false));
      const total = top + emission(i, j) + later[j]!;
      if (total > aligned) [aligned, at] = [total, j];
    }
    margin.push(aligned - inserted);
    step.push(at);
  }
  return { margin, step };
}
