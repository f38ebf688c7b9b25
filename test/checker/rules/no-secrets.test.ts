/** no-secrets: a credential written into a playbook, masked in the finding. */
import { describe, expect, it } from 'vitest';
import { noSecrets } from '../../../src/checker/rules/no-secrets.ts';
import { check, onlyHit, playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

const block = (...lines: string[]) => `1. Export:\n\n   \`\`\`sh\n${lines.map((line) => `   ${line}`).join('\n')}\n   \`\`\``;

testRule(noSecrets, {
  valid: [
    { name: 'a connection string that takes the password from the environment', code: playbook('', '1. Run `psql postgres://app@db/app` with `PGPASSWORD` set.') },
    { name: 'placeholders', code: playbook('', block('export AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX', 'export PASSWORD=$PASSWORD', 'psql postgres://app:${PGPASS}@db/app', 'curl -H "Authorization: Bearer <YOUR_TOKEN>" https://api.example.com')) },
  ],
  invalid: [
    {
      name: 'a password in a connection string, as an error, masked',
      code: playbook('', '1. Run `psql postgres://app:Sup3rS3cret@db/app`.'),
      findings: [{ line: 9, column: 29, endLine: 9, endColumn: 40, severity: 'error', message: '`•••••••••••` looks like a password in a URL pasted into the playbook: everyone who can read the site could use it', data: { kind: 'password-in-url' } }],
    },
    {
      name: 'each secret in a code block',
      code: playbook('', block('export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7REALKEY', 'export PASSWORD=hunter2hunter2')),
      findings: [
        { line: 12, column: 29, message: /^`AKIA•{16}` looks like a/, data: { kind: 'aws-access-key-id' } },
        { line: 13, column: 20, message: /^`•{14}` looks like a password pasted/, data: { kind: 'password-assignment' } },
      ],
    },
    { name: 'a token in the frontmatter', code: playbook('tags: [ghp_R7kq2Lz9TnW4xYb8Vc1Hd6Js3Pf0Mg5AeQ2u]'), findings: [{ line: 5, column: 8, message: /^`ghp_•+` looks like a GitHub token/, data: { kind: 'github-token' } }] },
  ],
});

describe('no-secrets, with every rule', () => {
  it('never shows the secret: not in the finding, not in any other', async () => {
    const diagnostics = await check({ 'a.md': playbook('', '1. Run `psql postgres://app:Sup3rS3cret@db/app`.') });
    onlyHit(diagnostics, 'no-secrets');
    expect(JSON.stringify(diagnostics)).not.toContain('Sup3rS3cret');
  });
});
