/** open-gap: a gap found while shadowing that is still `open`, at its status. */
import { openGap } from '../../../src/checker/rules/open-gap.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** A reverse session on 2026-10-02 whose gaps (from line 11) are `gaps`. */
const session = (gaps: string) => `shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    mode: reverse\n    gaps:\n${gaps}`;

testRule(openGap, {
  valid: [
    { name: 'documented and wontfix gaps', code: playbook(session('      - found: Restart it.\n        status: documented\n        step: 1\n      - found: Nice to have.\n        status: wontfix')) },
    { name: 'a session without gaps', code: playbook('shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    mode: reverse') },
  ],
  invalid: [
    {
      name: 'an open gap, at its status, quoting what was found',
      code: playbook(session('      - id: drain\n        found: Drained the queue.\n        status: open')),
      findings: [{ line: 13, column: 17, severity: 'warning', message: 'gap `drain` found on 2026-10-02 is still open: `Drained the queue.`', fix: /status: documented/, data: { gap: 'drain', found: 'Drained the queue.' } }],
    },
    {
      name: 'an open gap without an id',
      code: playbook(session('      - found: Paged the database team.\n        status: open')),
      findings: [{ line: 12, column: 17, message: 'gap found on 2026-10-02 is still open: `Paged the database team.`', data: { gap: null } }],
    },
    {
      name: 'each open gap of each session, with its date',
      code: playbook(`${session('      - found: One.\n        status: open\n      - found: Two.\n        status: documented\n        step: 1')}\n  - date: 2026-10-09\n    lead: priya\n    shadow: alex\n    gaps:\n      - found: Three.\n        status: open`),
      findings: [
        { line: 12, column: 17, message: /found on 2026-10-02 .*`One\.`$/ },
        { line: 21, column: 17, message: /found on 2026-10-09 .*`Three\.`$/ },
      ],
    },
  ],
});
