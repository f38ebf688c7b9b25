import { onlyOwnerHasDoneIt } from '../../core/facts.ts';
import type { Rule } from '../rule.ts';

/** Nobody but the owner has ever done the work: no session where someone else did it. The site shows the same fact. */
export const singlePointOfFailure: Rule = {
  id: 'single-point-of-failure',
  description: 'Nobody but the owner has ever done the work (no `reverse` shadowing session)',
  defaultSeverity: 'info',
  scope: 'file',
  check({ playbook, report }) {
    if (!onlyOwnerHasDoneIt(playbook)) return;
    const owner = playbook.meta.owner!;
    report({
      place: playbook.frontmatter?.keys['owner'] ?? { start: { line: 1, column: 1 } },
      message: `only \`${owner}\` has ever done this work: no shadowing session where someone else did it`,
      fix: `run a reverse shadowing session (someone else does it while \`${owner}\` watches) and record it under \`shadowing:\` with \`mode: reverse\``,
      data: { owner },
    });
  },
};
