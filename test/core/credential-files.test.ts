/**
 * credentialFileReason: credential files beside playbooks are named by their
 * name or their content, with a reason; innocuous attachments (a PNG, a CSV of
 * figures, a README.txt that talks about passwords) are not. Credentials are
 * assembled at run time so this file holds no key-shaped literal.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { credentialFileReason, CREDENTIAL_SCAN_BYTES } from '../../src/core/credential-files.ts';

const j = (...parts: string[]) => parts.join('');
const bytes = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/secrets/credential-files/${name}`));

const PEM_BODY = 'MIIEowIBAAKCAQEAu3JxK9vTqQ2mXh8Lr5ZcW1pNf0aG7sYbEoD4kHtVjRiUwy6C\nq9w8e7r6t5y4u3i2o1p0ZxKcV3bN7mQ1lP9sR4tW6yA2dF8gH0jK5nM3vB7cX1zQ\n';
const PRIVATE_KEY = j('-----BEGIN RSA ', 'PRIVATE KEY-----\n', PEM_BODY, '-----END RSA ', 'PRIVATE KEY-----\n');
const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----\n';
const GITHUB_TOKEN = j('ghp_', 'Q7vX2mK9pL4nR8sT1wY6zB3cF5hJ0dG2eA7u');
const SERVICE_ACCOUNT = JSON.stringify({ type: 'service_account', project_id: 'ops-prod-4821', private_key_id: '3f9c2a', private_key: PRIVATE_KEY, client_email: 'deployer@ops-prod-4821.iam.gserviceaccount.com' }, null, 2);
const KUBECONFIG = ['apiVersion: v1', 'kind: Config', 'clusters:', '- name: prod', '  cluster:', '    server: https://api.prod.internal:6443', 'users:', '- name: admin', '  user:', `    token: ${j('kq8Zt2', 'Lw9xVb4Rn7Pm1Yc')}`].join('\n');
const TFSTATE = JSON.stringify({ version: 4, terraform_version: '1.9.5', serial: 12, lineage: 'a1b2', resources: [{ type: 'aws_db_instance', instances: [{ attributes: { username: 'orders' } }] }] }, null, 2);

describe('credentialFileReason: by name', () => {
  it.each([
    ['.env', 'DEBUG=1\n', /dotenv file/],
    ['ops/.env.production', 'DEBUG=1\n', /dotenv file/],
    ['keys/id_rsa', PRIVATE_KEY, /SSH private key/],
    ['keys/id_ed25519', 'x', /SSH private key/],
    ['tls/server.pem', PRIVATE_KEY, /private key file/],
    ['tls/server.key', 'anything', /private key file/],
    ['tls/bundle.p12', '\u0030\u0082', /key store/],
    ['tls/client.pfx', 'x', /key store/],
    ['infra/terraform.tfstate', '{}', /Terraform state/],
    ['infra/terraform.tfstate.backup', '{}', /Terraform state/],
    ['clusters/kubeconfig', 'x', /kubeconfig/],
    ['clusters/prod.kubeconfig', 'x', /kubeconfig/],
    ['home/.kube/config', 'x', /kubeconfig/],
    ['.npmrc', 'registry=https://registry.npmjs.org/\n', /client configuration file/],
    ['.netrc', 'machine example.com\n', /client configuration file/],
    ['.pypirc', '[pypi]\n', /client configuration file/],
    ['.git-credentials', 'x', /client configuration file/],
    ['home/.docker/config.json', '{}', /client configuration file/],
    ['aws/credentials', '[default]\n', /credentials file/],
    ['downloads/ops-bot_accessKeys.csv', 'Access key ID,Secret access key\n', /credentials file/],
    ['client_secret_1234.apps.googleusercontent.com.json', '{}', /credentials file/],
    ['config/secrets.yml', 'x: 1\n', /secrets file/],
    ['runbook.md~', '# Runbook\n', /editor backup/],
    ['runbook.md.bak', '# Runbook\n', /editor backup/],
    ['.runbook.md.swp', 'b0VIM 9.0', /editor backup/],
    ['.#runbook.md', 'alex@laptop.1234', /editor backup/],
    ['#runbook.md#', '# Runbook\n', /editor backup/],
  ])('%s', (path, content, reason) => {
    const why = credentialFileReason(path, bytes(content));
    expect(why).toMatch(reason);
    expect(why).toContain(`\`${path.split('/').at(-1)}\``);
  });
});

describe('credentialFileReason: by content, whatever the name', () => {
  it.each([
    ['ops/deployer.json', SERVICE_ACCOUNT, /Google service-account key/],
    ['ops/prod-cluster.yaml', KUBECONFIG, /kubeconfig with user credentials/],
    ['ops/state.json', TFSTATE, /Terraform state/],
    ['ops/notes.txt', `# staging\nDB_HOST=db.internal\nDB_PASSWORD=${j('Tr0ub4', 'dor&3x')}\n`, /dotenv-style file that sets `DB_PASSWORD`/],
    ['ops/.env.example', `DB_HOST=db.internal\nAPI_TOKEN=${GITHUB_TOKEN}\n`, /dotenv-style file that sets `API_TOKEN`/],
    ['ops/settings.ini', `[upload]\ntoken = ${GITHUB_TOKEN}\n`, /holds a GitHub token \(line 2\)/],
    ['ops/handover.txt', `Key for the bastion:\n\n${PRIVATE_KEY}`, /holds a private key block \(line 3\)/],
    ['ops/vpn.ovpn', `client\nremote vpn.internal 1194\n<key>\n${PRIVATE_KEY}</key>\n`, /private key block/],
  ])('%s', (path, content, reason) => {
    expect(credentialFileReason(path, bytes(content))).toMatch(reason);
  });

  it('finds a secret in a file larger than the scan limit when it is near the start', () => {
    const big = `token = ${GITHUB_TOKEN}\n${'filler line\n'.repeat(CREDENTIAL_SCAN_BYTES / 6)}`;
    expect(credentialFileReason('ops/log.txt', bytes(big))).toMatch(/GitHub token/);
  });

  it('recognises binary key stores by their first bytes', () => {
    expect(credentialFileReason('ops/truststore', new Uint8Array([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]))).toMatch(/Java key store/);
    expect(credentialFileReason('ops/team-passwords', new Uint8Array([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5]))).toMatch(/KeePass/);
  });
});

describe('credentialFileReason: innocuous files', () => {
  it.each([
    ['a PNG', 'access/latency-chart.png', fixture('latency-chart.png')],
    ['a CSV of figures', 'month-end-close/quarterly-figures.csv', fixture('quarterly-figures.csv')],
    ['a README.txt about passwords', 'access/README.txt', fixture('README.txt')],
    ['an SSH public key', 'keys/id_ed25519.pub', bytes('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPq9v3mK2Lw8Zt4xRb7Nc1Ys6Jd0Hf5Ge9Ua2Wo3Qi priya@laptop\n')],
    ['a CA certificate to install', 'access/corp-root-ca.pem', bytes(CERTIFICATE)],
    ['a Keynote deck (a zip named .key)', 'onboarding/welcome.key', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])],
    ['an .env.example of placeholders', '.env.example', bytes('DB_HOST=localhost\nDB_PASSWORD=changeme\nAPI_TOKEN=<your-token>\nSECRET_KEY=${SECRET_KEY}\n')],
    ['a dotenv file with no secret in it', 'ops/build.env.txt', bytes('NODE_ENV=production\nPORT=8080\nLOG_LEVEL=info\n')],
    ['a YAML config naming its secrets', 'ops/app.yaml', bytes('database:\n  host: db.internal\n  passwordFrom: vault:secret/orders/db\n')],
    ['a binary file with NUL bytes', 'ops/dump.bin', new Uint8Array([0x00, 0x01, 0x02, 0x70, 0x61, 0x73, 0x73, 0x3d])],
    ['invalid UTF-8', 'ops/latin1.txt', new Uint8Array([0x70, 0x61, 0x73, 0x73, 0x77, 0x6f, 0x72, 0x64, 0x3d, 0xe9, 0xe9, 0xe9])],
    ['an empty file', 'ops/empty.txt', new Uint8Array()],
    ['a Markdown page beside the playbooks', 'access/notes.md', bytes('# Notes\n\nThe password: rotate it every 90 days.\n')],
  ])('%s', (_, path, content) => {
    expect(credentialFileReason(path, content)).toBeUndefined();
  });
});
