/** `playbook check` end to end: a real process on fixture folders, every format, every exit code. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/playbook.mjs');
const NODE = process.execPath;

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(NODE, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `playbook-cli-${name}-`));
  cpSync(resolve('test/fixtures/checker', name), dir, { recursive: true });
  return dir;
}

describe('playbook check (CLI)', () => {
  const basic = fixture('basic');
  const clean = fixture('clean');
  afterAll(() => {
    rmSync(basic, { recursive: true, force: true });
    rmSync(clean, { recursive: true, force: true });
  });

  it('exits 0 with a clean summary when there is nothing to report', () => {
    const { code, stdout } = run(['check', '--no-cache'], clean);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✔ 1 playbook checked, no problems \(\d+\.\d\ds\)/);
  });

  it('exits 1 on errors, in stylish by default', () => {
    const { code, stdout } = run(['check', '--no-cache'], basic);
    expect(code).toBe(1);
    expect(stdout).toContain('content/team/restart-consumer.md');
    expect(stdout).toMatch(/6:15\s+error\s+prerequisite `team\/missing-playbook` is not a playbook in the content folder\s+unknown-playbook/);
  });

  it('json: file relative with /, 1-based positions, rule urls', () => {
    const { code, stdout } = run(['check', '--no-cache', '--format', 'json'], basic);
    expect(code).toBe(1);
    const diagnostics = JSON.parse(stdout) as { file: string; line: number; ruleId: string; url: string }[];
    expect(diagnostics.find((d) => d.ruleId === 'unknown-playbook')).toMatchObject({ file: 'content/team/restart-consumer.md', line: 6, column: 15, severity: 'error' });
    expect(new Set(diagnostics.map((d) => d.ruleId))).toEqual(new Set(['unknown-playbook', 'open-gap', 'vague-step', 'tool-not-in-prerequisites', 'single-point-of-failure']));
    expect(diagnostics.every((d) => d.url.endsWith(`${d.ruleId}.md`))).toBe(true);
  });

  it('--max-warnings: warnings over the limit exit 1, within it 0', () => {
    writeFileSync(join(clean, 'content/team/vague.md'), '---\ntitle: V\nsummary: S.\nowner: priya\nlast_reviewed: 2026-11-01\nshadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    mode: reverse\n---\n\n## Steps\n\n1. Do it as usual.\n\n## Verify\n\nDone.\n');
    expect(run(['check', '--no-cache', '--max-warnings', '0'], clean).code).toBe(1);
    expect(run(['check', '--no-cache', '--max-warnings', '1'], clean).code).toBe(0);
    rmSync(join(clean, 'content/team/vague.md'));
  });

  it('FILES: reports on the given playbooks only, still using the corpus', () => {
    const { stdout } = run(['check', '--no-cache', '--format', 'json', 'content/team/watch-dashboard.md'], basic);
    const files = new Set((JSON.parse(stdout) as { file: string }[]).map((d) => d.file));
    expect([...files]).toEqual(['content/team/watch-dashboard.md']);
  });

  it('--output writes the report to a file; sarif, github and junit formats', () => {
    const out = join(basic, 'report.sarif');
    expect(run(['check', '--no-cache', '--format', 'sarif', '--output', out], basic).code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    expect(run(['check', '--no-cache', '--format', 'github'], basic).stdout).toMatch(/^::error file=content\/team\/restart-consumer.md,line=6,col=15/m);
    expect(run(['check', '--no-cache', '--format', 'junit'], basic).stdout).toContain('<testsuites name="playbook check" tests="2"');
  });

  it.each([
    [['check', '--format', 'xml'], /argument 'xml' is invalid/],
    [['check', '--bogus'], /unknown option '--bogus'/],
    [['check', '--content', 'nope'], /content folder `nope` does not exist/],
    [['check', '--max-warnings', 'many'], /expected a whole number/],
    [['check', 'content/team/none.md'], /is not a playbook under the content folder/],
  ])('exits 2 with an explanation and no stack trace: %j', (args, message) => {
    const { code, stderr } = run(args as string[], basic);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a bad config file, naming each problem', () => {
    writeFileSync(join(basic, 'playbook.config.json'), JSON.stringify({ rules: { 'vague-step': 'loud', 'no-such-rule': 'off' }, staleDays: -3, colour: true }));
    const { code, stderr } = run(['check'], basic);
    expect(code).toBe(2);
    expect(stderr).toContain('config file `playbook.config.json` has 3 problems');
    expect(stderr).toContain('rules.vague-step: expected `error`, `warning`, `info` or `off`');
    expect(stderr).toContain('unknown key `colour`');
    writeFileSync(join(basic, 'playbook.config.json'), JSON.stringify({ options: { 'undocumented-step': { threshold: 3 } } }));
    expect(run(['check'], basic).stderr).toContain('options.undocumented-step.threshold');
    writeFileSync(join(basic, 'playbook.config.json'), '{ not json');
    expect(run(['check'], basic).stderr).toContain('is not valid JSON');
    writeFileSync(join(basic, 'playbook.config.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    expect(run(['check'], basic).stderr).toContain('unknown rule id `no-such-rule`');
    writeFileSync(join(basic, 'playbook.config.json'), JSON.stringify({ rules: { 'unknown-playbook': 'warning', 'open-gap': 'off' } }));
    const relaxed = run(['check', '--no-cache', '--format', 'json'], basic);
    expect(relaxed.code).toBe(0);
    expect((JSON.parse(relaxed.stdout) as { ruleId: string }[]).some((d) => d.ruleId === 'open-gap')).toBe(false);
    rmSync(join(basic, 'playbook.config.json'));
  });

  it('exits 2 on an empty content folder', () => {
    const empty = mkdtempSync(join(tmpdir(), 'playbook-empty-'));
    const { code, stderr } = run(['check', '--content', '.'], empty);
    expect(code).toBe(2);
    expect(stderr).toContain('no playbooks found');
    rmSync(empty, { recursive: true, force: true });
  });

  it('the cache: a warm run gives the same findings, and a changed file is re-checked', () => {
    const cold = run(['check', '--format', 'json'], basic).stdout;
    expect(readdirSync(join(basic, 'node_modules/.cache/playbook/check')).filter((name) => name.endsWith('.bin')).length).toBeGreaterThan(0);
    expect(run(['check', '--format', 'json'], basic).stdout).toBe(cold);
    const file = join(basic, 'content/team/watch-dashboard.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('1. Open the Orders dashboard.', '1. Open the Orders dashboard as usual.'));
    const warm = JSON.parse(run(['check', '--format', 'json'], basic).stdout) as { file: string; ruleId: string }[];
    expect(warm.some((d) => d.file === 'content/team/watch-dashboard.md' && d.ruleId === 'vague-step')).toBe(true);
  });
});
