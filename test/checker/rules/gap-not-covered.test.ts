/** gap-not-covered: a documented gap whose step shares no significant word with what the gap found. */
import { gapNotCovered } from '../../../src/checker/rules/gap-not-covered.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** A session with one documented gap (its `step:` on line 12, value at column 15). */
const gap = (found: string, step = '1', id = '') => `shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    gaps:\n      - found: ${found}\n        status: documented\n        step: ${step}${id ? `\n        id: ${id}` : ''}`;

testRule(gapNotCovered, {
  valid: [
    { name: 'a step that names the thing in another form of the word', code: playbook(gap('Drained the queue.'), '1. Drain the queue first.') },
    { name: 'a step whose code names it', code: playbook(gap('Ran pg_dump on the replica.'), '1. Back up:\n\n   ```sh\n   pg_dump -h billing-replica-1 billing\n   ```') },
    { name: 'a step whose sub-step names it', code: playbook(gap('Drained the queue.'), '1. Prepare.\n   1. Drain the queue.') },
    { name: 'a gap that is still open', code: playbook('shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    gaps:\n      - found: Priya drained the queue first.\n        status: open') },
    { name: 'a step that does not exist (gap-step-missing reports it)', code: playbook(gap('Priya drained the queue first.', '9')) },
  ],
  invalid: [
    {
      name: 'a documented gap whose step shares no word with it, at `step:`',
      code: playbook(gap('Priya drained the queue first.'), '1. Restart the consumer.'),
      findings: [{ line: 12, column: 15, severity: 'warning', message: 'gap is marked documented in step 1, but that step says nothing about `Priya drained the queue first.`', fix: /^add what the gap found to step 1/, data: { step: '1' } }],
    },
    {
      name: 'a gap with an id, pointing at a sub-step',
      code: playbook(gap('Paged the database team.', '1.1', 'page'), '1. Prepare.\n   1. Restart the consumer.'),
      findings: [{ line: 12, column: 15, message: 'gap `page` is marked documented in step 1.1, but that step says nothing about `Paged the database team.`', data: { step: '1.1' } }],
    },
    {
      name: 'each gap of the session',
      code: playbook(`${gap('Drained the queue.')}\n      - found: Paged the database team.\n        status: documented\n        step: 2`, '1. Restart the consumer.\n2. Watch the dashboard.'),
      findings: [
        { line: 12, column: 15, data: { step: '1' } },
        { line: 15, column: 15, data: { step: '2' } },
      ],
    },
  ],
});
