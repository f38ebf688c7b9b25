/** gap-step-missing: a documented gap whose `step:` names no step, at the value, listing the steps there are. */
import { gapStepMissing } from '../../../src/checker/rules/gap-step-missing.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** A session with one documented gap `g` (its `step:` on line 13, value at column 15). */
const gap = (step: string) => `shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    gaps:\n      - id: g\n        found: Restart the consumer.\n        status: documented\n        step: ${step}`;

testRule(gapStepMissing, {
  valid: [
    { name: 'a step number', code: playbook(gap('2'), '1. a\n2. Restart the consumer.') },
    { name: 'a sub-step number', code: playbook(gap('1.1'), '1. a\n   1. Restart the consumer.') },
    { name: 'an explicit step id', code: playbook(gap('restart'), '1. Restart the consumer {#restart}') },
    { name: 'an open gap names no step', code: playbook('shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    gaps:\n      - found: Drained the queue.\n        status: open') },
  ],
  invalid: [
    {
      name: 'a step number that does not exist, listing the steps',
      code: playbook(gap('99'), '1. Restart the consumer.\n2. Watch it.'),
      findings: [{ line: 13, column: 15, severity: 'error', message: 'gap `g` is documented in step `99`, but there is no such step (steps are 1–2)', fix: /^point `step:` at the step/, data: { step: '99' } }],
    },
    {
      name: 'an id that does not exist, listing the ids',
      code: playbook(gap('drain'), '1. Restart the consumer {#restart}\n2. Watch it.'),
      findings: [{ line: 13, column: 15, message: 'gap `g` is documented in step `drain`, but there is no such step (steps are 1–2 and ids `restart`)' }],
    },
    {
      name: 'a sub-step that does not exist',
      code: playbook(gap('1.2'), '1. Prepare.\n   1. Restart the consumer.'),
      findings: [{ line: 13, column: 15, message: 'gap `g` is documented in step `1.2`, but there is no such step (steps are 1–1.1)' }],
    },
    {
      name: 'a playbook without steps',
      code: `---\ntitle: T\nsummary: S.\nowner: alex\n${gap('1')}\n---\n\nJust prose.\n`,
      findings: [{ line: 13, column: 15, message: 'gap `g` is documented in step `1`, but there is no such step (the playbook has no steps)' }],
    },
  ],
});
