import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outcomesOf, type LabelFile } from '../src/checker/match/evaluate.ts';
import { parsePlaybook } from '../src/core/parse.ts';
const folder = 'test/fixtures/match-dev/tune';
const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as LabelFile;
for (const [file, c] of Object.entries(labels.cases)) {
  const p = parsePlaybook(join(folder, file), readFileSync(join(folder, file), 'utf8'), { path: file });
  for (const o of outcomesOf(file, p, c)) if (o.expected !== o.actual) console.log(o.expected === 'documented' ? 'FP' : 'FN', file.slice(0, 30).padEnd(30), '|', o.observed, '|', o.nearest ?? '');
}
