import type { Rule } from '../rule.ts';

const DAY = 24 * 60 * 60 * 1000;

/** `last_reviewed` older than the configured number of days (default 180). */
export const staleReview: Rule = {
  id: 'stale-review',
  description: '`last_reviewed` is older than the configured number of days',
  defaultSeverity: 'warning',
  check({ playbook, config, now, report }) {
    const reviewed = playbook.meta.last_reviewed;
    if (!reviewed || playbook.status === 'deprecated') return;
    const age = Math.floor((now.getTime() - Date.parse(`${reviewed}T00:00:00Z`)) / DAY);
    if (age <= config.staleDays) return;
    report({
      place: playbook.frontmatter?.keys['last_reviewed'] ?? { start: { line: 1, column: 1 } },
      message: `last reviewed ${age} days ago (\`${reviewed}\`); playbooks are reviewed every ${config.staleDays} days`,
      fix: 'walk through the playbook (or shadow someone doing it), fix what changed, and set `last_reviewed` to today',
      data: { days: age, lastReviewed: reviewed },
    });
  },
};
