/**
 * One settings resolver, end to end: `content` (and `outDir`) set only in the
 * config file of a repository that is not this one; `playbook check` and
 * `playbook build` both read it, and the precedence flag > environment >
 * config file > default holds for the CLI.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/playbook.mjs');
/** Vitest puts Vite's own variables into process.env (BASE_URL would become Astro's base); and no PLAYBOOK_* may leak in. */
const environment = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST|PLAYBOOK_.*)$/.test(key)));

function run(args: string[], cwd: string, extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...environment, NO_COLOR: '1', ...extra }, maxBuffer: 1 << 26 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('settings: content set only in the config file', () => {
  const repo = mkdtempSync(join(tmpdir(), 'playbook-settings-'));
  mkdirSync(join(repo, 'handbook'));
  cpSync(resolve('test/fixtures/checker/clean/content'), join(repo, 'handbook'), { recursive: true });
  mkdirSync(join(repo, 'elsewhere/team'), { recursive: true });
  writeFileSync(join(repo, 'elsewhere/team/other.md'), '---\ntitle: Other\nsummary: S.\nowner: alex\n---\n\n## Steps\n\n1. Do it as usual.\n');
  writeFileSync(join(repo, 'playbook.config.json'), JSON.stringify({ content: 'handbook', outDir: 'public-site', failBuildOnError: false }));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('playbook check reads the configured folder', () => {
    const { code, stdout } = run(['check', '--no-cache', '--format', 'json'], repo);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { file: string }[]).every((d) => d.file.startsWith('handbook/'))).toBe(true);
  });

  it('PLAYBOOK_CONTENT overrides the config file, and --content overrides both', () => {
    const fromEnvironment = JSON.parse(run(['check', '--no-cache', '--format', 'json'], repo, { PLAYBOOK_CONTENT: 'elsewhere' }).stdout) as { file: string }[];
    expect(fromEnvironment.some((d) => d.file === 'elsewhere/team/other.md')).toBe(true);
    const fromFlag = JSON.parse(run(['check', '--no-cache', '--format', 'json', '--content', 'handbook'], repo, { PLAYBOOK_CONTENT: 'elsewhere' }).stdout) as { file: string }[];
    expect(fromFlag.some((d) => d.file.startsWith('elsewhere/'))).toBe(false);
  });

  it('playbook build builds the configured folder into the configured output, search index included', () => {
    const { code, stdout, stderr } = run(['build'], repo);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`Built the site into ${join(repo, 'public-site')}`);
    expect(existsSync(join(repo, 'public-site/team/watch-dashboard/index.html'))).toBe(true);
    expect(existsSync(join(repo, 'public-site/pagefind/pagefind.js'))).toBe(true);
    expect(readFileSync(join(repo, 'public-site/index.html'), 'utf8')).toContain('team/watch-dashboard/');
    // Nothing was written into the repository but the output and the cache.
    expect(existsSync(join(repo, 'dist'))).toBe(false);
  }, 120_000);
});
