/** Build the fixture site once per test run, under a non-root base path, into a temporary folder. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BASE = '/intranet/playbooks/';

export function buildFixtureSite(content = 'test/fixtures/site/content'): string {
  const out = mkdtempSync(join(tmpdir(), 'playbook-site-'));
  // Astro writes server chunks under its working folder when the output lies outside it: one folder per build
  // (inside the repository, so the chunks resolve its dependencies), so builds running at once never share them.
  mkdirSync(resolve('.build'), { recursive: true });
  const work = mkdtempSync(join(resolve('.build'), 'test-'));
  // Vitest puts Vite's own variables (BASE_URL, MODE, …) into process.env; Astro would take BASE_URL over its base.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/.test(key)));
  execFileSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', resolve('.')], {
    cwd: work,
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_ROOT: resolve('.'), PLAYBOOK_BASE: BASE, PLAYBOOK_CONTENT: content, PLAYBOOK_CONFIG: 'test/fixtures/site/playbook.config.json', PLAYBOOK_OUT_DIR: out, PLAYBOOK_EDIT_URL: 'https://git.example.com/team/playbooks/-/edit/main/{path}' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
  });
  rmSync(work, { recursive: true, force: true });
  return out;
}
