import type { Rule } from '../rule.ts';

/** Nobody but the owner has ever done the work: no `reverse` session where someone else did it. */
export const singlePointOfFailure: Rule = {
  id: 'single-point-of-failure',
  description: 'Nobody but the owner has ever done the work (no `reverse` shadowing session)',
  defaultSeverity: 'info',
  scope: 'file',
  check({ playbook, report }) {
    if (playbook.status !== 'active' || !playbook.meta.owner) return;
    const owner = playbook.meta.owner;
    const doers = new Set(playbook.shadowing.map((session) => session.doer));
    doers.delete(owner);
    if (doers.size > 0) return;
    report({
      place: playbook.frontmatter?.keys['owner'] ?? { start: { line: 1, column: 1 } },
      message: `only \`${owner}\` has ever done this work: no shadowing session where someone else did it`,
      fix: `run a reverse shadowing session (someone else does it while \`${owner}\` watches) and record it under \`shadowing:\` with \`mode: reverse\``,
      data: { owner },
    });
  },
};
