import type { Rule } from '../rule.ts';

/**
 * A suppression comment without a reason, naming an unknown rule, or
 * suppressing nothing. Reported by the runner (src/checker/suppressions.ts),
 * which sees every other rule's findings; this entry gives it an id, a
 * default severity and a docs page.
 */
export const suppression: Rule = {
  id: 'suppression',
  description: 'A suppression comment without a reason, or that suppresses nothing',
  defaultSeverity: 'error',
  needsFrontmatter: false,
  check() {},
};
