/** duplicate-slug: two files that would have the same URL, reported on both, naming both. */
import { duplicateSlug } from '../../../src/checker/rules/duplicate-slug.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

testRule(duplicateSlug, {
  valid: [
    { name: 'distinct names', path: 'a.md', code: playbook(), others: { 'b.md': playbook() } },
    { name: 'the same name in two folders', path: 'team/a.md', code: playbook(), others: { 'ops/a.md': playbook() } },
    { name: 'an underscore is not a hyphen', path: 'a_b.md', code: playbook(), others: { 'a-b.md': playbook() } },
  ],
  invalid: [
    {
      name: 'a space and a hyphen: the first file names the second',
      path: 'a b.md',
      code: playbook(),
      others: { 'a-b.md': playbook() },
      findings: [{ line: 1, column: 1, severity: 'error', message: '`content/a b.md` has the slug `a-b`, like `content/a-b.md`: two pages cannot share one URL', data: { slug: 'a-b', files: ['content/a b.md', 'content/a-b.md'] } }],
    },
    {
      name: 'a space and a hyphen: the second file names the first',
      path: 'a-b.md',
      code: playbook(),
      others: { 'a b.md': playbook() },
      findings: [{ line: 1, column: 1, message: '`content/a-b.md` has the slug `a-b`, like `content/a b.md`: two pages cannot share one URL', data: { slug: 'a-b', files: ['content/a b.md', 'content/a-b.md'] } }],
    },
    {
      name: 'names that differ only in case say so',
      path: 'A.md',
      code: playbook(),
      others: { 'a.md': playbook() },
      findings: [{ line: 1, column: 1, message: '`content/A.md` has the slug `a`, like `content/a.md` (the names differ only in case): two pages cannot share one URL', data: { slug: 'a' } }],
    },
  ],
});
