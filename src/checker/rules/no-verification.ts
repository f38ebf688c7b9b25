import { allSteps } from '../../core/model.ts';
import type { Rule } from '../rule.ts';
import { firstBodyLine } from '../text.ts';

const SAYS_HOW_TO_TELL = /\b(verify|confirm|check that|make sure|ensure|should (?:now )?(?:see|show|return|read|be|have|list|print)|you will see|expect(?:ed)? (?:to|output))\b/i;

/** No `## Verify` section and no step says how to tell that the work succeeded. */
export const noVerification: Rule = {
  id: 'no-verification',
  description: 'No `## Verify` section and no step says how to tell the work succeeded',
  defaultSeverity: 'warning',
  scope: 'file',
  procedureOnly: true,
  check({ playbook, report }) {
    if (playbook.status === 'draft') return;
    if (playbook.verify || playbook.steps.length === 0) return;
    if (allSteps(playbook.steps).some((step) => SAYS_HOW_TO_TELL.test(`${step.title}\n${step.text}`))) return;
    report({
      place: playbook.stepsHeading?.place ?? { start: { line: firstBodyLine(playbook), column: 1 } },
      message: 'nothing says how the reader knows the work succeeded: no `## Verify` section and no step that checks the result',
      fix: 'add a `## Verify` section: what to look at, and what it should show',
    });
  },
};
