import { describe, expect, it } from 'vitest';
import { allSteps, findStep } from '../../src/core/model.ts';
import { parsePlaybook } from '../../src/core/parse.ts';
import { MINIMAL, parse, playbookText, where } from './helpers.ts';

const FULL = `---
title: Rotate the on-call schedule
summary: Hand the pager to the next engineer.
owner: alex
tags: [on-call]
prerequisites:
  - playbook: access/request-vpn
  - tool: kubectl
    install: https://kubernetes.io/docs/tasks/tools/
shadowing:
  - date: 2026-10-02
    lead: alex
    shadow: priya
    observed:
      - Opened the Platform schedule
      - "Posted in #ops"
    gaps:
      - id: export-first
        found: Exported the schedule first.
        status: documented
        step: 2.1
---

# Rotate the schedule

Read [the VPN playbook](../access/request-vpn.md#steps) first.

## Steps

1. Open the schedule.
2. Export it {#export}
   1. Click **Export**, then \`csv\`.
   2. Save it:

      \`\`\`bash
      kubectl get cm schedule -o yaml > schedule.yaml
      \`\`\`
3. Add the override.

## Verify

The next engineer shows as on call.
`;

describe('parsePlaybook', () => {
  const playbook = parsePlaybook('content/on-call/rotate.md', FULL, { path: 'on-call/rotate.md' });

  it('validates the frontmatter and keeps its values', () => {
    expect(playbook.findings).toEqual([]);
    expect(playbook.valid).toBe(true);
    expect(playbook.slug).toBe('on-call/rotate');
    expect(playbook.meta.title).toBe('Rotate the on-call schedule');
    expect(playbook.tags).toEqual(['on-call']);
    expect(playbook.status).toBe('active');
  });

  it('keeps a position for every frontmatter key, prerequisite, observed entry and gap', () => {
    expect(playbook.frontmatter?.keys['owner']?.start).toEqual({ line: 4, column: 1 });
    expect(playbook.prerequisites.map((p) => [p.kind, p.value, p.place.start.line, p.place.start.column])).toEqual([
      ['playbook', 'access/request-vpn', 7, 15],
      ['tool', 'kubectl', 8, 11],
    ]);
    expect(playbook.prerequisites[1]?.howPlace?.start.line).toBe(9);
    const session = playbook.shadowing[0]!;
    expect(session.place.start.line).toBe(11);
    expect(session.doer).toBe('alex');
    expect(session.observed.map((o) => [o.text, o.place.start.line, o.place.start.column])).toEqual([
      ['Opened the Platform schedule', 15, 9],
      ['Posted in #ops', 16, 9],
    ]);
    const gap = session.gaps[0]!;
    expect(gap.id).toBe('export-first');
    expect(gap.place.start.line).toBe(18);
    // `2.1` stays the text the author wrote, not the number 2.1 (and `2.10` would not become 2.1).
    expect(gap.step).toBe('2.1');
    expect(gap.stepPlace?.start).toEqual({ line: 21, column: 15 });
  });

  it('numbers steps and sub-steps, with explicit ids, code blocks and commands', () => {
    expect(playbook.steps.map((s) => s.number)).toEqual(['1', '2', '3']);
    expect(allSteps(playbook.steps).map((s) => s.number)).toEqual(['1', '2', '2.1', '2.2', '3']);
    const two = playbook.steps[1]!;
    expect(two.id).toBe('export');
    expect(two.anchor).toBe('export');
    expect(two.title).toBe('Export it');
    expect(two.place.start).toEqual({ line: 31, column: 1 });
    const save = findStep(playbook.steps, '2.2')!;
    expect(save.anchor).toBe('step-2-2');
    expect(save.code[0]?.lang).toBe('bash');
    expect(save.commands.map((c) => [c.program, c.place.start.line, c.place.start.column])).toEqual([['kubectl', 36, 7]]);
    expect(findStep(playbook.steps, '2.1')?.inlineCode.map((c) => [c.value, c.place.start.line, c.place.start.column])).toEqual([['csv', 32, 30]]);
    expect(findStep(playbook.steps, 'export')).toBe(two);
  });

  it('keeps the Verify section, headings with ids and links, all positioned in file lines', () => {
    expect(playbook.verify?.text).toBe('The next engineer shows as on call.');
    expect(playbook.verify?.place.start.line).toBe(40);
    expect(playbook.headings.map((h) => [h.depth, h.id, h.place.start.line])).toEqual([
      [1, 'rotate-the-schedule', 24],
      [2, 'steps', 28],
      [2, 'verify', 40],
    ]);
    expect(playbook.links).toEqual([
      { url: '../access/request-vpn.md#steps', text: 'the VPN playbook', kind: 'link', place: { start: { line: 26, column: 6 }, end: { line: 26, column: 56 } } },
    ]);
  });

  it('counts body lines from the top of the file, frontmatter included', () => {
    const text = playbookText(MINIMAL, '## Steps\n\n1. First.\n2. Second.\n');
    const parsed = parse(text);
    // frontmatter is lines 1-5, a blank line 6, "## Steps" on line 7.
    expect(parsed.stepsHeading?.place.start.line).toBe(7);
    expect(parsed.steps.map((s) => s.place.start.line)).toEqual([9, 10]);
    expect(text.split('\n')[parsed.steps[1]!.place.start.line - 1]).toBe('2. Second.');
  });

  it('describes the shape of a Steps section that holds no ordered list', () => {
    expect(parse(playbookText(MINIMAL, '## Steps\n\n- a\n- b\n')).stepsShape).toBe('bullet-list');
    expect(parse(playbookText(MINIMAL, '## Steps\n\n### One\n\nDo it.\n')).stepsShape).toBe('headings');
    expect(parse(playbookText(MINIMAL, '## Steps\n\n')).stepsShape).toBe('empty');
    expect(parse(playbookText(MINIMAL, 'Just prose.\n')).stepsShape).toBe('missing');
    const twice = parse(playbookText(MINIMAL, '## Steps\n\n1. a\n\n## Steps\n\n1. b\n'));
    expect(twice.extraStepsHeadings.map((h) => h.place.start.line)).toEqual([11]);
  });

  it('continues numbering across an ordered list interrupted by prose', () => {
    const parsed = parse(playbookText(MINIMAL, '## Steps\n\n1. a\n2. b\n\nA note.\n\n3. c\n'));
    expect(parsed.steps.map((s) => s.number)).toEqual(['1', '2', '3']);
  });

  it('finds the commands of shell blocks: prompts, pipes, continuations, sudo and heredocs', () => {
    const body = [
      '## Steps',
      '',
      '1. Run:',
      '',
      '   ```console',
      '   $ psql -h db -c "select 1" | jq .',
      '   output line',
      '   ```',
      '2. Then:',
      '',
      '   ```sh',
      '   # a comment',
      '   FOO=1 sudo terraform apply \\',
      '     -auto-approve && gh pr create',
      '   cat <<EOF > x',
      '   notaprogram here',
      '   EOF',
      '   ```',
      '3. SQL is not shell:',
      '',
      '   ```sql',
      '   select * from invoices;',
      '   ```',
    ].join('\n');
    const parsed = parse(playbookText(MINIMAL, body));
    expect(allSteps(parsed.steps).map((s) => s.commands.map((c) => c.program))).toEqual([['psql', 'jq'], ['terraform', 'gh', 'cat'], []]);
    expect(parsed.steps[1]!.commands[0]!.place.start).toEqual({ line: 19, column: 15 });
  });
});

describe('parsePlaybook on line endings and encodings (BAD-INPUTS E1, E2)', () => {
  const lf = playbookText(MINIMAL, '## Steps\n\n1. First.\n2. Second.\n');

  it.each([
    ['CRLF', lf.replaceAll('\n', '\r\n')],
    ['CR only', lf.replaceAll('\n', '\r')],
    ['a UTF-8 BOM', `\uFEFF${lf}`],
  ])('keeps positions right with %s', (_, text) => {
    const parsed = parse(text);
    expect(parsed.findings).toEqual([]);
    expect(parsed.frontmatter?.keys['owner']?.start).toEqual({ line: 4, column: 1 });
    expect(parsed.steps.map((s) => s.place.start)).toEqual([
      { line: 9, column: 1 },
      { line: 10, column: 1 },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['a whitespace-only file', '  \n\n\t\n'],
  ])('reports %s as one schema diagnostic at 1:1', (_, text) => {
    const parsed = parse(text);
    expect(where(parsed.findings)).toEqual(['1:1 schema']);
    expect(parsed.findings[0]!.message).toContain('no frontmatter');
  });
});

describe('commands of a shell block', () => {
  it('skips the value of a prefix option: `sudo -u postgres psql` runs psql', async () => {
    const { commandsInShellBlock } = await import('../../src/core/commands.ts');
    expect(commandsInShellBlock('sudo -u postgres psql -c "select 1"\nenv -i FOO=1 make build', 'bash').map((c) => c.program)).toEqual(['psql', 'make']);
  });
});

describe('syntax of other generators (BAD-INPUTS M7, M8)', () => {
  it('records Liquid, Hugo shortcodes, ERB, MDX components and unknown admonitions outside code, with places', () => {
    const body = '{% include toc.html %}\n\nHello {{< ref "x" >}}.\n\n<%= user.name %>\n\n<Callout type="x" />\n\n!!! frob\n    Hi\n\n:::wibble\nHey\n:::\n\n`{{ in code }}`\n\n```\n{% raw %}\n```\n';
    const parsed = parse(playbookText(MINIMAL, body));
    expect(parsed.foreign.map((f) => [f.kind, f.sample, f.place.start.line])).toEqual([
      ['liquid', '{% include toc.html %}', 7],
      ['hugo-shortcode', '{{< ref "x" >}}', 9],
      ['erb', '<%= user.name %>', 11],
      ['mdx-component', '<Callout>', 13],
      ['admonition', '!!! frob', 15],
      ['admonition', ':::wibble', 18],
    ]);
  });
});
