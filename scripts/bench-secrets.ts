/**
 * How fast `findSecrets` is: on the real corpora, on a generated
 * 10,000-playbook corpus, on 1 MB of clean and of keyword-dense text, and on
 * a 1 MB hostile line per detector family (test/fixtures/secrets/hostile-lines.ts).
 * `node scripts/bench-secrets.ts` (best of 5 runs each).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSecrets } from '../src/core/secrets.ts';
import { hostileLines } from '../test/fixtures/secrets/hostile-lines.ts';
import { generateCorpus } from './generate-corpus.ts';

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Best of `runs`, in milliseconds. */
function time(run: () => void, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const row = (name: string, ms: number, note = '') => console.log(`${name.padEnd(46)} ${ms.toFixed(1).padStart(9)} ms  ${note}`);

const real = filesUnder('test/fixtures/corpora').map((file) => readFileSync(file, 'utf8'));
const realBytes = real.reduce((sum, text) => sum + text.length, 0);
row(`real corpora (${real.length} files, ${(realBytes / 1e6).toFixed(1)} MB)`, time(() => real.forEach((text) => findSecrets(text))));

const folder = mkdtempSync(join(tmpdir(), 'bench-secrets-'));
try {
  generateCorpus({ count: 10_000, seed: 1, outDir: folder });
  const generated = filesUnder(folder).map((file) => readFileSync(file, 'utf8'));
  const bytes = generated.reduce((sum, text) => sum + text.length, 0);
  row(`generated corpus (${generated.length} files, ${(bytes / 1e6).toFixed(1)} MB)`, time(() => generated.forEach((text) => findSecrets(text)), 3));
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const megabyte = 1024 * 1024;
const prose = 'The quick brown fox jumps over the lazy dog near the riverbank at dawn. '.repeat(megabyte / 72);
row('1 MB of prose (no keyword)', time(() => findSecrets(prose)));
const dense = real.join('\n').repeat(2).slice(0, megabyte);
row('1 MB of the real corpora (keyword-dense)', time(() => findSecrets(dense)));

console.log('\n1 MB hostile lines:');
let total = 0;
let worst = 0;
for (const [name, line] of Object.entries(hostileLines(megabyte))) {
  const ms = time(() => findSecrets(line), 3);
  total += ms;
  worst = Math.max(worst, ms);
  row(`  ${name}`, ms, `${findSecrets(line).length} found`);
}
row('hostile lines: worst', worst);
row('hostile lines: all together', total);
