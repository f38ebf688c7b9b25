/** single-point-of-failure: an active playbook nobody but the owner has done, at `owner`. */
import { singlePointOfFailure } from '../../../src/checker/rules/single-point-of-failure.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

const session = (mode: string, lead = 'alex', shadow = 'priya', date = '2026-10-02') => `  - date: ${date}\n    lead: ${lead}\n    shadow: ${shadow}\n    mode: ${mode}`;
const shadowing = (...sessions: string[]) => `shadowing:\n${sessions.join('\n')}`;

testRule(singlePointOfFailure, {
  valid: [
    { name: 'a reverse session: the shadow did the work', code: playbook(shadowing(session('reverse'))) },
    { name: 'a session led by someone else', code: playbook(shadowing(session('shadow', 'sam', 'priya'))) },
    { name: 'a later reverse session after a shadow one', code: playbook(shadowing(session('shadow'), session('reverse', 'alex', 'priya', '2026-10-09'))) },
    { name: 'a deprecated playbook', code: playbook('status: deprecated') },
    { name: 'a draft', code: playbook('status: draft') },
  ],
  invalid: [
    {
      name: 'only the owner has done it, at `owner`, as info',
      code: playbook(shadowing(session('shadow'))),
      findings: [{ line: 4, column: 1, severity: 'info', message: 'only `alex` has ever done this work: no shadowing session where someone else did it', fix: /`mode: reverse`/, data: { owner: 'alex' } }],
    },
    { name: 'no shadowing at all', code: playbook(), findings: [{ line: 4, column: 1, data: { owner: 'alex' } }] },
    { name: 'the owner led every session, even with several shadows', code: playbook(shadowing(session('shadow', 'alex', 'priya'), session('shadow', 'alex', 'sam', '2026-10-09'))), findings: [{ line: 4, column: 1 }] },
    { name: 'turned up to a warning in config', code: playbook(), config: { rules: { 'single-point-of-failure': 'warning' } }, findings: [{ line: 4, column: 1, severity: 'warning' }] },
  ],
});
