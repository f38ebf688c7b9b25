/**
 * Fixtures in the shape of markdownlint's: each offending line of
 * test/fixtures/checker/expect/*.md ends with a marker naming the rules that
 * must report on it, `<!-- expect: rule-id -->` in the body and
 * `# expect: rule-id` in the frontmatter. The whole checker (every rule,
 * default settings) runs on the folder as one corpus; on each file, the set of
 * `line rule-id` of the findings must equal the set of markers: nothing
 * missing, nothing extra.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus, type MemoryFile } from '../../src/checker/check.ts';
import type { Diagnostic } from '../../src/checker/diagnostic.ts';
import { RULE_IDS } from '../../src/checker/rules/index.ts';
import { isNonPlaybookFile } from '../../src/core/load.ts';
import { NOW, settingsOf } from './helpers.ts';

const FOLDER = 'test/fixtures/checker/expect';
const BODY_MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->\s*$/;
const YAML_MARKER = /\s#\s*expect:\s*(.*?)\s*$/;

const names = readdirSync(FOLDER).filter((name) => name.endsWith('.md') && !isNonPlaybookFile(name)).sort();
const texts = new Map(names.map((name) => [name, readFileSync(join(FOLDER, name), 'utf8')]));

/** The markers of a fixture as `line rule-id`; a marker of the wrong form for where it is, or naming no known rule, is an error. */
function markersOf(text: string): string[] {
  const lines = text.split('\n');
  const closing = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  const markers: string[] = [];
  lines.forEach((line, index) => {
    const inFrontmatter = index > 0 && index < closing;
    const body = BODY_MARKER.exec(line);
    const yaml = inFrontmatter ? YAML_MARKER.exec(line) : null;
    if (body && inFrontmatter) throw new Error(`line ${index + 1}: in the frontmatter a marker is a YAML comment, \`# expect: rule-id\``);
    const ids = (body ?? yaml)?.[1];
    if (ids === undefined) return;
    for (const id of ids.split(/\s*,\s*/)) {
      if (!RULE_IDS.includes(id)) throw new Error(`line ${index + 1}: \`${id}\` is not a rule id`);
      markers.push(`${index + 1} ${id}`);
    }
  });
  return markers;
}

/** Remove every marker, leaving the lines (and every position before a marker) as they were. */
function withoutMarkers(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s*<!--\s*expect:[^>]*-->\s*$/, '').replace(/\s+#\s*expect:.*$/, ''))
    .join('\n');
}

async function checkAll(textOf: (name: string) => string): Promise<Diagnostic[]> {
  const memory: MemoryFile[] = names.map((name) => ({ file: `content/${name}`, path: name, text: textOf(name) }));
  return (await checkCorpus(settingsOf(), { memory, now: NOW, workers: 0 })).diagnostics;
}

const found = (diagnostics: readonly Diagnostic[], name: string) => [...new Set(diagnostics.filter((d) => d.file === `content/${name}`).map((d) => `${d.line} ${d.ruleId}`))].sort();
const sortedMarkers = (name: string) => [...new Set(markersOf(texts.get(name)!))].sort();
const byLine = (a: string, b: string) => parseInt(a, 10) - parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0);

describe('expect fixtures', () => {
  const run = checkAll((name) => texts.get(name)!);

  it('there are fixtures, covering at least 12 rules', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(new Set(names.flatMap((name) => markersOf(texts.get(name)!).map((marker) => marker.split(' ')[1]))).size).toBeGreaterThanOrEqual(12);
  });

  it.each(names)('%s: the findings are exactly the markers', async (name) => {
    const diagnostics = await run;
    expect(found(diagnostics, name).sort(byLine), JSON.stringify(diagnostics.filter((d) => d.file === `content/${name}`), null, 2)).toEqual(sortedMarkers(name).sort(byLine));
  });

  it('no finding is on a file that is not a fixture', async () => {
    expect((await run).filter((d) => !names.some((name) => d.file === `content/${name}`))).toEqual([]);
  });

  it('the markers change nothing: without them, the same findings at the same places, with the same messages', async () => {
    // A YAML marker after a value that a ` #` cut short is part of the dropped comment, so hash-comment's message quotes it.
    const shown = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message.replace(/\s+#\s*expect:[^`]*/g, '')}`);
    expect(shown(await checkAll((name) => withoutMarkers(texts.get(name)!)))).toEqual(shown(await run));
  });
});
