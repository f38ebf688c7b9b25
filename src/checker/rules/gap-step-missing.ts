import { allSteps, everyStep, findStep } from '../../core/model.ts';
import type { Rule } from '../rule.ts';

/** A gap marked `documented` whose `step` names no step of the playbook. */
export const gapStepMissing: Rule = {
  id: 'gap-step-missing',
  description: 'A documented gap whose `step` does not exist',
  defaultSeverity: 'error',
  scope: 'file',
  procedureOnly: true,
  check({ playbook, report }) {
    const steps = allSteps(playbook.steps);
    for (const session of playbook.shadowing) {
      for (const gap of session.gaps) {
        if (gap.status !== 'documented' || gap.step === undefined || findStep(everyStep(playbook), gap.step)) continue;
        const known = steps.length === 0 ? 'the playbook has no steps' : `steps are ${steps[0]!.number}–${steps.at(-1)!.number}${steps.some((s) => s.id) ? ` and ids ${steps.filter((s) => s.id).map((s) => `\`${s.id}\``).join(', ')}` : ''}`;
        report({
          place: gap.stepPlace ?? gap.place,
          message: `gap ${gap.id ? `\`${gap.id}\` ` : ''}is documented in step \`${gap.step}\`, but there is no such step (${known})`,
          fix: 'point `step:` at the step that now covers the gap, or write that step',
          data: { step: gap.step },
        });
      }
    }
  },
};
