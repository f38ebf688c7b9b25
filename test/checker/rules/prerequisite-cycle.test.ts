/** prerequisite-cycle: prerequisites that lead back to themselves, reported once per cycle on the member whose file sorts first. */
import { prerequisiteCycle } from '../../../src/checker/rules/prerequisite-cycle.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

const requires = (slug: string) => playbook(`prerequisites:\n  - playbook: ${slug}`);

testRule(prerequisiteCycle, {
  valid: [
    { name: 'a chain without a cycle', code: requires('b'), others: { 'b.md': requires('c'), 'c.md': playbook() } },
    { name: 'no prerequisites', code: playbook() },
    { name: 'the other member of a two-playbook cycle: the cycle is reported once, on `a`', path: 'b.md', code: requires('a'), others: { 'a.md': requires('b') } },
    { name: 'a playbook that requires a cycle without being in it', path: 'd.md', code: requires('a'), others: { 'a.md': requires('b'), 'b.md': requires('a') } },
  ],
  invalid: [
    {
      name: 'a two-playbook cycle, named whole',
      code: requires('b'),
      others: { 'b.md': requires('a') },
      findings: [{ line: 6, column: 15, severity: 'error', message: 'prerequisites form a cycle of 2 playbooks: `a` → `b` → `a`', data: { cycle: ['a', 'b', 'a'], members: ['a', 'b'] } }],
    },
    { name: 'a playbook that requires itself', code: requires('a'), findings: [{ line: 6, column: 15, message: 'prerequisites form a cycle of one playbook: `a` → `a`', data: { cycle: ['a', 'a'], members: ['a'] } }] },
    {
      name: 'a three-playbook cycle, with a playbook outside it',
      code: requires('b'),
      others: { 'b.md': requires('c'), 'c.md': requires('a'), 'd.md': requires('a') },
      findings: [{ line: 6, column: 15, message: 'prerequisites form a cycle of 3 playbooks: `a` → `b` → `c` → `a`', data: { members: ['a', 'b', 'c'] } }],
    },
  ],
});
