/** schema: the parser's frontmatter findings, reported as errors with a docs URL. */
import { describe, expect, it } from 'vitest';
import { schema } from '../../../src/checker/rules/schema.ts';
import { check, onlyHit, playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** Frontmatter lines as given, then a body with steps and Verify. */
const frontmatter = (lines: string) => `---\n${lines}\n---\n\n## Steps\n\n1. Restart.\n\n## Verify\n\nOK.\n`;

testRule(schema, {
  valid: [
    { name: 'a well-formed playbook', code: playbook() },
    { name: 'every optional field', code: playbook('status: active\nlast_reviewed: 2026-10-01\ntags: [orders, kafka]\nprerequisites:\n  - tool: kubectl\n    install: https://kubernetes.io/docs/tasks/tools/\n  - skill: Reading the Orders dashboard') },
    { name: 'a comment after a value', code: playbook('status: draft  # until the review') },
    { name: 'turned off in config', code: playbook('owners: sam'), config: { rules: { schema: 'off' } } },
  ],
  invalid: [
    {
      name: 'an unknown key, with "did you mean"',
      code: playbook('owners: sam'),
      findings: [{ line: 5, column: 1, endLine: 5, endColumn: 7, severity: 'error', message: 'unknown key `owners`; did you mean `owner`?', fix: 'rename `owners` to `owner`', data: { suggestion: 'owner' } }],
    },
    { name: 'a missing required field', code: frontmatter('title: T\nowner: alex'), findings: [{ line: 2, column: 1, message: 'missing required field `summary`', data: { missing: ['summary'] } }] },
    {
      name: 'no frontmatter at all: one finding listing the required fields',
      path: 'runbook.md',
      code: '# Disk full\n\nSome text without steps.\n',
      findings: [{ line: 1, column: 1, message: /^no frontmatter: a playbook starts with a YAML block giving `title`, `summary`, `owner`/, data: { missing: ['title', 'summary', 'owner'] } }],
    },
    { name: 'frontmatter never closed', code: '---\ntitle: T\n\n## Steps\n\n1. Restart.\n', findings: [{ line: 1, column: 1, message: 'frontmatter opened with `---` on line 1 is never closed' }] },
    { name: 'blank lines before the frontmatter', code: `\n\n${playbook()}`, findings: [{ line: 1, column: 1, message: 'frontmatter starts on line 3, after 2 blank line(s): other tools read it as body text' }] },
    { name: 'invalid YAML, at YAML’s own position', code: frontmatter('title: T\nsummary: [a\nowner: alex'), findings: [{ line: 4, column: 1, message: /^invalid YAML in frontmatter: / }] },
    { name: 'a status outside draft|active|deprecated, at the value', code: playbook('status: retired'), findings: [{ line: 5, column: 9, endLine: 5, endColumn: 16, message: '`status` expected one of draft, active, deprecated, got string `retired`' }] },
    { name: 'an impossible date', code: playbook('last_reviewed: 2026-02-30'), findings: [{ line: 5, column: 16, message: '`last_reviewed` is not a real calendar date' }] },
    { name: 'a duplicate key, naming the first', code: playbook('title: again'), findings: [{ line: 5, column: 1, message: 'duplicate key `title` on line 5: it is already set on line 2, column 1', data: { firstLine: 2, firstColumn: 1 } }] },
    { name: 'a prerequisite with two kind keys', code: playbook('prerequisites:\n  - tool: kubectl\n    skill: Kubernetes'), findings: [{ line: 6, column: 5, message: '`prerequisites[0]` has 2 kind keys (`tool`, `skill`): split it into one entry per kind' }] },
    { name: '`---js` frontmatter is not evaluated', code: '---js\n{ title: "T" }\n---\n\n## Steps\n\n1. Restart.\n', findings: [{ line: 1, column: 1, message: 'frontmatter in `js` is not supported and was not read: playbooks use YAML frontmatter' }] },
    { name: 'a severity set in config', code: playbook('owners: sam'), config: { rules: { schema: 'warning' } }, findings: [{ line: 5, column: 1, severity: 'warning' }] },
  ],
});

describe('schema, with every rule', () => {
  it('links each finding to its docs page', async () => {
    expect(onlyHit(await check({ 'a.md': playbook('owners: sam') }), 'schema').url).toMatch(/docs\/rules\/schema\.md$/);
  });
  it('gives a file without frontmatter one concise finding and nothing else', async () => {
    const diagnostics = await check({ 'runbook.md': '# Disk full\n\nSome text without steps.\n' });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['schema']);
  });
});
