/**
 * fast-check generators of hostile-but-plausible playbooks: frontmatter built
 * from real and misspelt keys with values that trip YAML (quotes, `#`, `:`,
 * tabs, anchors, 1.1 booleans), bodies built from Markdown fragments that
 * trip parsers (unclosed fences, deep lists, raw HTML, links, emphasis runs).
 */
import fc from 'fast-check';

const keys = ['title', 'summary', 'owner', 'tags', 'status', 'last_reviewed', 'prerequisites', 'shadowing', 'owners', 'prerequisite', 'step', 'mode'];

const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('no', 'on', 'yes', '1.10', '2026-13-45', '2026-10-01', '~', 'null', '"unclosed', "'x'", '#ops', 'a # b', 'x: y', '*alias', '&anchor v', '|', '>', '[a, b', '{a: 1}', '- x', '\t', '<img src=x onerror=alert(1)>'),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
);

const listOf = (inner: fc.Arbitrary<string>) => fc.array(inner, { maxLength: 4 }).map((items) => items.map((item) => `\n  - ${item}`).join(''));

const prerequisite = fc.oneof(
  scalar.map((v) => `playbook: ${v}`),
  scalar.map((v) => `tool: ${v}\n    install: ${v}`),
  scalar.map((v) => `access: ${v}`),
  scalar.map((v) => `skill: ${v}\n    learn: ${v}`),
  scalar.map((v) => `tool: ${v}\n    playbook: ${v}`),
  scalar,
);

const session = fc
  .record({ date: scalar, lead: scalar, shadow: scalar, mode: fc.constantFrom('shadow', 'reverse', 'x'), observed: listOf(scalar), gap: scalar })
  .map(
    (s) =>
      `date: ${s.date}\n    lead: ${s.lead}\n    shadow: ${s.shadow}\n    mode: ${s.mode}\n    observed:${s.observed.replaceAll('\n', '\n    ')}\n    gaps:\n      - id: g\n        found: ${s.gap}\n        status: documented\n        step: ${s.gap}`,
  );

const frontmatterLine = fc.oneof(
  fc.tuple(fc.constantFrom(...keys), scalar).map(([key, value]) => `${key}: ${value}`),
  listOf(prerequisite).map((items) => `prerequisites:${items}`),
  listOf(session).map((items) => `shadowing:${items}`),
  listOf(scalar).map((items) => `tags:${items}`),
  scalar,
);

/** A frontmatter block: usually well-fenced, sometimes not. */
export const frontmatter = fc.tuple(fc.array(frontmatterLine, { maxLength: 8 }), fc.constantFrom('---', '---', '---', '---js', '--- ', '')).map(([lines, fence]) => (fence === '' ? '' : `${fence}\n${lines.join('\n')}\n---\n`));

const inline = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('**bold', '*a*a*', '`code`', '[link](../x.md#a)', '[bad](javascript:alert(1))', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{#step-id}', 'ask Alex', 'TODO', '![i](data:x)', '&amp;', '\\', '<!-- playbook-disable-next-line vague-step -->', '{% include x %}', '{{< x >}}'),
);

const block = fc.oneof(
  inline,
  fc.constantFrom('## Steps', '## Verify', '# Title', '### Sub', '```bash', '```', '~~~', '> quote', '| a | b |\n|---|---|\n| 1 | 2 |', '<div>', '</div>', '---', '***', '!!! note', ':::tip', ':::'),
  fc.tuple(fc.integer({ min: 1, max: 12 }), inline).map(([n, text]) => `${n}. ${text}`),
  fc.tuple(fc.integer({ min: 0, max: 6 }), inline).map(([depth, text]) => `${'   '.repeat(depth)}1. ${text}`),
  fc.tuple(fc.integer({ min: 0, max: 6 }), inline).map(([depth, text]) => `${'  '.repeat(depth)}- ${text}`),
  inline.map((text) => `   \`\`\`sh\n   sudo -u x kubectl ${text} | jq . && gh \\\n   x\n   \`\`\``),
);

export const body = fc.array(block, { maxLength: 25 }).map((blocks) => blocks.join(fc.sample(fc.constantFrom('\n', '\n\n', '\r\n', '\r'), 1)[0]));

/** A whole document: frontmatter, body, sometimes a BOM or other line endings. */
export const document = fc.tuple(fc.constantFrom('', '\uFEFF', '\n'), frontmatter, body, fc.constantFrom('\n', '\r\n', '\r')).map(([prefix, front, text, eol]) => `${prefix}${front}${text}`.replaceAll('\n', eol));
