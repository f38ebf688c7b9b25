/**
 * Playbook as a package another repository installs: `npm pack` this project, install the tarball into a
 * fresh repository (offline, from the npm cache `npm install` of this project filled: no network), holding
 * copies of two real corpora, then `playbook import`, `playbook check`, `playbook build` there, as a team
 * adopting it would. Figures per corpus are written to test-results/adoption.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNonPlaybookFile, openingOf } from '../../src/core/load.ts';
import { userLockfile } from './lockfile.ts';

const CORPORA = { openshift: 'test/fixtures/corpora/openshift-runbooks', handbook: 'test/fixtures/corpora/18f-handbook' } as const;
const NODE = process.execPath;
const environment = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST|PLAYBOOK_.*|npm_.*|INIT_CWD)$/.test(key)));

function markdownFiles(folder: string, root = folder): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path, root);
    return /\.md$/.test(name) ? [path.slice(root.length + 1)] : [];
  });
}

describe('installed into another repository', () => {
  const repo = mkdtempSync(join(tmpdir(), 'playbook-adopter-'));
  const playbook = (args: string[]) => spawnSync(NODE, [join(repo, 'node_modules/.bin/playbook'), ...args], { cwd: repo, encoding: 'utf8', env: { ...environment, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  const figures: Record<string, Record<string, number>> = {};

  beforeAll(() => {
    const packs = mkdtempSync(join(tmpdir(), 'playbook-pack-'));
    execFileSync('npm', ['pack', '--pack-destination', packs], { cwd: resolve('.'), stdio: 'pipe', env: environment });
    const tarball = join(packs, readdirSync(packs).find((name) => name.endsWith('.tgz'))!);
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'handbook', version: '1.0.0', private: true, devDependencies: { playbook: `file:${tarball}` } }, null, 2));
    writeFileSync(join(repo, 'package-lock.json'), JSON.stringify(userLockfile(JSON.parse(readFileSync('package-lock.json', 'utf8')), tarball), null, 2));
    execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: repo, stdio: 'pipe', env: environment });
    execFileSync('git', ['init', '-q'], { cwd: repo });
    for (const [name, folder] of Object.entries(CORPORA)) cpSync(resolve(folder), join(repo, name), { recursive: true });
    execFileSync('git', ['add', 'openshift', 'handbook'], { cwd: repo });
    execFileSync('git', ['-c', 'user.email=sre@example.com', '-c', 'user.name=SRE', 'commit', '-qm', 'runbooks'], { cwd: repo });
  }, 300_000);
  afterAll(() => {
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/adoption.json', `${JSON.stringify(figures, null, 2)}\n`);
    rmSync(repo, { recursive: true, force: true });
  });

  it('ships JavaScript: the installed command runs from node_modules, and names the Node it needs', () => {
    expect(existsSync(join(repo, 'node_modules/playbook/lib/cli/main.js'))).toBe(true);
    expect(readdirSync(join(repo, 'node_modules/playbook')).sort()).toEqual(expect.arrayContaining(['bin', 'lib', 'src', 'docs']));
    const help = playbook(['--help']);
    expect(help.status, help.stderr).toBe(0);
    for (const command of ['check', 'import', 'build', 'dev', 'preview']) expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  for (const name of Object.keys(CORPORA) as (keyof typeof CORPORA)[]) {
    it(`${name}: import, then at most 0.1 errors per file, every file a page, titles and text clean`, () => {
      const files = markdownFiles(join(repo, name));
      const errorsOf = () => {
        const run = playbook(['check', '--content', name, '--format', 'json', '--no-cache']);
        expect(run.status, run.stderr).not.toBe(2);
        return (JSON.parse(run.stdout) as { severity: string }[]).filter((d) => d.severity === 'error').length;
      };
      const before = errorsOf();
      const started = performance.now();
      const imported = playbook(['import', name]);
      const importSeconds = (performance.now() - started) / 1000;
      expect(imported.status, imported.stderr).toBe(0);
      expect(playbook(['import', name]).stdout).toMatch(/^Changed 0 of \d+ files/); // idempotent
      const after = errorsOf();
      const playbooks = files.filter((file) => !isNonPlaybookFile(file, undefined, () => openingOf(join(repo, name, file))));
      figures[name] = { files: files.length, errorsBefore: before, errorsAfter: after, errorsPerFileBefore: before / files.length, errorsPerFileAfter: after / files.length, importSeconds };
      for (const line of imported.stdout.split('\n')) {
        const match = /^\s+(\d+)\s+(.+)$/.exec(line);
        if (match) figures[name]![match[2]!] = Number(match[1]);
      }
      expect(after / files.length).toBeLessThanOrEqual(0.1);
      expect(before).toBeGreaterThan(after);

      writeFileSync(join(repo, 'playbook.config.json'), JSON.stringify({ content: name, outDir: `site-${name}`, failBuildOnError: false }));
      const build = playbook(['build']);
      expect(build.status, build.stderr).toBe(0);
      const out = join(repo, `site-${name}`);
      const check = JSON.parse(playbook(['check', '--format', 'json', '--no-cache']).stdout) as { file: string }[];
      expect(check.length).toBeGreaterThan(0);
      let pages = 0;
      for (const file of playbooks) {
        const slugPath = file.replace(/\.md$/, '').replace(/(^|\/)(index|readme)$/i, '').split('/').map((segment) => segment.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')).join('/');
        const page = join(out, slugPath, 'index.html');
        expect(existsSync(page), `${file} has no page (looked for ${slugPath}/index.html)`).toBe(true);
        pages++;
        const html = readFileSync(page, 'utf8');
        const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
        const stem = file.split('/').at(-1)!.replace(/\.md$/, '');
        // Never titled by a raw file name with its separators (an alert's name as its H1 is its title, not a file name).
        if (/[_]/.test(stem)) expect(title.startsWith(stem), `${file} is titled by its file name`).toBe(false);
        // The page as a reader sees it; the checker's findings (which quote the syntax they report) aside.
        const main = (/<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? '').replace(/<section[^>]*class="findings"[\s\S]*?<\/section>/, '');
        const shown = main.replace(/<pre[\s\S]*?<\/pre>/g, '').replace(/<code[\s\S]*?<\/code>/g, '').replace(/<[^>]+>/g, ' ');
        const syntax = /.{0,40}(\{%|%\}|\{\{|\}\}|&#x3C;%|<%|^\s*!!! |\n\s*!!! |:::\s*\w).{0,40}/.exec(shown);
        expect(syntax?.[0], `${file} shows template or admonition syntax as text`).toBeUndefined();
      }
      figures[name]!['pages'] = pages;
      expect(pages).toBe(playbooks.length);
    }, 300_000);
  }
});
