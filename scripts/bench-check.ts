/**
 * `playbook check` against markdownlint-cli2 on the same generated corpora
 * (1,000 and 10,000 playbooks), run alternately, three rounds each: wall time,
 * CPU time and peak memory (from /usr/bin/time), with the ratio. Then a warm
 * re-check after one file changed (the content-hash cache).
 * Goals (issue 13): full check <= 1.0x markdownlint-cli2's wall time at both
 * sizes (the long-run goal is 0.5x), peak memory <= 1 GiB at 10,000, warm
 * re-check after one change <= 1 s at 1,000 and <= 1.5 s at 10,000.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCorpus } from './generate-corpus.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const sizes = (process.env['BENCH_SIZES'] ?? '1000,10000').split(',').map(Number);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);

interface Measure {
  wall: number;
  cpu: number;
  peakMiB: number;
  code: number | null;
}

function measure(command: string[], cwd: string): Measure {
  const timed = existsSync('/usr/bin/time');
  const args = timed ? ['-f', '%e %U %S %M', ...command] : command.slice(1);
  const started = performance.now();
  const result = spawnSync(timed ? '/usr/bin/time' : command[0]!, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - started) / 1000;
  if (!timed) return { wall, cpu: Number.NaN, peakMiB: Number.NaN, code: result.status };
  const last = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall: last[0]!, cpu: last[1]! + last[2]!, peakMiB: last[3]! / 1024, code: result.status };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (m: { wall: number; cpu: number; peakMiB: number }) => `${m.wall.toFixed(2).padStart(7)} s wall ${m.cpu.toFixed(2).padStart(7)} s cpu ${m.peakMiB.toFixed(0).padStart(6)} MiB`;

for (const size of sizes) {
  const dir = `/tmp/playbook-bench-${size}`;
  const slugs = generateCorpus({ count: size, seed: 42, outDir: join(dir, 'content') });
  writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{ "config": { "default": true } }\n');
  const playbook = [NODE, join(ROOT, 'bin/playbook.mjs'), 'check', '--no-cache', '--format', 'json', '--output', '/dev/null'];
  const markdownlint = [NODE, join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'content/**/*.md'];
  const ours: Measure[] = [];
  const theirs: Measure[] = [];
  for (let round = 0; round < rounds; round++) {
    ours.push(measure(playbook, dir));
    theirs.push(measure(markdownlint, dir));
  }
  const a = { wall: median(ours.map((m) => m.wall)), cpu: median(ours.map((m) => m.cpu)), peakMiB: Math.max(...ours.map((m) => m.peakMiB)) };
  const b = { wall: median(theirs.map((m) => m.wall)), cpu: median(theirs.map((m) => m.cpu)), peakMiB: Math.max(...theirs.map((m) => m.peakMiB)) };
  console.log(`\n${size} playbooks (median of ${rounds}, alternating)`);
  console.log(`  playbook check      ${fmt(a)}`);
  console.log(`  markdownlint-cli2   ${fmt(b)}`);
  console.log(`  ratio (ours/theirs) ${(a.wall / b.wall).toFixed(2)}x wall, ${(a.cpu / b.cpu).toFixed(2)}x cpu, ${(a.peakMiB / b.peakMiB).toFixed(2)}x memory   goal (issue 13): <= 1.0x wall (long run 0.5x)${size >= 10000 ? ', <= 1024 MiB' : ''}`);

  // Warm re-check: fill the cache, change one file, check again.
  const cached = [NODE, join(ROOT, 'bin/playbook.mjs'), 'check', '--format', 'json', '--output', '/dev/null'];
  rmSync(join(dir, '.playbook-cache'), { recursive: true, force: true });
  measure(cached, dir);
  const warm: Measure[] = [];
  for (let round = 0; round < rounds; round++) {
    appendFileSync(join(dir, 'content', `${slugs[0]}.md`), `\nEdited ${round}.\n`);
    warm.push(measure(cached, dir));
  }
  console.log(`  warm re-check after one file changed: ${median(warm.map((m) => m.wall)).toFixed(2)} s (goal: <= ${size >= 10000 ? '1.5' : '1'} s)`);
}
