/**
 * Site build + search index of 1,000 and 10,000 generated playbooks, side by
 * side with Hugo + Pagefind (Debian's `hugo`, Pagefind's CLI from npm) on the
 * same files: wall time, peak memory, HTML bytes per page (largest too) and
 * index size. Goals (issue 13): 1,000 within 2.5x Hugo + Pagefind; 10,000 within 90 s
 * and 3 GiB; no page over 30 KB of HTML.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCorpus } from './generate-corpus.ts';

const ROOT = resolve(import.meta.dirname, '..');
const sizes = (process.env['BENCH_SIZES'] ?? '1000,10000').split(',').map(Number);

function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  if (result.status !== 0) console.log(result.stderr.split('\n').slice(-15).join('\n'));
  return { wall: last[0]!, peakMiB: last[1]! / 1024, ok: result.status === 0 };
}

function htmlStats(root: string) {
  let pages = 0;
  let bytes = 0;
  let largest = 0;
  let largestPath = '';
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        pages++;
        bytes += stat.size;
        if (stat.size > largest) [largest, largestPath] = [stat.size, path.slice(root.length)];
      }
    }
  };
  walk(root);
  return { pages, average: bytes / Math.max(1, pages), largest, largestPath };
}

function folderBytes(root: string): number {
  if (!existsSync(root)) return 0;
  let total = 0;
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    const stat = statSync(path);
    total += stat.isDirectory() ? folderBytes(path) : stat.size;
  }
  return total;
}

const hugoAvailable = spawnSync('hugo', ['version']).status === 0;
for (const size of sizes) {
  const dir = `/tmp/playbook-site-bench-${size}`;
  rmSync(dir, { recursive: true, force: true });
  generateCorpus({ count: size, seed: 42, outDir: join(dir, 'content') });

  const out = join(dir, 'dist');
  const ours = timed(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], ROOT, { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_CONTENT: join(dir, 'content'), PLAYBOOK_OUT_DIR: out, PLAYBOOK_BASE: '/playbooks/' });
  const ourHtml = htmlStats(out);
  const ourIndex = folderBytes(join(out, 'pagefind'));

  console.log(`\n${size} playbooks`);
  console.log(`  playbook site (astro + pagefind)  ${ours.ok ? '' : 'FAILED '}${ours.wall.toFixed(1).padStart(6)} s  ${ours.peakMiB.toFixed(0).padStart(6)} MiB  ${ourHtml.pages} pages, ${(ourHtml.average / 1024).toFixed(1)} KB/page avg, largest ${(ourHtml.largest / 1024).toFixed(1)} KB (${ourHtml.largestPath}), index ${(ourIndex / 1024 / 1024).toFixed(1)} MiB`);

  if (!hugoAvailable) {
    console.log('  hugo + pagefind: hugo not installed (apt-get install hugo) — no comparison');
    continue;
  }
  const site = join(dir, 'hugo');
  mkdirSync(join(site, 'layouts/_default'), { recursive: true });
  cpSync(join(dir, 'content'), join(site, 'content'), { recursive: true });
  writeFileSync(join(site, 'hugo.toml'), 'baseURL = "http://localhost/playbooks/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = false\n');
  writeFileSync(join(site, 'layouts/_default/single.html'), '<!doctype html><html lang="en"><head><title>{{ .Title }}</title></head><body><main data-pagefind-body><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</main></body></html>\n');
  writeFileSync(join(site, 'layouts/_default/list.html'), '<!doctype html><html lang="en"><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n');
  const hugo = timed('hugo', ['--quiet', '--destination', 'public'], site);
  const pagefind = timed(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', 'public'], site);
  const theirHtml = htmlStats(join(site, 'public'));
  const wall = hugo.wall + pagefind.wall;
  console.log(`  hugo + pagefind                   ${wall.toFixed(1).padStart(6)} s  ${Math.max(hugo.peakMiB, pagefind.peakMiB).toFixed(0).padStart(6)} MiB  ${theirHtml.pages} pages, ${(theirHtml.average / 1024).toFixed(1)} KB/page avg, index ${(folderBytes(join(site, 'public/pagefind')) / 1024 / 1024).toFixed(1)} MiB`);
  console.log(`  ratio ${(ours.wall / wall).toFixed(2)}x wall   goals: ${size <= 1000 ? '<= 2.5x Hugo + Pagefind' : '<= 90 s and <= 3072 MiB (issue 13)'}, every page < 30 KB`);
}
