/** parse-limit: a file too large or too deeply nested to parse safely. */
import { parseLimit } from '../../../src/checker/rules/parse-limit.ts';
import { MAX_FILE_BYTES } from '../../../src/core/parse.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

const TOO_DEEP = 'Markdown on line 7 is nested too deeply or holds thousands of `*`/`_` in one paragraph; the body was not parsed';

testRule(parseLimit, {
  valid: [
    { name: 'an ordinary playbook', code: playbook() },
    { name: 'block quotes nested a few levels', code: playbook('', '1. Restart.', '>>>> Quoted four times.\n\n') },
    { name: 'a long file under the limit', code: playbook('', '1. Restart.', `${'Background text. '.repeat(MAX_FILE_BYTES / 32)}\n\n`) },
  ],
  invalid: [
    {
      name: 'a file over the size limit, at 1:1, as an error',
      code: playbook('', '1. Restart.', `${'Background text. '.repeat(MAX_FILE_BYTES / 16)}\n\n`),
      findings: [{ line: 1, column: 1, severity: 'error', message: /^file is \d+ KB; playbooks over 512 KB are not parsed$/ }],
    },
    { name: 'block quotes nested 70 levels', code: playbook('', '1. Restart.', `${'>'.repeat(70)} deep\n\n`), findings: [{ line: 7, column: 1, message: TOO_DEEP }] },
    { name: 'thousands of `*` in one paragraph', code: playbook('', '1. Restart.', `${'*a'.repeat(5100)}\n\n`), findings: [{ line: 7, column: 1, message: TOO_DEEP }] },
  ],
});
