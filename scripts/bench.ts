/**
 * `npm run bench`: every benchmark, one after another, each printing its own
 * figures and ratios against peers run side by side on the same input.
 *   - scripts/bench-match.ts   undocumented-step matcher: precision, recall, placement, ms per entry
 *   - scripts/bench-check.ts   `playbook check` vs markdownlint-cli2 on 1,000 and 10,000 generated playbooks
 *   - scripts/bench-site.ts    site build + Pagefind vs Hugo + Pagefind
 *   - scripts/bench-parse.ts   pathological inputs: bounded time and memory
 *   - scripts/bench-secrets.ts no-secrets on hostile 1 MB lines and the corpora
 *   - scripts/bench-search.ts  search quality (MRR) on the OpenShift runbooks: ours vs Pagefind's default
 * Pass names to run some: `npm run bench -- match check`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const all = ['match', 'parse', 'secrets', 'check', 'site', 'search'];
const wanted = process.argv.slice(2).filter((name) => !name.startsWith('-'));
const selected = wanted.length > 0 ? wanted : all;
let failed = false;
for (const name of selected) {
  const script = `scripts/bench-${name}.ts`;
  if (!existsSync(script)) {
    console.error(`bench: ${script} does not exist (known: ${all.join(', ')})`);
    failed = true;
    continue;
  }
  console.log(`\n=== ${script}`);
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
