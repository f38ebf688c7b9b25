import { findStep } from '../../core/model.ts';
import { findUndocumentedActions, type MatcherOptions } from '../match/index.ts';
import type { Rule } from '../rule.ts';

/**
 * An observed action that no step describes. How matching works, and how a
 * team tunes it: docs/rules/undocumented-step.md and src/checker/match/.
 */
export const undocumentedStep: Rule = {
  id: 'undocumented-step',
  description: 'An action someone was seen doing that no step describes',
  defaultSeverity: 'warning',
  scope: 'file',
  check({ playbook, config, report }) {
    const options = (config.options['undocumented-step'] ?? {}) as MatcherOptions;
    for (const found of findUndocumentedActions(playbook, options)) {
      const after = found.afterStep === 0 ? 'before step 1' : `after step ${found.afterStep} (\`${short(findStep(playbook.steps, String(found.afterStep))?.title ?? '')}\`)`;
      const nearest = found.nearest ? `; nearest is step ${found.nearest.step} (\`${short(found.nearest.title)}\`), but ${found.nearest.reason}` : '';
      report({
        place: found.action.place,
        message: `\`${found.action.text}\` is not described by any step; it most likely belongs ${after}${nearest}`,
        fix: `add a step ${found.afterStep === 0 ? 'before step 1' : `after step ${found.afterStep}`} that says how to do it, or record it as a gap`,
        data: { afterStep: found.afterStep, ...(found.nearest ? { nearestStep: found.nearest.step } : {}) },
      });
    }
  },
};

function short(title: string): string {
  return title.length > 50 ? `${title.slice(0, 49)}…` : title;
}
