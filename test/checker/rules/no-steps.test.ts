/** no-steps: no `## Steps` ordered list, said at the Steps heading (or the first body line), and a second Steps section. */
import { noSteps } from '../../../src/checker/rules/no-steps.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** Frontmatter on lines 1–5, a blank line, the body from line 7. */
const frontmatter = (extra = '') => `---\ntitle: T\nsummary: S.\nowner: alex\n${extra}---\n\n`;
const HOW = 'write the steps as an ordered list under `## Steps`: `1. First step`, `2. Next step`';

testRule(noSteps, {
  valid: [
    { name: 'an ordered list under Steps', code: playbook() },
    { name: 'steps with sub-steps and code', code: playbook('', '1. Prepare:\n   1. Drain the queue.\n2. Restart:\n\n   ```sh\n   kubectl rollout restart deployment/order-consumer\n   ```') },
    { name: 'an ordered list that starts at another number', code: playbook('', '3. Restart.\n4. Watch.') },
  ],
  invalid: [
    { name: 'no Steps section', code: `${frontmatter()}Just prose.\n`, findings: [{ line: 7, column: 1, severity: 'error', message: 'no `## Steps` section: there is nothing for the reader to follow', fix: HOW, data: { shape: 'missing' } }] },
    { name: 'no Steps section, below other text', code: `${frontmatter()}\n\nJust prose.\n\n## Background\n`, findings: [{ line: 9, column: 1, data: { shape: 'missing' } }] },
    { name: 'a bullet list', code: `${frontmatter()}## Steps\n\n- a\n- b\n`, findings: [{ line: 7, column: 1, message: '`## Steps` holds a bullet list; steps are an ordered list so readers can keep their place', fix: HOW, data: { shape: 'bullet-list' } }] },
    { name: 'headings', code: `${frontmatter()}## Steps\n\n### One\n\nDo it.\n`, findings: [{ line: 7, column: 1, message: '`## Steps` holds headings instead of an ordered list of steps', fix: HOW, data: { shape: 'headings' } }] },
    { name: 'an empty Steps section', code: `${frontmatter()}## Steps\n\n## Verify\n\nOK.\n`, findings: [{ line: 7, column: 1, message: '`## Steps` is empty', fix: HOW, data: { shape: 'empty' } }] },
    { name: 'a Steps heading below the intro', code: `${frontmatter()}Intro.\n\n## Steps\n\nDo it.\n`, findings: [{ line: 9, column: 1, data: { shape: 'empty' } }] },
    {
      name: 'a second Steps section',
      code: `${frontmatter()}## Steps\n\n1. a\n\n## Steps\n\n1. b\n\n## Verify\n\nok\n`,
      findings: [{ line: 11, column: 1, message: 'a second `## Steps` section (the first is on line 7); only the first is read as steps', fix: 'merge the steps into one `## Steps` list, or rename this heading' }],
    },
  ],
});
