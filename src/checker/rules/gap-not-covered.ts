import { allSteps, everyStep, findStep, type Step } from '../../core/model.ts';
import type { Rule } from '../rule.ts';
import { significantStems } from '../text.ts';

/** Everything a step says: its prose, its code and its sub-steps. */
export function stepContent(step: Step): string {
  return [step.title, step.text, ...step.code.map((block) => block.value), ...allSteps(step.children).map((child) => `${child.text}\n${child.code.map((b) => b.value).join('\n')}`)].join('\n');
}

/** A gap marked `documented` whose step shares no significant word with what the gap found. */
export const gapNotCovered: Rule = {
  id: 'gap-not-covered',
  description: 'A documented gap whose step does not mention what the gap is about',
  defaultSeverity: 'warning',
  scope: 'file',
  check({ playbook, report }) {
    for (const session of playbook.shadowing) {
      for (const gap of session.gaps) {
        if (gap.status !== 'documented' || gap.step === undefined) continue;
        const step = findStep(everyStep(playbook), gap.step);
        if (!step) continue; // gap-step-missing reports it
        const wanted = significantStems(gap.found);
        const said = significantStems(stepContent(step));
        const shared = [...wanted].filter((stem) => said.has(stem));
        if (wanted.size === 0 || shared.length > 0) continue;
        report({
          place: gap.stepPlace ?? gap.place,
          message: `gap ${gap.id ? `\`${gap.id}\` ` : ''}is marked documented in step ${step.number}, but that step says nothing about \`${gap.found}\``,
          fix: `add what the gap found to step ${step.number}, or point \`step:\` at the step that covers it`,
          data: { step: step.number },
        });
      }
    }
  },
};
