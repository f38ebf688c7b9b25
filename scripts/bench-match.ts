/**
 * The undocumented-step matcher: quality on every labeled set, and speed on a
 * generated corpus.
 *
 *   ./node_modules/.bin/node scripts/bench-match.ts [--entries 2000] [--seed 7]
 *
 * Quality, per set (the visible evaluation set, the project's own cases, and
 * each half of the development set present under test/fixtures/match-dev/):
 * precision and recall of the "undocumented" label, and placement (`afterStep`
 * equal to the label, and within one step) for true positives; first the
 * matcher's verdict (what the labels answer), then the finding level (a
 * finding, or a recorded gap that covers the entry).
 * Speed: 2,000 observed entries (by default) against synthetic playbooks of
 * 8–12 steps, generated deterministically from the seed; milliseconds per entry
 * after a warm-up; and the lexicon's size and its load time, measured cold in
 * a fresh process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gapSummaryOfFolder, outcomesOf, summarise, type LabelFile, type Outcome, type Summary } from '../src/checker/match/evaluate.ts';
import { findUndocumentedActions } from '../src/checker/match/index.ts';
import { parsePlaybook } from '../src/core/parse.ts';
import { random } from './generate-corpus.ts';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '2000' }, seed: { type: 'string', default: '7' } } });

function outcomesOfFolder(folder: string): Outcome[] {
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as LabelFile;
  return Object.entries(labels.cases).flatMap(([file, caseLabels]) => {
    const path = join(folder, file);
    return outcomesOf(file, parsePlaybook(path, readFileSync(path, 'utf8'), { path: file }), caseLabels);
  });
}

function line(name: string, s: Summary): string {
  const f = (value: number) => value.toFixed(3);
  return `${name.padEnd(30)} precision ${f(s.precision)}  recall ${f(s.recall)}  placement ${f(s.placementExact)} exact, ${f(s.placementWithinOne)} within one  (${s.entries} entries, tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`;
}

/** The labeled sets, in the order the report prints them: every half of the development set present. */
function labeledSets(): { name: string; folder: string }[] {
  const sets = [
    { name: 'visible eval', folder: 'test/fixtures/eval/undocumented-steps' },
    { name: 'own cases', folder: 'test/fixtures/match-cases' },
  ];
  const dev = 'test/fixtures/match-dev';
  const halves = existsSync(dev) ? readdirSync(dev).filter((half) => existsSync(join(dev, half, 'labels.json'))) : [];
  for (const half of ['tune', 'test', ...halves.filter((h) => h !== 'tune' && h !== 'test').sort()]) {
    if (halves.includes(half)) sets.push({ name: `development ${half}`, folder: join(dev, half) });
  }
  return sets;
}

const VERBS = [
  ['Restart', 'Restarted'], ['Check', 'Checked'], ['Open', 'Opened'], ['Create', 'Created'], ['Delete', 'Deleted'], ['Pause', 'Paused'],
  ['Deploy', 'Deployed'], ['Notify', 'Told'], ['Scale', 'Scaled'], ['Export', 'Exported'], ['Approve', 'Approved'], ['Run', 'Ran'],
] as const;
const OBJECTS = ['the consumer deployment', 'the billing database', 'the payroll run', 'the release branch', 'the access key', 'the badge request', 'the queue dashboard', 'the nightly DAG', 'the TLS certificate', 'the journal entry'];
const NAMES = ['order-consumer', 'billing-primary-1', 'daily_events', '#ops-alerts', 'prod-eu-1', 'CHANGELOG.md', 'GuardDuty', 'v2026.11.0'];

/** A synthetic playbook whose observed entries mix paraphrases of its steps and actions it never describes. */
function syntheticPlaybook(next: () => number, index: number, entries: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const steps = Array.from({ length: 8 + Math.floor(next() * 5) }, () => ({ verb: pick(VERBS), object: pick(OBJECTS), name: pick(NAMES) }));
  const observed = Array.from({ length: entries }, (_, at) => {
    const step = steps[Math.min(steps.length - 1, Math.floor((at / entries) * steps.length))]!;
    return next() < 0.7 ? `${step.verb[1]} ${step.object} on ${step.name}` : `${pick(VERBS)[1]} ${pick(OBJECTS)} for ${pick(NAMES)} again`;
  });
  const body = steps
    .map((step, at) => `${at + 1}. ${step.verb[0]} ${step.object} for \`${step.name}\`:\n\n   \`\`\`sh\n   tool ${step.verb[0].toLowerCase()} ${step.name} --wait\n   \`\`\``)
    .join('\n');
  const yamlList = observed.map((text) => `      - ${JSON.stringify(text)}`).join('\n');
  return `---\ntitle: Synthetic playbook ${index}\nsummary: Generated for the matcher benchmark.\nowner: bench\nshadowing:\n  - date: 2026-01-01\n    lead: a\n    shadow: b\n    observed:\n${yamlList}\n---\n\nWhy this exists.\n\n## Steps\n\n${body}\n`;
}

const total = Number(values.entries);
const perPlaybook = 20;
const next = random(Number(values.seed));
const playbooks = Array.from({ length: Math.ceil(total / perPlaybook) }, (_, index) => parsePlaybook(`bench/${index}.md`, syntheticPlaybook(next, index, perPlaybook)));

let started = performance.now();
findUndocumentedActions(playbooks[0]!);
const firstCallMs = performance.now() - started;

started = performance.now();
const cpuStarted = process.cpuUsage();
let found = 0;
for (const playbook of playbooks) found += findUndocumentedActions(playbook).length;
const elapsed = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;
const entries = playbooks.length * perPlaybook;
// CPU time is what the matcher costs; wall time also counts whatever else the machine is doing.
console.log(`speed: ${entries} observed entries in ${playbooks.length} playbooks, ${elapsed.toFixed(0)} ms, ${(elapsed / entries).toFixed(3)} ms per entry wall, ${(cpuMs / entries).toFixed(3)} ms CPU (${found} reported undocumented); first call ${firstCallMs.toFixed(0)} ms`);

// The lexicon's load, cold: a fresh process that loads nothing else first.
const lexiconFile = 'src/checker/match/lexicon.json';
const cold = spawnSync(process.execPath, ['--input-type=module', '-e', "const { lexicon } = await import('./src/checker/match/lexicon.ts'); console.log(lexicon().loadMs.toFixed(1));"], { encoding: 'utf8' });
console.log(`lexicon: ${lexiconFile}, ${(statSync(lexiconFile).size / 1024 / 1024).toFixed(2)} MiB; cold load ${cold.status === 0 ? `${cold.stdout.trim()} ms` : `failed: ${cold.stderr.trim()}`}`);
// The word vectors and the model, cold, and everything the matcher loads together (lexicon, vectors, model).
const vectorsFile = 'src/checker/match/vectors.bin';
const coldVectors = spawnSync(process.execPath, ['--input-type=module', '-e', "const { wordVectors } = await import('./src/checker/match/vectors.ts'); console.log(wordVectors().loadMs.toFixed(1));"], { encoding: 'utf8' });
const coldAll = spawnSync(
  process.execPath,
  ['--input-type=module', '-e', "const { lexicon } = await import('./src/checker/match/lexicon.ts'); const { wordVectors } = await import('./src/checker/match/vectors.ts'); const { matchModel } = await import('./src/checker/match/model.ts'); const t = performance.now(); lexicon(); wordVectors(); matchModel(); console.log((performance.now() - t).toFixed(1));"],
  { encoding: 'utf8' },
);
console.log(`vectors: ${vectorsFile}, ${(statSync(vectorsFile).size / 1024 / 1024).toFixed(2)} MiB; cold load ${coldVectors.status === 0 ? `${coldVectors.stdout.trim()} ms` : `failed: ${coldVectors.stderr.trim()}`}; lexicon, vectors and model together ${coldAll.status === 0 ? `${coldAll.stdout.trim()} ms` : `failed: ${coldAll.stderr.trim()}`}`);

for (const { name, folder } of labeledSets()) {
  const outcomes = outcomesOfFolder(folder);
  console.log(line(name, summarise(outcomes)));
  console.log(line(`  finding level`, summarise(outcomes, 'finding')));
  const gaps = gapSummaryOfFolder(folder);
  if (gaps) console.log(`  gaps: of ${gaps.entries} labeled gaps whose entry is undocumented, ${gaps.recorded} record it (one warning), ${gaps.twice} do not (a finding besides the gap); ${gaps.wrong} record an entry they are not about`);
}
