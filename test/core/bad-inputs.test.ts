/**
 * BAD-INPUTS.md rows F1–F15 (frontmatter), E1–E3 (files and encodings):
 * each yields a positioned diagnostic with a fix hint, and nothing runs.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/core/corpus.ts';
import type { ModelFinding } from '../../src/core/findings.ts';
import { parsePlaybook, parsePlaybookBytes } from '../../src/core/parse.ts';
import { MINIMAL, parse, playbookText, where } from './helpers.ts';

function only(diagnostics: readonly ModelFinding[], ruleId = 'schema'): ModelFinding {
  const matching = diagnostics.filter((d) => d.ruleId === ruleId);
  expect(matching, JSON.stringify(diagnostics, null, 2)).toHaveLength(1);
  const diagnostic = matching[0]!;
  expect(diagnostic.file).toBe('content/team/example.md');
  expect(diagnostic.line).toBeGreaterThan(0);
  expect(diagnostic.column).toBeGreaterThan(0);
  expect(diagnostic.fix, 'every diagnostic says how to fix it').toBeTruthy();
  return diagnostic;
}

describe('BAD-INPUTS frontmatter rows', () => {
  it('F1: no frontmatter at all gives one diagnostic listing the missing required fields', () => {
    const parsed = parse('# Just a runbook\n\n## Steps\n\n1. Do it.\n');
    const d = only(parsed.findings);
    expect([d.line, d.column]).toEqual([1, 1]);
    expect(d.message).toContain('`title`, `summary`, `owner`');
    expect(d.data?.['missing']).toEqual(['title', 'summary', 'owner']);
    // The body is still read: the page can still be built.
    expect(parsed.steps).toHaveLength(1);
    expect(parsed.displayTitle).toBe('Just a runbook');
  });

  it('F2: `---` opened and never closed points at the opening line', () => {
    const d = only(parse('---\ntitle: x\nsummary: y\n\n# Body\n').findings);
    expect([d.line, d.column]).toEqual([1, 1]);
    expect(d.message).toContain('never closed');
  });

  it('F2: a blank line before `---` is reported, and the frontmatter is still read', () => {
    const parsed = parse(`\n\n${playbookText(MINIMAL)}`);
    const d = only(parsed.findings);
    expect(d.message).toContain('after 2 blank line(s)');
    expect(parsed.meta.title).toBe('Rotate the schedule');
  });

  it.each([
    ['bad indentation', 'title: x\n  summary: y\nowner: z', 2],
    ['an unclosed quote', 'title: "x\nsummary: y\nowner: z', 2],
    ['tab indentation', 'title: x\nprerequisites:\n\t- tool: kubectl\nowner: z', 4],
  ])('F3: invalid YAML (%s) gives YAML\'s own position mapped to the file', (_, yaml, line) => {
    const parsed = parse(`---\n${yaml}\n---\n\nBody.\n`);
    const d = parsed.findings[0]!;
    expect(d.ruleId).toBe('schema');
    expect(d.message).toMatch(/^invalid YAML in frontmatter/);
    expect(d.line).toBe(line);
    expect(d.fix).toBeTruthy();
    // A broken YAML block does not add "missing title" noise on top.
    expect(parsed.findings.some((other) => other.message.includes('missing required field'))).toBe(false);
  });

  it('F4: a missing required field and an empty one are named', () => {
    const parsed = parse(playbookText('title: ""\nsummary: Hand over.'));
    expect(parsed.findings.map((d) => d.message)).toEqual([
      '`title` must not be empty: write a title',
      'missing required field `owner`',
    ]);
    expect(where(parsed.findings)).toEqual(['2:8 schema', '2:1 schema']);
  });

  it.each([
    ['prerequisite', 'prerequisites'],
    ['owners', 'owner'],
    ['last_review', 'last_reviewed'],
  ])('F5: unknown key `%s` gets "did you mean `%s`?"', (key, suggestion) => {
    const parsed = parse(playbookText(`${MINIMAL}\n${key}: []`));
    const d = only(parsed.findings);
    expect(d.message).toBe(`unknown key \`${key}\`; did you mean \`${suggestion}\`?`);
    expect([d.line, d.column]).toEqual([5, 1]);
  });

  it('F5: unknown keys inside entries are found with the keys that entry accepts', () => {
    const parsed = parse(playbookText(`${MINIMAL}\nprerequisites:\n  - tool: kubectl\n    instal: https://x.example`));
    const d = only(parsed.findings);
    expect(d.message).toBe('unknown key `instal` in `prerequisites[0]`; did you mean `install`?');
    expect([d.line, d.column]).toEqual([7, 5]);
  });

  it.each([
    ['tags: ops', '`tags` expected a list of tags', 5],
    ['prerequisites: kubectl', '`prerequisites` expected a list of prerequisites', 5],
    ['shadowing: {}', '`shadowing` expected a list of shadowing sessions', 5],
  ])('F6: wrong type `%s` says expected and actual', (line, message, lineNumber) => {
    const d = only(parse(playbookText(`${MINIMAL}\n${line}`)).findings);
    expect(d.message).toContain(message);
    expect(d.message).toMatch(/got (string|a mapping)/);
    expect(d.line).toBe(lineNumber);
  });

  it('F7: YAML 1.1 surprises are not converted silently', () => {
    const text = playbookText('title: 1.10\nsummary: Hand over.\nowner: on\nstatus: no\nlast_reviewed: 2026-13-45');
    const parsed = parse(text);
    expect(parsed.meta.owner).toBe('on');
    expect(parsed.findings.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:8 `title` expected a title as text, got number `1.10`',
      '5:9 `status` expected one of draft, active, deprecated, got string `no`',
      '6:16 `last_reviewed` is not a real calendar date',
    ]);
    expect(parsed.findings[0]!.fix).toContain('"1.10"');
  });

  it('F8: a prerequisite with two kind keys or none says which keys were found', () => {
    const parsed = parse(playbookText(`${MINIMAL}\nprerequisites:\n  - tool: kubectl\n    playbook: access/vpn\n  - install: https://x.example`));
    expect(parsed.findings.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '6:5 `prerequisites[0]` has 2 kind keys (`playbook`, `tool`): split it into one entry per kind',
      '8:5 `prerequisites[1]` has no kind key: use exactly one of `playbook`, `tool`, `access`, `skill`',
    ]);
  });

  it('F9: duplicate keys name both positions', () => {
    const d = only(parse(playbookText(`${MINIMAL}\nowner: sam`)).findings);
    expect(d.message).toBe('duplicate key `owner` on line 5: it is already set on line 4, column 1');
    expect([d.line, d.column]).toEqual([5, 1]);
    expect(d.data).toEqual({ firstLine: 4, firstColumn: 1 });
  });

  it.each(['---js', '---javascript', '---JavaScript', '--- js', '---coffee'])('F10: `%s` frontmatter is never evaluated and is an error', (fence) => {
    const marker = `__playbook_f10_${Math.random().toString(36).slice(2)}`;
    const text = `${fence}\n{ title: (globalThis.${marker} = 'ran', 'x') }\n---\n\n## Steps\n\n1. Do it.\n`;
    const parsed = parse(text);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    const d = only(parsed.findings);
    expect(d.message).toContain('is not supported and was not read');
    expect([d.line, d.column]).toEqual([1, 1]);
    expect(parsed.steps).toHaveLength(1);
  });

  it('F11: an alias expansion bomb is bounded and an error', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    const d = only(parse(playbookText(`${MINIMAL}\n${levels.join('\n')}`)).findings);
    expect(d.message).toContain('could not be expanded');
    expect(d.fix).toContain('aliases');
  });

  it('F12: a 5 MB frontmatter block is refused with a clear error', () => {
    const big = `${MINIMAL}\nsummary_long: "${'x'.repeat(5 * 1024 * 1024)}"`;
    const parsed = parsePlaybook('content/team/example.md', playbookText(big), { path: 'team/example.md' });
    expect(where(parsed.findings)).toEqual(['1:1 parse-limit']);
  });

  it('F12: a 300 KB frontmatter block (under the file limit) is refused by the frontmatter limit', () => {
    const d = only(parse(playbookText(`${MINIMAL}\nnote: "${'x'.repeat(300 * 1024)}"`)).findings);
    expect(d.message).toMatch(/frontmatter is \d+ KB; the limit is 256 KB/);
  });

  it('F13: a documented gap with no step names the gap line', () => {
    const text = playbookText(`${MINIMAL}\nshadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    gaps:\n      - id: export-first\n        found: Exported first.\n        status: documented`);
    const d = only(parse(text).findings);
    expect(d.message).toContain('`shadowing[0].gaps[0].status` is `documented` but names no `step`');
    expect(d.line).toBe(12);
  });

  it('F14: duplicate gap ids name both positions', () => {
    const gaps = '    gaps:\n      - id: same\n        found: A.\n        status: open\n      - id: same\n        found: B.\n        status: open';
    const d = only(parse(playbookText(`${MINIMAL}\nshadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n${gaps}`)).findings);
    expect(d.message).toBe('duplicate gap id `same`: already used on line 10, column 13');
    expect([d.line, d.column]).toEqual([13, 13]);
  });

  it('F15: `#` in an unquoted value warns that the rest was dropped and suggests quoting', () => {
    const parsed = parse(playbookText(`${MINIMAL}\nshadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    observed:\n      - Posted in #ops channel`));
    const d = only(parsed.findings, 'hash-comment');
    expect(d.message).toBe('`#ops channel` is read as a YAML comment and dropped from `Posted in`');
    expect(d.fix).toBe('quote the whole value: "Posted in #ops channel"');
    expect([d.line, d.column]).toEqual([10, 19]);
    // An ordinary comment after a value is left alone.
    expect(parse(playbookText(`${MINIMAL}  # who to ask`)).findings).toEqual([]);
  });
});

describe('BAD-INPUTS file and encoding rows', () => {
  const good = new TextEncoder().encode(playbookText(MINIMAL));

  it('E3: invalid UTF-8 is an error at the bad byte, not mojibake', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\ntitle: caf'), 0xe9, ...new TextEncoder().encode('\n---\n')]);
    const parsed = parsePlaybookBytes('content/team/example.md', bytes, { path: 'team/example.md' });
    const d = only(parsed.findings, 'encoding');
    expect(d.message).toContain('not valid UTF-8 (byte 0xe9');
    expect([d.line, d.column]).toEqual([2, 11]);
    expect(parsed.text).toBe('');
  });

  it('E3: a UTF-16 file and a binary file are errors', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(good).flatMap((b) => [b, 0])]);
    expect(only(parsePlaybookBytes('content/team/example.md', utf16).findings, 'encoding').message).toContain('UTF-16');
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(only(parsePlaybookBytes('content/team/example.md', binary).findings, 'encoding').message).toContain('binary');
  });

  it('E2: a UTF-8 BOM is accepted from bytes too', () => {
    const parsed = parsePlaybookBytes('content/team/example.md', new Uint8Array([0xef, 0xbb, 0xbf, ...good]));
    expect(parsed.findings).toEqual([]);
    expect(parsed.meta.title).toBe('Rotate the schedule');
  });

  it('the other playbooks of a corpus still load when one is broken', () => {
    const broken = parsePlaybookBytes('content/a/broken.md', new Uint8Array([0xff, 0xfe, 0x41, 0]), { path: 'a/broken.md' });
    const fine = parsePlaybook('content/a/fine.md', playbookText(MINIMAL), { path: 'a/fine.md' });
    const corpus = buildCorpus([broken, fine]);
    expect(corpus.playbooks.map((p) => [p.slug, p.findings.length])).toEqual([
      ['a/broken', 1],
      ['a/fine', 0],
    ]);
  });
});

describe('BAD-INPUTS Markdown rows the parser guards (M4, E4)', () => {
  it('M4: deeply nested lists (200 levels; 10,000 in the bench) cost one diagnostic, not a stack overflow', () => {
    const body = Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- x`).join('\n');
    const parsed = parse(playbookText(MINIMAL, body));
    expect(where(parsed.findings)).toEqual(['71:1 parse-limit']);
    expect(parsed.findings[0]!.fix).toContain('flatten');
  });

  it('a paragraph of 40,000 `*a` (micromark: 52 s) is refused at once', () => {
    const parsed = parse(playbookText(MINIMAL, `Intro.\n\n${'*a'.repeat(40_000)}\n`));
    expect(where(parsed.findings)).toEqual(['9:1 parse-limit']);
  });

  it('E4: a file over 512 KB is one diagnostic', () => {
    const parsed = parse(playbookText(MINIMAL, 'x'.repeat(600 * 1024)));
    expect(where(parsed.findings)).toEqual(['1:1 parse-limit']);
    expect(parsed.findings[0]!.message).toMatch(/^file is \d+ KB; playbooks over 512 KB are not parsed$/);
  });
});

describe('BAD-INPUTS M3: an unclosed code fence', () => {
  it('is reported on the opening fence with how much it swallowed', () => {
    const parsed = parse(playbookText(MINIMAL, '## Steps\n\n1. Run:\n\n```sh\nkubectl get pods\n\n2. Next step.\n\n## Verify\n\nok\n'));
    const d = only(parsed.findings, 'unclosed-code-fence');
    expect([d.line, d.column]).toEqual([11, 1]);
    expect(d.message).toContain('is never closed: the 7 line(s) after it are shown as code');
  });
  it('is quiet for closed fences, longer closing fences and indented blocks', () => {
    expect(parse(playbookText(MINIMAL, '## Steps\n\n1. Run:\n\n   ```sh\n   ls\n   ````\n')).findings).toEqual([]);
    expect(parse(playbookText(MINIMAL, 'Code:\n\n    indented code\n')).findings).toEqual([]);
  });
});
