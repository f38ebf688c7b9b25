/**
 * The undocumented-step matcher: precision, recall and placement on the
 * labeled evaluation set, and milliseconds per observed entry on a generated
 * corpus (deterministic by seed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findUndocumentedActions } from '../src/checker/match/index.ts';
import { parsePlaybook } from '../src/core/parse.ts';
import { generateCorpus } from './generate-corpus.ts';
import { scoreMatcher } from './eval-match.ts';

const score = scoreMatcher(join(import.meta.dirname, '../test/fixtures/eval/undocumented-steps'));
console.log(`eval (140 observed actions): precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}, placement exact ${score.placementExact.toFixed(3)}, within one ${score.placementWithinOne.toFixed(3)}   goals: 0.95 / 0.95 / 0.90`);

const dir = '/tmp/playbook-bench-match';
const slugs = generateCorpus({ count: 500, seed: 7, outDir: dir });
const playbooks = slugs.map((slug) => parsePlaybook(`${slug}.md`, readFileSync(join(dir, `${slug}.md`), 'utf8'), { path: `${slug}.md` }));
const entries = playbooks.reduce((n, p) => n + p.shadowing.reduce((m, s) => m + s.observed.length, 0), 0);
const started = performance.now();
for (const playbook of playbooks) findUndocumentedActions(playbook);
const ms = performance.now() - started;
console.log(`speed: ${entries} observed entries in ${ms.toFixed(0)} ms = ${(ms / entries).toFixed(3)} ms per entry   goal: a few ms at most`);
