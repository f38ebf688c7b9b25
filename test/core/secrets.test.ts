/**
 * BAD-INPUTS S1/S2: credentials are flagged and masked in place (positions
 * unchanged, the secret gone from the model); placeholders are not flagged.
 * Fake secrets are assembled at run time so this file holds no token-shaped
 * literal that another scanner would trip on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/load.ts';
import { parseDocument } from '../../src/core/parse.ts';
import { findSecrets, isPlaceholder, maskSecrets } from '../../src/core/secrets.ts';
import { MINIMAL, parse, playbookText } from './helpers.ts';

const j = (...parts: string[]) => parts.join('');
const FAKE = {
  awsKeyId: j('AKIA', 'Q3EGRDWJ7Z5NKPLT'),
  awsSecret: j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzK3p9Lq2Tv'),
  github: j('ghp_', '1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ'),
  // Random, not a typed alphabet: `abcdefghij…` reads as a placeholder.
  githubPat: j('github_pat_', 'yu7EexJ7Lm3qL8wsN9VVb0_2OIrSqguOCxfzmVYuatH1LmanwcVjfhimvXlEiTNFpw1Etl5QQdZqSUy74S'),
  slackToken: j('xoxb-', '1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx'),
  slackWebhook: j('https://hooks.slack.com/services/', 'T0ABCDEFG/B0HIJKLMN/q1w2e3r4t5y6u7i8o9p0a1s2'),
  jwt: j('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'),
  pem: j('-----BEGIN RSA ', 'PRIVATE KEY-----\nMIIEowIBAAKCAQEA1x2y3z\nq9w8e7r6t5y4u3i2o1p0\n-----END RSA ', 'PRIVATE KEY-----'),
  urlPassword: j('postgres://billing:', 'S3cr3t!pass', '@db-primary.internal:5432/billing'),
  google: j('AIza', 'SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW'),
  stripe: j('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'),
};

describe('findSecrets (S1)', () => {
  it.each([
    ['a lone AWS access key id', `Export AWS_ACCESS_KEY_ID=${FAKE.awsKeyId} first.`, 'aws-access-key-id'],
    ['an AWS secret access key', `aws_secret_access_key = ${FAKE.awsSecret}`, 'aws-secret-access-key'],
    ['a GitHub token', `gh auth login --with-token <<< ${FAKE.github}`, 'github-token'],
    ['a GitHub fine-grained token', `token ${FAKE.githubPat}`, 'github-token'],
    ['a Slack token', `SLACK_BOT=${FAKE.slackToken}`, 'slack-token'],
    ['a Slack webhook URL', `curl -X POST ${FAKE.slackWebhook} -d @msg.json`, 'slack-webhook'],
    ['a JWT', `Authorization: Bearer ${FAKE.jwt}`, 'jwt'],
    ['a private key block', FAKE.pem, 'private-key'],
    ['a password in a URL', `psql ${FAKE.urlPassword}`, 'password-in-url'],
    ['`password: hunter2`', 'password: hunter2', 'password-assignment'],
    ['`PGPASSWORD=...`-style assignment', 'export DB_PASSWORD=Tr0ub4dor&3', 'password-assignment'],
    ['a Google API key', `key=${FAKE.google}`, 'google-api-key'],
    ['a Stripe live key', `STRIPE=${FAKE.stripe}`, 'stripe-key'],
  ])('flags %s', (_, text, id) => {
    const found = findSecrets(text);
    expect(found.map((s) => s.id)).toEqual([id]);
    expect(found[0]!.masked).toContain('•');
  });

  it.each([
    ['<YOUR_TOKEN>', 'token: <YOUR_TOKEN>'],
    ['an all-X key id', 'AKIAXXXXXXXXXXXXXXXX'],
    ['${PASSWORD}', 'password: ${PASSWORD}'],
    ['$PASSWORD', 'psql "postgres://app:$PASSWORD@db/app"'],
    ["AWS's documentation key", 'AKIAIOSFODNN7EXAMPLE'],
    ['a command substitution', 'token=$(oc create token prometheus-k8s)'],
    ['prose about passwords', 'Reset the password: it expires after 90 days.'],
    ['a masked value', 'password: ********'],
    ['an environment variable name', 'password: DB_PASSWORD'],
    ['a templated value', 'api_key: {{ vault.api_key }}'],
  ])('does not flag the placeholder %s (S2)', (_, text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it('knows placeholders', () => {
    expect(isPlaceholder('<YOUR_TOKEN>')).toBe(true);
    expect(isPlaceholder('hunter2')).toBe(false);
  });
});

describe('secrets in playbooks', () => {
  it('flags a secret in a code block and in the frontmatter, at its place, and masks it everywhere', () => {
    const text = playbookText(
      `${MINIMAL}\nshadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    observed:\n      - Logged in with ${FAKE.github}`,
      `## Steps\n\n1. Connect:\n\n   \`\`\`sh\n   psql ${FAKE.urlPassword}\n   \`\`\`\n`,
    );
    const playbook = parse(text);
    const secrets = playbook.findings.filter((d) => d.ruleId === 'no-secrets');
    expect(secrets.map((d) => [d.line, d.column, d.data?.['kind']])).toEqual([
      [10, 24, 'github-token'],
      [18, 28, 'password-in-url'],
    ]);
    expect(secrets[0]!.message).toMatch(/^`ghp_•+` looks like a GitHub token pasted into the playbook/);
    const serialised = JSON.stringify({ ...playbook, tree: parseDocument('content/team/example.md', text, { path: 'team/example.md' }).tree });
    expect(serialised).not.toContain(FAKE.github.slice(4));
    expect(serialised).not.toContain('S3cr3t!pass');
    // Same length: every later position is still right.
    expect(playbook.text.length).toBe(text.length);
    expect(playbook.steps[0]!.commands[0]!.program).toBe('psql');
    expect(playbook.shadowing[0]!.observed[0]!.text).toBe(`Logged in with ghp_${'•'.repeat(FAKE.github.length - 4)}`);
  });

  it('masks a multi-line private key block keeping its lines', () => {
    const { text, secrets } = maskSecrets(`before\n${FAKE.pem}\nafter`);
    expect(secrets).toHaveLength(1);
    expect(text.split('\n')).toHaveLength(6);
    expect(text).not.toContain('PRIVATE KEY');
  });

  it('flags at most 1 file per 100 on the real corpora (false positives)', () => {
    let files = 0;
    let flagged = 0;
    for (const folder of ['test/fixtures/corpora/openshift-runbooks', 'test/fixtures/corpora/18f-handbook']) {
      const corpus = loadCorpus(folder);
      files += corpus.playbooks.length;
      flagged += corpus.playbooks.filter((p) => p.findings.some((d) => d.ruleId === 'no-secrets')).length;
    }
    console.log(`no-secrets on the corpora: ${flagged} of ${files} files flagged (${((100 * flagged) / files).toFixed(2)} per 100)`);
    expect(files).toBeGreaterThan(500);
    expect(flagged / files).toBeLessThanOrEqual(0.01);
  });

  it('the sample content holds no secret', () => {
    const corpus = loadCorpus('content');
    expect(corpus.playbooks.flatMap((p) => p.findings.filter((d) => d.ruleId === 'no-secrets'))).toEqual([]);
    expect(readFileSync('content/on-call/fail-over-postgres-primary.md', 'utf8')).not.toMatch(/AKIA[A-Z0-9]{16}/);
  });
});
