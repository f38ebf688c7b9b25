/** no-verification: steps but no `## Verify` and no step saying how to tell, at the Steps heading. */
import { noVerification } from '../../../src/checker/rules/no-verification.ts';
import { testRule } from '../rule-tester.ts';

/** Frontmatter on lines 1–5, a blank line, the body from line 7. */
const frontmatter = (extra = '') => `---\ntitle: T\nsummary: S.\nowner: alex\n${extra}---\n\n`;
const MESSAGE = 'nothing says how the reader knows the work succeeded: no `## Verify` section and no step that checks the result';

testRule(noVerification, {
  valid: [
    { name: 'a Verify section', code: `${frontmatter()}## Steps\n\n1. Restart.\n\n## Verify\n\nThe queue depth falls below 100.\n` },
    { name: 'a step that says how to tell', code: `${frontmatter()}## Steps\n\n1. Restart.\n2. Confirm the pods are Running.\n` },
    { name: 'a step that says what it should show', code: `${frontmatter()}## Steps\n\n1. Restart.\n2. Open the dashboard: it should show no errors.\n` },
    { name: 'a sub-step that checks', code: `${frontmatter()}## Steps\n\n1. Restart.\n   1. Make sure the queue drains.\n` },
    { name: 'no steps at all (no-steps reports it)', code: `${frontmatter()}Just prose.\n` },
  ],
  invalid: [
    { name: 'neither Verify nor a checking step, at the Steps heading', code: `${frontmatter()}## Steps\n\n1. Restart.\n`, findings: [{ line: 7, column: 1, severity: 'warning', message: MESSAGE, fix: 'add a `## Verify` section: what to look at, and what it should show' }] },
    { name: 'a Steps heading below the intro', code: `${frontmatter()}Restart the consumer when the queue grows.\n\n## Steps\n\n1. Restart.\n2. Watch the dashboard.\n`, findings: [{ line: 9, column: 1, message: MESSAGE }] },
    { name: 'a heading that is not Verify', code: `${frontmatter()}## Steps\n\n1. Restart.\n\n## Notes\n\nIt usually works.\n`, findings: [{ line: 7, column: 1 }] },
  ],
});
