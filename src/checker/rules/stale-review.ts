import { isStale, reviewAgeDays, reviewIntervalOf } from '../../core/facts.ts';
import type { Rule } from '../rule.ts';

/** `last_reviewed` older than the configured number of days (default 180); the site shows the same fact. */
export const staleReview: Rule = {
  id: 'stale-review',
  description: '`last_reviewed` is older than the configured number of days',
  defaultSeverity: 'warning',
  check({ playbook, settings, now, report }) {
    if (!isStale(playbook, now, settings.staleDays)) return;
    const age = reviewAgeDays(playbook, now)!;
    const reviewed = playbook.meta.last_reviewed!;
    report({
      place: playbook.frontmatter?.keys['last_reviewed'] ?? { start: { line: 1, column: 1 } },
      message: `last reviewed ${age} days ago (\`${reviewed}\`); ${playbook.reviewEveryDays ? 'this playbook is' : 'playbooks are'} reviewed every ${reviewIntervalOf(playbook, settings.staleDays)} days`,
      fix: 'walk through the playbook (or shadow someone doing it), fix what changed, and set `last_reviewed` to today',
      data: { days: age, lastReviewed: reviewed },
    });
  },
};
