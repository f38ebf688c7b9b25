/** Order: documented actions aligned to steps; undocumented ones placed after the step before them. */
import { describe, expect, it } from 'vitest';
import { alignSession, alignSteps, placementsOf, type AlignmentParams } from '../../../src/checker/match/align.ts';

describe('alignSteps', () => {
  it('keeps the order when two steps describe an action equally well', () => {
    // Action 2 scores 0.6 on step 1 and on step 3; after action 1 on step 2, step 3 keeps the order.
    expect(alignSteps([[0.1, 0.9, 0.1], [0.6, 0.1, 0.6]], [true, true])).toEqual([2, 3]);
  });

  it('goes back when the earlier step is clearly better', () => {
    expect(alignSteps([[0.1, 0.1, 0.9], [0.9, 0.1, 0.2]], [true, true])).toEqual([3, 1]);
  });

  it('pays more the further back it goes', () => {
    // One step back is cheap: 0.65 on step 1 beats 0.5 on step 3.
    expect(alignSteps([[0, 0.9, 0], [0.65, 0.1, 0.5]], [true, true])).toEqual([2, 1]);
    // Five steps back is not: 0.62 on step 1 loses to 0.45 on step 7.
    expect(alignSteps([[0, 0, 0, 0, 0, 0.9, 0], [0.62, 0, 0, 0, 0, 0, 0.45]], [true, true])).toEqual([6, 7]);
  });

  it('leaves undocumented actions at 0', () => {
    expect(alignSteps([[0.9, 0.1], [0.2, 0.3], [0.1, 0.9]], [true, false, true])).toEqual([1, 0, 2]);
  });
});

describe('placementsOf', () => {
  it('places each action after the nearest aligned step before it, 0 at the start', () => {
    expect(placementsOf([0, 1, 0, 3, 0, 0])).toEqual([0, 0, 1, 1, 3, 3]);
  });
});

describe('alignSession (max-marginal alignment with insertions)', () => {
  const params: AlignmentParams = { insertion: 0.4, skip: 0.1, stay: 0.2, back: 0.1, end: 0 };

  it('takes a weak match where an unobserved step is: skipping the step would cost more', () => {
    // Steps 1, 2, 3; the middle observation says little of step 2 (0.35), but nothing else does step 2.
    const { margin, step } = alignSession([[0.9, 0, 0], [0, 0.35, 0], [0, 0, 0.9]], [false, false, false], params);
    expect(step).toEqual([1, 2, 3]);
    expect(margin[1]).toBeGreaterThan(0);
  });

  it('does not take the same weak match as a second action of a step already done', () => {
    // The middle observation scores 0.35 on step 1, which the first observation does: staying costs, it is an insertion.
    const { margin } = alignSession([[0.9, 0, 0], [0.35, 0, 0], [0, 0.9, 0]], [false, false, false], params);
    expect(margin[1]).toBeLessThan(0);
    expect(margin[0]).toBeGreaterThan(0);
    expect(margin[2]).toBeGreaterThan(0);
  });

  it('an action that says nothing of any step is an insertion, wherever it is', () => {
    const { margin } = alignSession([[0.9, 0, 0], [0.05, 0.05, 0.05], [0, 0.9, 0]], [false, false, false], params);
    expect(margin[1]).toBeLessThan(0);
  });

  it('going back costs, unless the action repeats or a step loops back', () => {
    const scores = [[0, 0, 0.9], [0.65, 0, 0]];
    expect(alignSession(scores, [false, false], params).margin[1]).toBeLessThan(0);
    expect(alignSession(scores, [false, true], params).margin[1]).toBeGreaterThan(0);
    // Step 3 says "Repeat steps 1–2": going back into them is the procedure.
    expect(alignSession(scores, [false, false], params, { parts: [1, 1, 1], loops: [{ from: 1, to: 2, at: 3 }] }).margin[1]).toBeGreaterThan(0);
  });

  it('staying on a step of several parts costs less', () => {
    const scores = [[0.9, 0], [0.5, 0]];
    const single = alignSession(scores, [false, false], params).margin[1]!;
    const three = alignSession(scores, [false, false], params, { parts: [3, 1], loops: [] }).margin[1]!;
    expect(three).toBeGreaterThan(single);
  });

  it('is the same as trying both: the margin is the best total with the action on a step less the best total without', () => {
    // Brute force over every assignment of 3 actions to {insertion, step 1, step 2}.
    const scores = [[0.6, 0.2], [0.3, 0.45], [0.1, 0.7]];
    const total = (assignment: number[]) => {
      let state = 0;
      let sum = 0;
      assignment.forEach((to, i) => {
        if (to === 0) return;
        sum += scores[i]![to - 1]! - params.insertion;
        if (to > state) sum -= params.skip * (to - state - 1);
        else if (to === state) sum -= params.stay;
        else sum -= params.back * (1 + state - to);
        state = to;
      });
      return sum;
    };
    const all: number[][] = [];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) for (let c = 0; c < 3; c++) all.push([a, b, c]);
    const { margin } = alignSession(scores, [false, false, false], params);
    for (let i = 0; i < 3; i++) {
      const on = Math.max(...all.filter((x) => x[i] !== 0).map(total));
      const off = Math.max(...all.filter((x) => x[i] === 0).map(total));
      expect(margin[i]).toBeCloseTo(on - off, 10);
    }
  });
});
