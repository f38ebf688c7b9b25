/**
 * The undocumented-step matcher: quality on the visible evaluation set and on
 * the project's own cases, and speed on a generated corpus.
 *
 *   ./node_modules/.bin/node scripts/bench-match.ts [--entries 2000] [--seed 7]
 *
 * Quality: precision and recall of the "undocumented" label, and placement
 * (`afterStep` equal to the label, and within one step) for true positives.
 * Speed: 2,000 observed entries (by default) against synthetic playbooks of
 * 8–12 steps, generated deterministically from the seed; milliseconds per entry
 * after a warm-up, and the one-off cost of loading the lemmatizer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { outcomesOf, summarise, type LabelFile, type Summary } from '../src/checker/match/evaluate.ts';
import { findUndocumentedActions } from '../src/checker/match/index.ts';
import { parsePlaybook } from '../src/core/parse.ts';
import { random } from './generate-corpus.ts';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '2000' }, seed: { type: 'string', default: '7' } } });

function scoreFolder(folder: string): Summary {
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as LabelFile;
  return summarise(
    Object.entries(labels.cases).flatMap(([file, caseLabels]) => {
      const path = join(folder, file);
      return outcomesOf(file, parsePlaybook(path, readFileSync(path, 'utf8'), { path: file }), caseLabels);
    }),
  );
}

function line(name: string, s: Summary): string {
  const f = (value: number) => value.toFixed(3);
  return `${name.padEnd(26)} precision ${f(s.precision)}  recall ${f(s.recall)}  placement ${f(s.placementExact)} exact, ${f(s.placementWithinOne)} within one  (${s.entries} entries, tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`;
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
const coldMs = performance.now() - started;

started = performance.now();
let found = 0;
for (const playbook of playbooks) found += findUndocumentedActions(playbook).length;
const elapsed = performance.now() - started;
const entries = playbooks.length * perPlaybook;
console.log(
  `speed: ${entries} observed entries in ${playbooks.length} playbooks, ${elapsed.toFixed(0)} ms, ${(elapsed / entries).toFixed(3)} ms per entry (${found} reported undocumented); first call incl. loading the lemmatizer ${coldMs.toFixed(0)} ms`,
);

console.log(line('visible eval (12 files)', scoreFolder('test/fixtures/eval/undocumented-steps')));
console.log(line('own cases (7 files)', scoreFolder('test/fixtures/match-cases')));
