import type { Rule } from '../rule.ts';
import { firstBodyLine } from '../text.ts';

const HOW = 'write the steps as an ordered list under `## Steps`: `1. First step`, `2. Next step`';

/** A playbook without a `## Steps` ordered list: nothing for a reader to follow. */
export const noSteps: Rule = {
  id: 'no-steps',
  description: 'No `## Steps` section with an ordered list of steps',
  defaultSeverity: 'error',
  scope: 'file',
  procedureOnly: true,
  check({ playbook, report }) {
    // A draft is a page on its way to being a procedure (an imported runbook): its steps are asked for once it is active.
    if (playbook.status === 'draft') return;
    const at = playbook.stepsHeading?.place ?? { start: { line: firstBodyLine(playbook), column: 1 } };
    const message: Record<typeof playbook.stepsShape, string | undefined> = {
      'ordered-list': playbook.steps.length === 0 ? 'the `## Steps` list is empty' : undefined,
      'bullet-list': '`## Steps` holds a bullet list; steps are an ordered list so readers can keep their place',
      headings: '`## Steps` holds headings instead of an ordered list of steps',
      empty: '`## Steps` is empty',
      missing: 'no `## Steps` section: there is nothing for the reader to follow',
    };
    const text = message[playbook.stepsShape];
    if (text) report({ place: at, message: text, fix: HOW, data: { shape: playbook.stepsShape } });
    for (const extra of playbook.extraStepsHeadings) {
      report({ place: extra.place, message: `a second \`## Steps\` section (the first is on line ${playbook.stepsHeading?.place.start.line ?? '?'}); only the first is read as steps`, fix: 'merge the steps into one `## Steps` list, or rename this heading' });
    }
  },
};
