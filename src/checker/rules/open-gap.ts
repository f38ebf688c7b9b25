import type { Rule } from '../rule.ts';

/** A gap found while shadowing that is still `open`: a step someone needed that the playbook does not give yet. */
export const openGap: Rule = {
  id: 'open-gap',
  description: 'A gap found while shadowing that the playbook does not cover yet',
  defaultSeverity: 'warning',
  scope: 'file',
  check({ playbook, report }) {
    for (const session of playbook.shadowing) {
      for (const gap of session.gaps) {
        if (gap.status !== 'open') continue;
        report({
          place: gap.statusPlace ?? gap.place,
          message: `gap ${gap.id ? `\`${gap.id}\` ` : ''}found on ${session.date} is still open: \`${gap.found}\``,
          fix: 'write the missing step, then set `status: documented` and `step:` to the step that covers it',
          data: { gap: gap.id ?? null, found: gap.found },
        });
      }
    }
  },
};
