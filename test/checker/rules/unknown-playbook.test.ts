/** unknown-playbook: a prerequisite naming a playbook that does not exist, at its value, with a suggestion when one is close. */
import { unknownPlaybook } from '../../../src/checker/rules/unknown-playbook.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

const vpn = { 'access/vpn.md': playbook() };

testRule(unknownPlaybook, {
  valid: [
    { name: 'a prerequisite on an existing playbook', code: playbook('prerequisites:\n  - playbook: access/vpn'), others: vpn },
    { name: 'prerequisites that are not playbooks', code: playbook('prerequisites:\n  - skill: Reading the Orders dashboard\n  - access: VPN\n    request: Ask the service desk for the VPN group.') },
    { name: 'a request written as an existing slug', code: playbook('prerequisites:\n  - access: VPN\n    request: access/vpn'), others: vpn },
  ],
  invalid: [
    {
      name: 'a missing playbook, with "did you mean"',
      code: playbook('prerequisites:\n  - playbook: vpn'),
      others: vpn,
      findings: [{ line: 6, column: 15, severity: 'error', message: 'prerequisite `vpn` is not a playbook in the content folder; did you mean `access/vpn`?', data: { slug: 'vpn' } }],
    },
    { name: 'install/request/learn values written as slugs', code: playbook('prerequisites:\n  - access: VPN\n    request: access/request-vpn'), findings: [{ line: 7, column: 14, data: { slug: 'access/request-vpn' } }] },
    {
      name: 'each missing playbook; no suggestion when nothing is close',
      code: playbook('prerequisites:\n  - playbook: vpn\n  - playbook: nothing-like-it'),
      others: vpn,
      findings: [
        { line: 6, column: 15, message: /did you mean `access\/vpn`\?$/ },
        { line: 7, column: 15, message: 'prerequisite `nothing-like-it` is not a playbook in the content folder' },
      ],
    },
    { name: 'slugs are from the content folder, not the folder of the file', path: 'team/a.md', code: playbook('prerequisites:\n  - playbook: b'), others: { 'team/b.md': playbook() }, findings: [{ line: 6, column: 15, message: 'prerequisite `b` is not a playbook in the content folder; did you mean `team/b`?' }] },
  ],
});
