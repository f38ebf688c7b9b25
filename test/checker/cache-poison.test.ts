/**
 * A cache nobody can poison: a forged cache that says a file with a pasted token is clean is ignored
 * once git tracks it (a pull request can only bring tracked files), with a warning; the key follows
 * the settings; and the cache lives under node_modules/.cache by default.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/playbook.mjs');
const TOKEN = `ghp_${'Z9y8X7w6V5u4T3s2R1q0'.repeat(2).slice(0, 36)}`;
const environment = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST.*|PLAYBOOK_.*)$/.test(key)));

function run(cwd: string) {
  const result = spawnSync(process.execPath, [BIN, 'check', '--format', 'json'], { cwd, encoding: 'utf8', env: { ...environment, NO_COLOR: '1' } });
  return { code: result.status, findings: JSON.parse(result.stdout || '[]') as { ruleId: string; file: string }[], stderr: result.stderr };
}

/** Rewrite every cache shard so that no file has any finding: what an attacker would commit. */
function forgeCache(folder: string): void {
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.bin'))) {
    const data = deserialize(readFileSync(join(folder, name))) as { key: string; entries: Map<string, { diagnostics: unknown[]; playbook: { findings: unknown[] } }> };
    for (const entry of data.entries.values()) {
      entry.diagnostics = [];
      entry.playbook.findings = [];
    }
    writeFileSync(join(folder, name), serialize(data));
  }
}

describe('the check cache', () => {
  const repo = mkdtempSync(join(tmpdir(), 'playbook-poison-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 'T');
  mkdirSync(join(repo, 'content'));
  writeFileSync(join(repo, 'content/deploy.md'), `---\ntitle: Deploy\nsummary: S.\nowner: alex\n---\n\n## Steps\n\n1. Log in with ${TOKEN}.\n\n## Verify\n\nDone.\n`);

  it('lives under node_modules/.cache/playbook by default', () => {
    expect(run(repo).findings.some((f) => f.ruleId === 'no-secrets')).toBe(true);
    expect(readdirSync(join(repo, 'node_modules/.cache/playbook/check')).some((n) => n.endsWith('.bin'))).toBe(true);
  });

  it('a forged cache would hide the token if it were trusted (so the next test means something)', () => {
    forgeCache(join(repo, 'node_modules/.cache/playbook/check'));
    expect(run(repo).findings.some((f) => f.ruleId === 'no-secrets')).toBe(false);
  });

  it('a forged cache committed to the repository is not read: the token is found, with a warning', () => {
    git('add', '-f', 'content', 'node_modules/.cache/playbook');
    git('commit', '-qm', 'forged cache');
    const { code, findings, stderr } = run(repo);
    expect(findings.some((f) => f.ruleId === 'no-secrets' && f.file === 'content/deploy.md')).toBe(true);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cache folder `node_modules\/\.cache\/playbook` is tracked by git, so it was neither read nor written/);
  });

  it('the key covers the settings: another config re-checks unchanged files', () => {
    const other = mkdtempSync(join(tmpdir(), 'playbook-key-'));
    mkdirSync(join(other, 'content'));
    writeFileSync(join(other, 'content/a.md'), '---\ntitle: A\nsummary: S.\nowner: alex\n---\n\n## Steps\n\n1. Do it the old way.\n\n## Verify\n\nDone.\n');
    expect(run(other).findings.some((f) => f.ruleId === 'vague-step')).toBe(false);
    writeFileSync(join(other, 'playbook.config.json'), JSON.stringify({ vaguePhrases: ['the old way'] }));
    expect(run(other).findings.some((f) => f.ruleId === 'vague-step')).toBe(true);
  });
});
