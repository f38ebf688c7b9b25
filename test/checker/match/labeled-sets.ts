/** Read a labeled set (playbooks + labels.json) from test/fixtures and score the matcher on it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlaybook } from '../../../src/core/parse.ts';
import { outcomesOf, summarise, type LabelFile, type Outcome, type Summary } from '../../../src/checker/match/evaluate.ts';
import type { MatcherOptions } from '../../../src/checker/match/index.ts';

export const VISIBLE_EVAL = 'test/fixtures/eval/undocumented-steps';
export const OWN_CASES = 'test/fixtures/match-cases';
export const DEVELOPMENT_SET = 'test/fixtures/match-dev';

/** The halves of the development set present (`tune`, and `test` once it is copied in). */
export function developmentHalves(): string[] {
  if (!existsSync(DEVELOPMENT_SET)) return [];
  return readdirSync(DEVELOPMENT_SET)
    .filter((half) => existsSync(join(DEVELOPMENT_SET, half, 'labels.json')))
    .sort();
}

export function scoreSet(folder: string, options?: MatcherOptions): { summary: Summary; findings: Summary; outcomes: Outcome[] } {
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as LabelFile;
  const outcomes = Object.entries(labels.cases).flatMap(([file, caseLabels]) => {
    const path = join(folder, file);
    return outcomesOf(file, parsePlaybook(path, readFileSync(path, 'utf8'), { path: file }), caseLabels, options);
  });
  return { summary: summarise(outcomes), findings: summarise(outcomes, 'finding'), outcomes };
}

/** One line: the figures. */
export function describeSummary(name: string, summary: Summary): string {
  const f = (value: number) => value.toFixed(3);
  return `${name}: precision ${f(summary.precision)}, recall ${f(summary.recall)}, placement exact ${f(summary.placementExact)}, within one ${f(summary.placementWithinOne)} (tp ${summary.truePositives}, fp ${summary.falsePositives}, fn ${summary.falseNegatives}, ${summary.entries} entries)`;
}

/** The mistakes, one per line. */
export function describeMistakes(outcomes: readonly Outcome[]): string[] {
  return outcomes
    .filter((o) => o.expected !== o.actual || (o.expected === 'undocumented' && o.actualAfter !== o.expectedAfter))
    .map((o) =>
      o.expected !== o.actual
        ? `${o.expected === 'undocumented' ? 'missed' : 'false alarm'}: ${o.file}: "${o.observed}"${o.nearest ? ` — nearest ${o.nearest}` : ''}`
        : `placed after ${o.actualAfter}, labeled ${o.expectedAfter}: ${o.file}: "${o.observed}"`,
    );
}
