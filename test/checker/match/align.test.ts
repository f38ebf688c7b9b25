/** Order: documented actions aligned to steps; undocumented ones placed after the step before them. */
import { describe, expect, it } from 'vitest';
import { alignSteps, placementsOf } from '../../../src/checker/match/align.ts';

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
