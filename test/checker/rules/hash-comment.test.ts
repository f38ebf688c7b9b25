/** hash-comment: an unquoted ` #` in a frontmatter value that YAML reads as a comment (FORMAT.md F15). */
import { hashComment } from '../../../src/checker/rules/hash-comment.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** A reverse session whose one observed action (line 11, at column 9) is `observed`. */
const session = (observed: string) => `shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    mode: reverse\n    observed:\n      - ${observed}`;

testRule(hashComment, {
  valid: [
    { name: 'a quoted value', code: playbook(session('"Posted in #ops"')) },
    { name: 'an ordinary comment after a value', code: playbook('status: active  # lead\nshadowing:\n  - date: 2026-10-02\n    lead: alex # the lead\n    shadow: priya\n    mode: reverse') },
    { name: 'a `#` inside a word', code: playbook(session('Ran the C# migration tool')) },
  ],
  invalid: [
    {
      name: 'the `#` that cut an observed action short, as a warning',
      code: playbook(session('Posted in #ops')),
      findings: [{ line: 11, column: 19, severity: 'warning', message: '`#ops` is read as a YAML comment and dropped from `Posted in`', fix: 'quote the whole value: "Posted in #ops"', data: { dropped: '#ops' } }],
    },
    {
      name: 'in a top-level field, everything after the first `#`',
      code: '---\ntitle: T\nsummary: Post in #ops then #db.\nowner: alex\n---\n\n## Steps\n\n1. Restart.\n\n## Verify\n\nOK.\n',
      findings: [{ line: 3, column: 18, message: '`#ops then #db.` is read as a YAML comment and dropped from `Post in`', data: { dropped: '#ops then #db.' } }],
    },
    {
      name: 'each cut value',
      code: playbook(`${session('Posted in #ops')}\n      - Paged #db-oncall`),
      findings: [
        { line: 11, column: 19, data: { dropped: '#ops' } },
        { line: 12, column: 15, data: { dropped: '#db-oncall' } },
      ],
    },
  ],
});
