/** person-handle-clash: handles that slug alike, across the corpus. */
import { personHandleClash } from '../../../src/checker/rules/person-handle-clash.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

const session = (lead: string, shadow: string) => `shadowing:\n  - date: 2026-10-02\n    lead: ${lead}\n    shadow: ${shadow}\n    mode: reverse\n`;

testRule(personHandleClash, {
  valid: [
    { name: 'one spelling everywhere', code: playbook(session('alex', 'priya')), others: { 'b.md': playbook(session('priya', 'alex')) } },
    { name: 'different people', code: playbook(session('alex', 'alexandra')) },
  ],
  invalid: [
    {
      name: 'the owner spelled one way, the lead another, in one file',
      code: playbook(session('Alex', 'priya')).replace('owner: alex', 'owner: alex'),
      findings: [
        { line: 4, column: 1, message: '`alex` (owner) and `Alex` look like one person written two ways: both would be /people/alex/', data: { handle: 'alex', others: ['Alex'] } },
        { line: 6, column: 5, message: /^`Alex` \(lead\) and `alex` look like one person/ },
      ],
    },
    {
      name: 'across files: each file is told, at its own mention',
      code: playbook(session('alex.smith', 'priya')),
      others: { 'b.md': playbook(session('alexsmith', 'priya')) },
      findings: [{ line: 6, column: 5, message: '`alex.smith` (lead) and `alexsmith` look like one person written two ways: both would be /people/alexsmith/' }],
    },
  ],
});
