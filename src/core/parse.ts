/**
 * `parsePlaybook`: text → `Playbook`, the one parse shared by the checker and
 * the site. Problems are returned as positioned findings, never thrown.
 */
import type { Place } from './findings.ts';
import { findingAt } from './findings.ts';
import { bodyPartsOf, preorder, type BodyParts } from './body.ts';
import { legacyUrlsOfText, parseFrontmatterYaml, splitFrontmatter, suggestKey, type YamlPath } from './frontmatter.ts';
import { emphasisFloodLine, MAX_HTML_NESTING, parseMarkdown, rawHtmlDepth, tooDeeplyNestedLine } from './markdown.ts';
import type { Html, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { FrontmatterInfo, Gap, ObservedAction, Playbook, Prerequisite, ShadowingSession } from './model.ts';
import { frontmatterSchema, knownKeysAt, prerequisiteSchema, PREREQUISITE_HOW_KEY, PREREQUISITE_KINDS, shadowingSessionSchema, gapSchema } from './schema.ts';
import { markCallouts, readDialectSource, unshiftPositions } from './callouts.ts';
import { DEFAULT_DIALECT, reviewIntervalDays, type Dialect } from './dialect.ts';
import { reservedRouteOf } from './reserved.ts';
import { isFolderPage, slugOf, withoutExtension } from './slug.ts';
import { maskSecrets } from './secrets.ts';
import { decodePlaybookBytes, LineIndex, normaliseText } from './source.ts';

/**
 * Larger files are refused: nobody follows a 512 KB procedure, and the Markdown
 * parser's time and memory grow badly on big inputs (100,000 list items: 11 s,
 * 1.7 GB). The largest page of the real corpora we test on is 47 KB.
 */
export const MAX_FILE_BYTES = 512 * 1024;

const REQUIRED_FIELDS = ['title', 'summary', 'owner'] as const;

/** The owner `playbook import` writes when it finds nobody: a warning, not a person. */
export const UNASSIGNED = 'unassigned';

export interface ParseOptions {
  /** Path relative to the content folder (for the slug); defaults to `file`. */
  path?: string;
  /** How other generators write (frontmatter aliases, step headings); default: DEFAULT_DIALECT. */
  dialect?: Dialect;
  /** File extensions that are playbooks (for the slug), default DEFAULT_EXTENSIONS. */
  extensions?: readonly string[];
}

/** A parsed file: the model, and the body's syntax tree for the renderer (positions in file coordinates). */
export interface ParsedDocument {
  playbook: Playbook;
  tree: Root;
}

const EMPTY_TREE = (): Root => ({ type: 'root', children: [] });

/** Parse a playbook from its bytes: strict UTF-8 first, so a bad encoding is a finding, not mojibake. */
export function parseDocumentBytes(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedDocument {
  const decoded = decodePlaybookBytes(bytes);
  if (!decoded.ok) {
    const playbook = emptyPlaybook(file, options.path ?? file, '');
    playbook.findings.push(findingAt(file, decoded.place, 'encoding', decoded.message, { fix: decoded.fix }));
    return { playbook, tree: EMPTY_TREE() };
  }
  return parseDocument(file, decoded.text, options);
}

/** The model of a playbook given as bytes. */
export function parsePlaybookBytes(file: string, bytes: Uint8Array, options: ParseOptions = {}): Playbook {
  return parseDocumentBytes(file, bytes, options).playbook;
}

/** The model of a playbook given as text. */
export function parsePlaybook(file: string, text: string, options: ParseOptions = {}): Playbook {
  return parseDocument(file, text, options).playbook;
}

/** Parse a playbook from text (BOM and CRLF/CR line endings are handled here too): the model and the body's tree. */
export function parseDocument(file: string, rawText: string, options: ParseOptions = {}): ParsedDocument {
  // Secrets are masked first, in place and with the same length: positions stay right and nothing
  // downstream (model, reporters, site) ever holds one.
  const { text, secrets } = maskSecrets(normaliseText(rawText));
  const path = options.path ?? file;
  const dialect = options.dialect ?? DEFAULT_DIALECT;
  const playbook = emptyPlaybook(file, path, text, options.extensions);
  const findings = playbook.findings;
  const index = new LineIndex(text);
  const reserved = reservedRouteOf(playbook.slug);
  if (reserved) {
    findings.push(
      findingAt(file, { start: { line: 1, column: 1 } }, 'reserved-slug', `\`${file}\` would be served at ${playbookUrlPath(playbook.slug)}, but ${reserved}: the page would replace the site's own or vanish`, {
        fix: `rename the ${playbook.slug.includes('/') ? 'folder' : 'file'} (e.g. \`${playbook.slug.split('/')[0]}-playbooks/\` or \`team-${playbook.slug.split('/')[0]}.md\`)`,
        data: { slug: playbook.slug },
      }),
    );
  }
  for (const secret of secrets) {
    findings.push(
      findingAt(file, index.placeOf(secret.start, secret.end), 'no-secrets', `\`${secret.masked.split('\n')[0]!.slice(0, 24)}\` looks like a ${secret.label} pasted into the playbook: everyone who can read the site could use it`, {
        fix: 'remove it, rotate the credential, and write a placeholder such as `<YOUR_TOKEN>` instead',
        data: { kind: secret.id },
      }),
    );
  }

  if (text.length > MAX_FILE_BYTES) {
    findings.push(
      findingAt(file, { start: { line: 1, column: 1 } }, 'parse-limit', `file is ${Math.round(text.length / 1024)} KB; playbooks over ${MAX_FILE_BYTES / 1024} KB are not parsed`, {
        fix: 'split the playbook into smaller ones linked as prerequisites',
      }),
    );
    return { playbook, tree: EMPTY_TREE() };
  }

  // Frontmatter
  const split = splitFrontmatter(text);
  let data: unknown;
  let bodyStart = 0;
  let placeOf: (path: YamlPath, which?: 'key' | 'value') => Place = () => ({ start: { line: 1, column: 1 } });
  if (split.kind === 'language') {
    findings.push(
      findingAt(file, index.placeOf(split.open), 'schema', `frontmatter in \`${split.language}\` is not supported and was not read: playbooks use YAML frontmatter`, {
        fix: 'start the file with a plain `---` line and write the frontmatter in YAML',
      }),
    );
    bodyStart = skipLanguageBlock(text, split.open);
  } else if (split.kind === 'unclosed') {
    findings.push(
      findingAt(file, index.placeOf(split.open), 'schema', `frontmatter opened with \`---\` on line ${index.pointAt(split.open).line} is never closed`, {
        fix: 'add a line with `---` after the last frontmatter field',
      }),
    );
    playbook.frontmatter = { openLine: index.pointAt(split.open).line, keys: {} };
    return { playbook, tree: EMPTY_TREE() };
  } else if (split.kind === 'yaml') {
    if (split.leadingBlankLines > 0) {
      findings.push(
        findingAt(file, { start: { line: 1, column: 1 } }, 'schema', `frontmatter starts on line ${split.leadingBlankLines + 1}, after ${split.leadingBlankLines} blank line(s): other tools read it as body text`, {
          fix: 'delete the blank lines so that `---` is the first line of the file',
        }),
      );
    }
    const parsed = parseFrontmatterYaml(file, text, index, split.yamlStart, split.yamlEnd);
    findings.push(...parsed.findings);
    data = parsed.data;
    placeOf = parsed.placeOf;
    bodyStart = split.bodyStart;
    const info: FrontmatterInfo = { openLine: index.pointAt(split.open).line, closeLine: index.pointAt(split.yamlEnd).line, keys: {} };
    if (isRecord(data)) for (const key of Object.keys(data)) info.keys[key] = placeOf([key], 'key');
    playbook.frontmatter = info;
    if (parsed.data === undefined && parsed.findings.length > 0) {
      // The YAML itself is broken: its findings say so; do not add "missing title" on top.
      return { playbook, tree: parseBody(playbook, text, index, bodyStart, dialect) };
    }
  }

  playbook.legacyUrls = legacyUrlsOfText(text);
  // Other generators' keys: aliases read as this format's keys, the rest kept and named once (unknown-key).
  if (isRecord(data)) ({ data, placeOf } = readDialect(playbook, data, placeOf, dialect));
  // A `---js` block already has its diagnostic; "no frontmatter" on top would only add noise.
  if (split.kind !== 'language') validateFrontmatter(playbook, split.kind === 'yaml' ? (data ?? {}) : undefined, placeOf);
  buildFrontmatterModel(playbook, data, placeOf);
  return { playbook, tree: parseBody(playbook, text, index, bodyStart, dialect) };
}

function emptyPlaybook(file: string, path: string, text: string, extensions?: readonly string[]): Playbook {
  return {
    file,
    path,
    slug: slugOf(path, extensions),
    text,
    valid: false,
    meta: {},
    displayTitle: fileTitle(path, extensions),
    status: 'active',
    kind: 'procedure',
    legacyUrls: [],
    tags: [],
    prerequisites: [],
    shadowing: [],
    steps: [],
    procedures: [],
    stepsShape: 'missing',
    extraStepsHeadings: [],
    headings: [],
    links: [],
    html: [],
    foreign: [],
    footnotes: [],
    bodyLine: 1,
    findings: [],
  };
}

function playbookUrlPath(slug: string): string {
  return `/${slug}/`;
}

/** Text that is (or holds) a template tag of another generator: ERB, Liquid, Hugo, Jinja. */
export function isTemplateText(text: string): boolean {
  return /<%|%>|\{\{|\}\}|\{%|%\}/.test(text);
}

/** A title from the file's name, made readable: `rotate_pager-keys.md` → "Rotate pager keys" (a folder page takes its folder's name). */
export function fileTitle(path: string, extensions?: readonly string[]): string {
  const segments = withoutExtension(path, extensions).split('/');
  const name = (isFolderPage(path, extensions) ? segments.at(-2) : segments.at(-1)) ?? path;
  const words = name.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** After a `---js` block, the body starts past its closing `---`, if any. */
function skipLanguageBlock(text: string, open: number): number {
  const close = /\n---[ \t]*(\n|$)/g;
  close.lastIndex = open + 3;
  const match = close.exec(text);
  return match ? match.index + match[0].length : text.length;
}

/** Render a zod path the way authors write it: `shadowing[0].gaps[1].status`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} \`${String(value)}\``;
}

/**
 * Read other generators' frontmatter: an alias (`description`, `last_reviewed_on`, `keywords`, …) is read
 * as this format's key when that key is not written too; top-level keys this format does not know and that
 * are not a likely typo of one (`weight`, `layout`, `parent`) are kept in the file, ignored here, and named in
 * one `unknown-key` finding. Places of aliased values stay the places of the keys as written.
 */
function readDialect(playbook: Playbook, data: Record<string, unknown>, placeOf: (path: YamlPath, which?: 'key' | 'value') => Place, dialect: Dialect) {
  const known = knownKeysAt([]);
  const read: Record<string, unknown> = {};
  const writtenAs = new Map<string, string>();
  const foreign: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const canonical = dialect.aliases[key];
    if (known.includes(key)) read[key] = value;
    else if (canonical && known.includes(canonical) && !(canonical in data) && !writtenAs.has(canonical)) {
      read[canonical] = aliasValue(canonical, value);
      writtenAs.set(canonical, key);
    } else if (suggestKey(key, known) || canonical) read[key] = value; // a likely typo (or a second alias): the schema says which key was meant
    else foreign.push(key);
  }
  if (foreign.length > 0) {
    playbook.findings.push(
      findingAt(playbook.file, placeOf([foreign[0]!], 'key'), 'unknown-key', `${foreign.length === 1 ? 'key' : 'keys'} ${foreign.map((k) => `\`${k}\``).join(', ')} ${foreign.length === 1 ? 'is' : 'are'} not part of the playbook format: kept in the file, ignored by the checker and the site`, {
        fix: 'leave them if another tool reads them; otherwise remove them, or map them in `aliases` of playbook.config.json',
        data: { keys: foreign },
      }),
    );
  }
  const mappedPlaceOf = (path: YamlPath, which?: 'key' | 'value'): Place => {
    const alias = typeof path[0] === 'string' ? writtenAs.get(path[0]) : undefined;
    return placeOf(alias ? [alias, ...path.slice(1)] : path, which);
  };
  return { data: read, placeOf: mappedPlaceOf };
}

/** An alias's value in this format's shape: `keywords: a, b` is the tag list `[a, b]`; a multi-line description one line. */
function aliasValue(canonical: string, value: unknown): unknown {
  if (canonical === 'tags' && typeof value === 'string') return value.split(/[,;]/).map((tag) => tag.trim()).filter(Boolean);
  if (canonical === 'summary' && typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (canonical === 'last_reviewed' && value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/** Validate against the schema; every issue becomes a diagnostic at its place. */
function validateFrontmatter(playbook: Playbook, data: unknown, placeOf: (path: YamlPath, which?: 'key' | 'value') => Place): void {
  const { file, findings } = playbook;
  if (data === undefined) {
    findings.push(
      findingAt(file, { start: { line: 1, column: 1 } }, 'schema', `no frontmatter: a playbook starts with a YAML block giving ${REQUIRED_FIELDS.map((f) => `\`${f}\``).join(', ')}`, {
        fix: 'add `---`, then `title:`, `summary:` and `owner:` lines, then `---` at the top of the file (`playbook new` writes a template)',
        data: { missing: [...REQUIRED_FIELDS] },
      }),
    );
    return;
  }
  if (!isRecord(data)) {
    findings.push(
      findingAt(file, placeOf([]), 'schema', `frontmatter is ${describeValue(data)}, expected a mapping of fields (\`title: …\`)`, { fix: 'write the frontmatter as `key: value` lines' }),
    );
    return;
  }
  const result = frontmatterSchema.safeParse(data);
  if (result.success) {
    playbook.valid = true;
    return;
  }
  for (const issue of result.error.issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = suggestKey(key, knownKeysAt(path));
        const where = path.length > 0 ? ` in \`${formatPath(path)}\`` : '';
        findings.push(
          findingAt(file, placeOf([...path, key], 'key'), 'schema', `unknown key \`${key}\`${where}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`, {
            fix: suggestion ? `rename \`${key}\` to \`${suggestion}\`` : `remove \`${key}\`; known keys are ${knownKeysAt(path).map((k) => `\`${k}\``).join(', ')}`,
            ...(suggestion ? { data: { suggestion } } : {}),
          }),
        );
      }
      continue;
    }
    const actual = valueAt(data, path);
    const name = formatPath(path);
    if (actual === undefined && issue.code === 'invalid_type') {
      const parent = path.slice(0, -1);
      findings.push(
        findingAt(file, placeOf(parent, parent.length === 0 ? 'value' : 'value'), 'schema', `missing required field \`${name}\``, {
          fix: `add \`${String(path.at(-1))}:\` with ${issue.message.replace(/^expected /, '')}`,
          data: { missing: [name] },
        }),
      );
      continue;
    }
    const place = placeOf(path);
    const written = typeof actual === 'number' || typeof actual === 'boolean' ? sourceAt(playbook.text, place) : undefined;
    const got = written === undefined ? describeValue(actual) : `${typeof actual} \`${written}\``;
    const message = `\`${name || 'frontmatter'}\` ${issue.message}${issue.code === 'invalid_type' || issue.code === 'invalid_value' ? `, got ${got}` : ''}`;
    findings.push(findingAt(file, place, 'schema', message, { fix: fixFor(issue, name, written) }));
  }
}

/** The text of a single-line place, as written in the file. */
function sourceAt(text: string, place: Place): string | undefined {
  if (!place.end || place.end.line !== place.start.line) return undefined;
  const lineStart = new LineIndex(text).offsetOfLine(place.start.line);
  return text.slice(lineStart + place.start.column - 1, lineStart + place.end.column - 1);
}

function fixFor(issue: { code: string; message?: string; values?: readonly unknown[] }, name: string, written: string | undefined): string {
  if (written !== undefined) return `YAML reads \`${written}\` as a ${/^(true|false)$/i.test(written) ? 'boolean' : 'number'}: put it in quotes ("${written}") if it is text`;
  if (issue.code === 'invalid_value' && issue.values) return `set \`${name}\` to one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (issue.code === 'invalid_format' || /date/i.test(issue.message ?? '')) return `write \`${name}\` as a real date, YYYY-MM-DD`;
  if (issue.code === 'invalid_type') return `change \`${name}\` to the expected type`;
  return `correct \`${name}\` as the message says`;
}

/** Keep every frontmatter part that is valid on its own, with its place, so one bad entry does not hide the rest. */
function buildFrontmatterModel(playbook: Playbook, data: unknown, placeOf: (path: YamlPath, which?: 'key' | 'value') => Place): void {
  if (!isRecord(data)) return;
  const meta: Playbook['meta'] = {};
  for (const [key, schema] of Object.entries(frontmatterSchema.shape)) {
    if (key === 'prerequisites' || key === 'shadowing') continue;
    const result = schema.safeParse(data[key]);
    if (result.success && result.data !== undefined) (meta as Record<string, unknown>)[key] = result.data;
  }
  playbook.meta = meta;
  if (meta.owner === UNASSIGNED) {
    playbook.findings.push(
      findingAt(playbook.file, placeOf(['owner']), 'unassigned-owner', `\`owner: ${UNASSIGNED}\`: nobody answers questions about this playbook yet (import found no owner)`, {
        fix: 'write the handle of the person who runs this procedure today',
      }),
    );
  }
  if (meta.title) playbook.displayTitle = meta.title;
  playbook.status = meta.status ?? 'active';
  playbook.kind = meta.kind ?? 'procedure';
  const every = reviewIntervalDays(meta.review_every);
  if (every !== undefined) playbook.reviewEveryDays = every;
  playbook.tags = meta.tags ?? [];

  const prerequisites = Array.isArray(data['prerequisites']) ? data['prerequisites'] : [];
  prerequisites.forEach((raw, index) => {
    const parsed = prerequisiteSchema.safeParse(raw);
    if (!parsed.success) return;
    const kind = PREREQUISITE_KINDS.find((k) => parsed.data[k] !== undefined)!;
    const prerequisite: Prerequisite = { kind, value: parsed.data[kind]!, index, place: placeOf(['prerequisites', index, kind]) };
    const howKey = kind === 'playbook' ? undefined : PREREQUISITE_HOW_KEY[kind];
    const how = howKey ? parsed.data[howKey] : undefined;
    if (howKey && how) {
      prerequisite.how = how;
      prerequisite.howPlace = placeOf(['prerequisites', index, howKey]);
    }
    playbook.prerequisites.push(prerequisite);
  });

  const sessions = Array.isArray(data['shadowing']) ? data['shadowing'] : [];
  sessions.forEach((raw, index) => {
    const session = shadowingSessionOf(raw, index, placeOf);
    if (session) playbook.shadowing.push(session);
  });
  duplicateGapIds(playbook, sessions, placeOf);
}

function shadowingSessionOf(raw: unknown, index: number, placeOf: (path: YamlPath, which?: 'key' | 'value') => Place): ShadowingSession | undefined {
  if (!isRecord(raw)) return undefined;
  // Observed actions and gaps are kept even when a sibling field is wrong: they are the point of the session.
  const withoutLists = shadowingSessionSchema.safeParse({ ...raw, observed: undefined, gaps: undefined });
  if (!withoutLists.success) return undefined;
  const base = ['shadowing', index] as const;
  const observed: ObservedAction[] = [];
  if (Array.isArray(raw['observed'])) {
    raw['observed'].forEach((text, k) => {
      if (typeof text === 'string' && text.trim() !== '') observed.push({ text, session: index, index: k, place: placeOf([...base, 'observed', k]) });
    });
  }
  const gaps: Gap[] = [];
  if (Array.isArray(raw['gaps'])) {
    raw['gaps'].forEach((entry, k) => {
      const parsed = gapSchema.safeParse(entry);
      if (!parsed.success) return;
      const path = [...base, 'gaps', k];
      const gap: Gap = { found: parsed.data.found, status: parsed.data.status, session: index, index: k, place: placeOf(path), statusPlace: placeOf([...path, 'status']) };
      if (parsed.data.id) {
        gap.id = parsed.data.id;
        gap.idPlace = placeOf([...path, 'id']);
      }
      if (parsed.data.step) {
        gap.step = parsed.data.step;
        gap.stepPlace = placeOf([...path, 'step']);
      }
      gaps.push(gap);
    });
  }
  const { date, lead, shadow, mode } = withoutLists.data;
  return { date, lead, shadow, mode, doer: mode === 'reverse' ? shadow : lead, observed, gaps, index, place: placeOf(base) };
}

/** Parse the body into the model's steps, sections and links; returns the tree (empty when the body was refused). */
function parseBody(playbook: Playbook, text: string, index: LineIndex, bodyStart: number, dialect: Dialect = DEFAULT_DIALECT): Root {
  const bodyLine = index.pointAt(bodyStart).line;
  playbook.bodyLine = bodyLine;
  // The frontmatter is replaced by empty lines, so the parser's positions are the file's positions.
  const masked = '\n'.repeat(bodyLine - 1) + text.slice(bodyStart);
  const deepLine = tooDeeplyNestedLine(masked) ?? emphasisFloodLine(masked);
  if (deepLine !== undefined) {
    playbook.findings.push(
      findingAt(playbook.file, { start: { line: deepLine, column: 1 } }, 'parse-limit', `Markdown on line ${deepLine} is nested too deeply or holds thousands of \`*\`/\`_\` in one paragraph; the body was not parsed`, {
        fix: 'flatten the nested lists or block quotes, or put long runs of `*` and `_` in a code block',
      }),
    );
    return EMPTY_TREE();
  }
  // Other dialects' callouts and headings, read as this one's (positions kept as in the file).
  const source = readDialectSource(masked);
  const tree = parseMarkdown(source.text);
  unshiftPositions(tree, source.shifts);
  if (source.text.includes('[!')) markCallouts(tree);
  const lines = masked.split('\n');
  const parts: BodyParts = bodyPartsOf(tree, lines, dialect);
  Object.assign(playbook, parts);
  unclosedFence(playbook, tree, lines);
  refuseDeepHtml(playbook, tree);
  if (!playbook.meta.title) {
    // The first H1, else the first heading, never a template tag of another generator (`<%= title %>`); else the file name.
    const usable = playbook.headings.filter((heading) => heading.text !== '' && !isTemplateText(heading.text));
    const heading = usable.find((h) => h.depth === 1) ?? usable[0];
    if (heading) playbook.displayTitle = heading.text;
  }
  return tree;
}

/**
 * Raw HTML nested deeper than the renderer can take (`<div>` × 2,000) is shown as text, never parsed as
 * HTML, with one `parse-limit` finding: the page is built, nothing runs, nothing crashes.
 */
function refuseDeepHtml(playbook: Playbook, tree: Root): void {
  const depth = rawHtmlDepth(playbook.html.map((piece) => piece.value));
  if (depth <= MAX_HTML_NESTING) return;
  const first = playbook.html[0]!;
  playbook.findings.push(
    findingAt(playbook.file, first.place, 'parse-limit', `raw HTML nests ${depth} elements deep (more than ${MAX_HTML_NESTING}); it is shown as text on the site`, {
      fix: 'write the content in Markdown, or flatten the HTML',
      data: { htmlDepth: depth },
    }),
  );
  playbook.html = [];
  visit(tree, 'html', (node: Html, index, parent) => {
    if (parent && index !== undefined) parent.children[index] = { type: 'text', value: node.value } as Text;
  });
}

/**
 * BAD-INPUTS M3: a code fence never closed swallows what follows (the rest of the file at
 * top level, the rest of the list item inside a step) into one code block.
 */
function unclosedFence(playbook: Playbook, tree: Root, lines: readonly string[]): void {
  for (const code of preorder(tree)) {
    if (code.type !== 'code' || !code.position) continue;
    const opening = lines[code.position.start.line - 1] ?? '';
    const fence = /^[\s>]*(?:(?:[-*+]|\d+[.)])\s+)?(`{3,}|~{3,})/.exec(opening)?.[1];
    if (!fence) continue;
    const closing = (lines[code.position.end.line - 1] ?? '').trim();
    if (code.position.end.line > code.position.start.line && closing.startsWith(fence[0]!.repeat(fence.length))) continue;
    const swallowed = code.value === '' ? 0 : code.value.split('\n').length;
    playbook.findings.push(
      findingAt(playbook.file, { start: { line: code.position.start.line, column: code.position.start.column } }, 'unclosed-code-fence', `the code block opened on line ${code.position.start.line} is never closed: the ${swallowed} line(s) after it are shown as code`, {
        fix: `add a closing fence line (${fence.startsWith('~') ? 'the same tildes' : 'the same backticks'} as the opening one) where the code ends`,
      }),
    );
  }
}

/** F14: gap ids are unique in a file; name both places. Read from the raw data so an invalid gap still counts. */
function duplicateGapIds(playbook: Playbook, sessions: readonly unknown[], placeOf: (path: YamlPath, which?: 'key' | 'value') => Place): void {
  const seen = new Map<string, Place>();
  sessions.forEach((session, s) => {
    const gaps = isRecord(session) && Array.isArray(session['gaps']) ? session['gaps'] : [];
    gaps.forEach((gap, g) => {
      if (!isRecord(gap) || typeof gap['id'] !== 'string') return;
      const id = gap['id'];
      const place = placeOf(['shadowing', s, 'gaps', g, 'id']);
      const firstPlace = seen.get(id);
      if (!firstPlace) {
        seen.set(id, place);
        return;
      }
      playbook.findings.push(
        findingAt(playbook.file, place, 'schema', `duplicate gap id \`${id}\`: already used on line ${firstPlace.start.line}, column ${firstPlace.start.column}`, {
          fix: 'give one of the gaps another id',
          data: { firstLine: firstPlace.start.line, firstColumn: firstPlace.start.column },
        }),
      );
    });
  });
}


