import { allSteps } from '../../core/model.ts';
import type { Rule } from '../rule.ts';
import { stepContent } from './gap-not-covered.ts';
import { significantStems } from '../text.ts';

/**
 * An observed action that no step describes. Simple matcher (shared stems);
 * the full matcher lives in src/checker/match/ when present.
 */
export const undocumentedStep: Rule = {
  id: 'undocumented-step',
  description: 'An action someone was seen doing that no step describes',
  defaultSeverity: 'warning',
  scope: 'file',
  check({ playbook, report }) {
    const steps = playbook.steps.map((step) => ({ step, stems: significantStems(stepContent(step)) }));
    const seen = new Set<string>();
    for (const session of playbook.shadowing) {
      let afterStep = 0;
      for (const action of session.observed) {
        const wanted = significantStems(action.text);
        let best = { score: 0, number: 0 };
        steps.forEach(({ stems }, index) => {
          const shared = [...wanted].filter((stem) => stems.has(stem)).length;
          const score = wanted.size === 0 ? 0 : shared / wanted.size;
          if (score > best.score) best = { score, number: index + 1 };
        });
        if (best.score >= 0.5) {
          afterStep = best.number;
          continue;
        }
        const key = action.text.trim().toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const step = allSteps(playbook.steps).find((s) => s.number === String(afterStep));
        report({
          place: action.place,
          message: `\`${action.text}\` is not described by any step; it most likely belongs ${afterStep === 0 ? 'before step 1' : `after step ${afterStep}${step ? ` (\`${step.title.slice(0, 40)}\`)` : ''}`}`,
          fix: `add a step ${afterStep === 0 ? 'before step 1' : `after step ${afterStep}`} that says how to do it, or record it as a gap`,
          data: { afterStep },
        });
      }
    }
  },
};
