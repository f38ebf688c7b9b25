/** deprecated-prerequisite: a `playbook:` prerequisite on a deprecated playbook, at its value. */
import { deprecatedPrerequisite } from '../../../src/checker/rules/deprecated-prerequisite.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

const old = playbook('status: deprecated');
const requires = (...slugs: string[]) => playbook(`prerequisites:\n${slugs.map((slug) => `  - playbook: ${slug}`).join('\n')}`);

testRule(deprecatedPrerequisite, {
  valid: [
    { name: 'a prerequisite on an active playbook', code: requires('current'), others: { 'current.md': playbook() } },
    { name: 'the deprecated playbook itself', path: 'old.md', code: old, others: { 'a.md': requires('old') } },
    { name: 'a prerequisite that is not a playbook', code: playbook('prerequisites:\n  - skill: Reading the Orders dashboard'), others: { 'old.md': old } },
  ],
  invalid: [
    { name: 'a prerequisite on a deprecated playbook, as a warning', code: requires('old'), others: { 'old.md': old }, findings: [{ line: 6, column: 15, severity: 'warning', message: 'prerequisite `old` is deprecated', data: { slug: 'old' } }] },
    {
      name: 'each deprecated prerequisite, at its own value',
      code: requires('old', 'current', 'older'),
      others: { 'old.md': old, 'current.md': playbook(), 'older.md': old },
      findings: [
        { line: 6, column: 15, data: { slug: 'old' } },
        { line: 8, column: 15, data: { slug: 'older' } },
      ],
    },
    { name: 'also from a playbook that is deprecated itself', code: playbook('status: deprecated\nprerequisites:\n  - playbook: old'), others: { 'old.md': old }, findings: [{ line: 7, column: 15, message: 'prerequisite `old` is deprecated' }] },
    { name: 'a severity set in config', code: requires('old'), others: { 'old.md': old }, config: { rules: { 'deprecated-prerequisite': 'error' } }, findings: [{ line: 6, column: 15, severity: 'error' }] },
  ],
});
