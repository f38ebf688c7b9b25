/**
 * Score the undocumented-step matcher on a labeled set (format of
 * test/fixtures/eval/undocumented-steps/README.md): precision and recall of the
 * "undocumented" label per observed entry, and placement (afterStep) exact and
 * within one step for true positives.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlaybook } from '../src/core/parse.ts';
import { buildCorpus } from '../src/core/corpus.ts';
import { resolveConfig } from '../src/checker/config.ts';
import { RULE_IDS } from '../src/checker/rules/index.ts';
import { undocumentedStep } from '../src/checker/rules/undocumented-step.ts';
import type { Finding } from '../src/checker/rule.ts';

interface Labels {
  cases: Record<string, { undocumented: { observed: string; after_step: number }[]; documented: string[] }>;
}

export interface Score {
  precision: number;
  recall: number;
  placementExact: number;
  placementWithinOne: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  entries: number;
  mistakes: string[];
}

export function scoreMatcher(folder: string, options: Record<string, unknown> = {}): Score {
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as Labels;
  const config = resolveConfig({ options: { 'undocumented-step': options } }, RULE_IDS);
  let tp = 0, fp = 0, fn = 0, exact = 0, withinOne = 0, entries = 0;
  const mistakes: string[] = [];
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md' && name !== 'SOURCE.md').sort()) {
    const playbook = parsePlaybook(file, readFileSync(join(folder, file), 'utf8'), { path: file });
    const corpus = buildCorpus([playbook]);
    const findings: Finding[] = [];
    undocumentedStep.check({ playbook, corpus, config, now: new Date('2026-11-24'), report: (finding) => findings.push(finding) });
    const flagged = new Map<string, number>();
    for (const finding of findings) {
      const line = finding.place.start.line;
      const action = playbook.shadowing.flatMap((s) => s.observed).find((o) => o.place.start.line === line);
      if (action) flagged.set(action.text, Number(finding.data?.['afterStep'] ?? -1));
    }
    const label = labels.cases[file];
    if (!label) continue;
    entries += label.undocumented.length + label.documented.length;
    for (const { observed, after_step } of label.undocumented) {
      if (flagged.has(observed)) {
        tp++;
        const placed = flagged.get(observed)!;
        if (placed === after_step) exact++;
        if (Math.abs(placed - after_step) <= 1) withinOne++;
        else mistakes.push(`${file}: placed after ${placed}, expected ${after_step}: ${observed}`);
      } else {
        fn++;
        mistakes.push(`${file}: missed (undocumented): ${observed}`);
      }
    }
    for (const text of label.documented) {
      if (flagged.has(text)) {
        fp++;
        mistakes.push(`${file}: false alarm (documented): ${text}`);
      }
    }
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    placementExact: tp === 0 ? 0 : exact / tp,
    placementWithinOne: tp === 0 ? 0 : withinOne / tp,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    entries,
    mistakes,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2] ?? 'test/fixtures/eval/undocumented-steps';
  const score = scoreMatcher(folder);
  console.log(`entries ${score.entries}: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}, placement exact ${score.placementExact.toFixed(3)}, within one ${score.placementWithinOne.toFixed(3)} (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives})`);
  if (process.argv.includes('--verbose')) console.log(score.mistakes.join('\n'));
}
