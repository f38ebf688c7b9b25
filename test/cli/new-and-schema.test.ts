import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { frontmatterJsonSchema } from '../../src/cli/schema.ts';
import { parse as parseYaml } from 'yaml';

const BIN = resolve('bin/playbook.mjs');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('playbook schema', () => {
  it('docs/playbook.schema.json is the schema generated from the zod schema (run `npx playbook schema > docs/playbook.schema.json`)', () => {
    expect(JSON.parse(readFileSync('docs/playbook.schema.json', 'utf8'))).toEqual(frontmatterJsonSchema());
  });

  it('validates the sample content frontmatter and rejects a typo', () => {
    const validate = new Ajv2020({ strict: false }).compile(frontmatterJsonSchema());
    const text = readFileSync('content/on-call/hand-over-the-pager.md', 'utf8');
    const data = parseYaml(text.split(/^---$/m)[1]!);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...data, owners: 'x' })).toBe(false);
  });
});

describe('playbook new', () => {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-new-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scaffolds a playbook that passes the check except for what the author must fill in', () => {
    mkdirSync(join(dir, 'content'));
    const created = run(['new', 'on-call/rotate-schedule', '--owner', 'alex'], dir);
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Created content/on-call/rotate-schedule.md');
    const text = readFileSync(join(dir, 'content/on-call/rotate-schedule.md'), 'utf8');
    expect(text).toContain('title: "Rotate schedule"');
    const check = run(['check', '--no-cache', '--format', 'json'], dir);
    const findings = JSON.parse(check.stdout) as { ruleId: string; severity: string; message: string }[];
    // Only the blanks to fill in are reported: the TODO markers.
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(['vague-step']));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuses an existing file or an unusable slug with exit 2', () => {
    expect(run(['new', 'on-call/rotate-schedule'], dir).stderr).toContain('already exists');
    expect(run(['new', '///'], dir).status).toBe(2);
  });
});

describe('playbook check --changed-since', () => {
  const repo = mkdtempSync(join(tmpdir(), 'playbook-git-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo });
  const write = (path: string, needs?: string, body = '1. Open the dashboard as usual.') => {
    mkdirSync(join(repo, 'content', path, '..'), { recursive: true });
    writeFileSync(join(repo, 'content', `${path}.md`), `---\ntitle: ${path}\nsummary: S.\nowner: alex\n${needs ? `prerequisites:\n  - playbook: ${needs}\n` : ''}---\n\n## Steps\n\n${body}\n\n## Verify\n\nok\n`);
  };

  it('checks changed playbooks and every playbook that depends on or links to them', () => {
    git('init', '-q', '-b', 'main');
    write('base');
    write('needs-base', 'base');
    write('links-base', undefined, '1. Read [base](base.md) as usual.');
    write('unrelated');
    git('add', '.');
    git('commit', '-qm', 'start');
    write('base', undefined, '1. Open the dashboard as usual, now in Grafana.');
    const result = run(['check', '--no-cache', '--format', 'json', '--changed-since', 'HEAD'], repo);
    const files = [...new Set((JSON.parse(result.stdout) as { file: string }[]).map((d) => d.file))].sort();
    expect(files).toEqual(['content/base.md', 'content/links-base.md', 'content/needs-base.md']);
    expect(run(['check', '--changed-since', 'no-such-ref'], repo).stderr).toContain('--changed-since no-such-ref: git could not compare');
  });
});
