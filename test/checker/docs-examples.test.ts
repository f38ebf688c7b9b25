/**
 * The meta test (after markdownlint's): every rule has a docs page and every
 * docs page a rule; each page's examples are run: an `invalid <id>` example
 * must produce that rule's finding, a `valid` one must not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from '../../src/checker/rules/index.ts';
import { check } from './helpers.ts';

const pages = readdirSync('docs/rules').filter((name) => name.endsWith('.md'));

interface Example {
  kind: string;
  rule?: string;
  markdown: string;
  /** `(path: gaps.md)`: where the example lives in the content folder (default `example.md`). */
  path?: string;
  /** `(attach: notes/server.key)`: a file beside it (its content is the file's name). */
  attach?: string;
}

function examplesOf(page: string): Example[] {
  const text = readFileSync(`docs/rules/${page}`, 'utf8');
  const examples: Example[] = [];
  const pattern = /<!-- example: (valid|invalid|none)(?: ([a-z-]+))?((?: \((?:path|attach): [^)]+\))*) -->\s*\n```markdown\n([\s\S]*?)\n```/g;
  for (const match of text.matchAll(pattern)) {
    const example: Example = { kind: match[1]!, markdown: `${match[4]!}\n` };
    if (match[2]) example.rule = match[2];
    for (const [, key, value] of (match[3] ?? '').matchAll(/\((path|attach): ([^)]+)\)/g)) example[key as 'path' | 'attach'] = value!.trim();
    examples.push(example);
  }
  return examples;
}

describe('rule docs', () => {
  it('every rule has a page and every page a rule', () => {
    expect(pages.map((page) => page.replace(/\.md$/, '')).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s: the page states the default severity and has the sections', (id, rule) => {
    const text = readFileSync(`docs/rules/${id}.md`, 'utf8');
    expect(text).toMatch(new RegExp(`^# ${id}\\n`));
    expect(text).toContain(`**Default severity:** \`${rule.defaultSeverity}\``);
    for (const section of ['## What it flags', '## Why', '## How to fix', '## Examples']) expect(text).toContain(section);
  });

  for (const page of pages) {
    const id = page.replace(/\.md$/, '');
    const examples = examplesOf(page);
    it(`${id}: has examples`, () => expect(examples.length).toBeGreaterThan(0));
    examples.forEach((example, index) => {
      if (example.kind === 'none') return;
      it(`${id}: example ${index + 1} is ${example.kind}`, async () => {
        const diagnostics = await check({ [example.path ?? 'example.md']: example.markdown, ...(example.attach ? { [example.attach]: example.attach } : {}) });
        const own = diagnostics.filter((d) => d.ruleId === (example.rule ?? id));
        if (example.kind === 'invalid') {
          expect(example.rule).toBe(id);
          expect(own.length, JSON.stringify(diagnostics, null, 2)).toBeGreaterThan(0);
        } else {
          expect(own, JSON.stringify(own, null, 2)).toEqual([]);
        }
        // Examples are about one rule: nothing else may be an error.
        expect(diagnostics.filter((d) => d.severity === 'error' && d.ruleId !== id)).toEqual([]);
      });
    });
  }
});
