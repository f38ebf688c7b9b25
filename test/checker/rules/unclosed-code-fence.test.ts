/** unclosed-code-fence: a fence that is never closed, reported on the opening fence with the number of lines it swallows. */
import { unclosedCodeFence } from '../../../src/checker/rules/unclosed-code-fence.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

testRule(unclosedCodeFence, {
  valid: [
    { name: 'a closed fence in a step', code: playbook('', '1. Run:\n\n   ```sh\n   kubectl get pods\n   ```') },
    { name: 'a closed tilde fence with a longer closing fence', code: playbook('', '1. Run:\n\n   ~~~sh\n   kubectl get pods\n   ~~~~') },
    { name: 'backticks inside inline code', code: playbook('', '1. Type ```` ``` ```` to open a block.') },
  ],
  invalid: [
    {
      name: 'a backtick fence after the Verify section, as an error',
      code: `${playbook('', '1. Restart.')}\n\`\`\`sh\nkubectl get pods\n`,
      findings: [{ line: 15, column: 1, severity: 'error', message: 'the code block opened on line 15 is never closed: the 1 line(s) after it are shown as code', fix: /the same backticks/ }],
    },
    {
      name: 'a tilde fence that swallows the Verify section',
      code: '---\ntitle: T\nsummary: S.\nowner: alex\n---\n\n## Steps\n\n1. Restart.\n\n~~~\ncode\n\n## Verify\n\nOK.\n',
      findings: [{ line: 11, column: 1, message: 'the code block opened on line 11 is never closed: the 5 line(s) after it are shown as code', fix: /the same tildes/ }],
    },
    { name: 'a fence in a step, ended only by the end of the list', code: playbook('', '1. Run:\n\n   ```sh\n   kubectl get pods'), findings: [{ line: 11, column: 4, message: 'the code block opened on line 11 is never closed: the 1 line(s) after it are shown as code' }] },
    { name: 'also in a file without frontmatter', code: '# Disk full\n\n```\ndf -h\n', findings: [{ line: 3, column: 1, message: /opened on line 3 is never closed/ }] },
  ],
});
