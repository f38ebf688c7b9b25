/** stale-review: `last_reviewed` older than `staleDays` (default 180), at the key, with the age. Today is NOW (2026-11-24). */
import { staleReview } from '../../../src/checker/rules/stale-review.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

testRule(staleReview, {
  valid: [
    { name: 'reviewed recently', code: playbook('last_reviewed: 2026-10-01') },
    { name: 'exactly 180 days ago', code: playbook('last_reviewed: 2026-05-28') },
    { name: 'never reviewed (no date to judge)', code: playbook() },
    { name: 'a deprecated playbook', code: playbook('last_reviewed: 2020-01-01\nstatus: deprecated') },
    { name: 'old under a longer staleDays', code: playbook('last_reviewed: 2026-01-01'), config: { staleDays: 400 } },
    { name: 'judged the day after the review (`now` injected)', code: playbook('last_reviewed: 2026-01-01'), now: new Date('2026-01-02T12:00:00Z') },
  ],
  invalid: [
    {
      name: 'older than 180 days, at the key, with the age',
      code: playbook('last_reviewed: 2026-01-01'),
      findings: [{ line: 5, column: 1, severity: 'warning', message: 'last reviewed 327 days ago (`2026-01-01`); playbooks are reviewed every 180 days', fix: /set `last_reviewed` to today/, data: { days: 327, lastReviewed: '2026-01-01' } }],
    },
    { name: '181 days ago', code: playbook('last_reviewed: 2026-05-27'), findings: [{ line: 5, column: 1, data: { days: 181 } }] },
    { name: 'the configured days', code: playbook('last_reviewed: 2026-10-01'), config: { staleDays: 30 }, findings: [{ line: 5, column: 1, message: 'last reviewed 54 days ago (`2026-10-01`); playbooks are reviewed every 30 days', data: { days: 54 } }] },
    { name: 'a draft is reviewed too', code: playbook('status: draft\nlast_reviewed: 2025-01-01'), findings: [{ line: 6, column: 1, data: { lastReviewed: '2025-01-01' } }] },
  ],
});
