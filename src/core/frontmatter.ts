/**
 * Frontmatter: find the YAML block at the top of a playbook and parse it with
 * positions. We split the block ourselves instead of using gray-matter's
 * engines: gray-matter evaluates `---js` frontmatter with `eval` (even with
 * `engines: {js: false}`), and a file must never be able to run code.
 * YAML is parsed by the `yaml` package, YAML 1.2 core schema: no silent
 * conversion of `no`, `1.10` or dates, and a position for every node.
 */
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Document, type Node, type Pair } from 'yaml';
import type { ModelFinding, Place } from './findings.ts';
import { findingAt } from './findings.ts';
import type { LineIndex } from './source.ts';

/** Frontmatter larger than this is refused: the YAML parser's duplicate checks grow quadratically. */
export const MAX_FRONTMATTER_BYTES = 256 * 1024;

/** Where the frontmatter block is, as offsets into the normalised text. */
export type FrontmatterSplit =
  | { kind: 'none' }
  | { kind: 'yaml'; open: number; yamlStart: number; yamlEnd: number; bodyStart: number; leadingBlankLines: number }
  | { kind: 'unclosed'; open: number }
  | { kind: 'language'; open: number; language: string };

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const LANGUAGE_FENCE = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*$/;

/** Locate the frontmatter block, tolerating (and reporting) blank lines before it. */
export function splitFrontmatter(text: string): FrontmatterSplit {
  let open = 0;
  let leadingBlankLines = 0;
  // A blank line before `---` turns frontmatter into body text in every other tool;
  // we find it anyway so the author gets one clear diagnostic instead of a missing title.
  while (open < text.length) {
    const end = lineEnd(text, open);
    if (text.slice(open, end).trim() !== '') break;
    leadingBlankLines++;
    open = end + 1;
  }
  const firstLine = text.slice(open, lineEnd(text, open));
  const language = LANGUAGE_FENCE.exec(firstLine);
  if (language) return { kind: 'language', open, language: language[1]! };
  if (!FENCE.test(firstLine)) return { kind: 'none' };
  const yamlStart = Math.min(text.length, lineEnd(text, open) + 1);
  for (let start = yamlStart; start < text.length; ) {
    const end = lineEnd(text, start);
    if (CLOSE.test(text.slice(start, end))) {
      return { kind: 'yaml', open, yamlStart, yamlEnd: start, bodyStart: Math.min(text.length, end + 1), leadingBlankLines };
    }
    start = end + 1;
  }
  return { kind: 'unclosed', open };
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** A path into the frontmatter: keys and list indices. */
export type YamlPath = readonly (string | number)[];

/** Parsed frontmatter: the plain data and a way back to positions. */
export interface ParsedFrontmatter {
  /** The YAML as plain JavaScript data (undefined when it could not be parsed). */
  data: unknown;
  /** Place of the key (`which: 'key'`) or the value at a path, or the nearest parent that exists. */
  placeOf(path: YamlPath, which?: 'key' | 'value'): Place;
  findings: ModelFinding[];
}

/**
 * Parse the YAML between the fences. Every YAML error becomes a diagnostic at
 * YAML's own position mapped into the file.
 */
export function parseFrontmatterYaml(file: string, text: string, index: LineIndex, yamlStart: number, yamlEnd: number): ParsedFrontmatter {
  const findings: ModelFinding[] = [];
  const source = text.slice(yamlStart, yamlEnd);
  const blockPlace = index.placeOf(Math.max(0, yamlStart - 4));
  const fallback: ParsedFrontmatter = { data: undefined, placeOf: () => blockPlace, findings };
  if (source.length > MAX_FRONTMATTER_BYTES) {
    findings.push(
      findingAt(file, blockPlace, 'schema', `frontmatter is ${Math.round(source.length / 1024)} KB; the limit is ${MAX_FRONTMATTER_BYTES / 1024} KB`, {
        fix: 'move long text from the frontmatter into the body of the playbook',
      }),
    );
    return fallback;
  }
  const document = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false, strict: true });
  const at = (offset: number) => index.placeOf(yamlStart + offset);
  for (const error of document.errors) {
    findings.push(
      findingAt(file, at(unclosedQuoteOffset(source, error.message) ?? error.pos[0]), 'schema', `invalid YAML in frontmatter: ${firstLine(error.message)}`, {
        fix: yamlFixHint(error.code),
        data: { yamlCode: error.code },
      }),
    );
  }
  if (document.errors.length > 0) return fallback;
  findings.push(...duplicateKeyFindings(file, document, at));
  findings.push(...hashCommentFindings(file, document, source, at));
  keepStepReferencesAsWritten(document);
  let data: unknown;
  try {
    // The default alias limit (100) stops "billion laughs" documents before they expand.
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    findings.push(
      findingAt(file, blockPlace, 'schema', `frontmatter could not be expanded: ${firstLine(String((error as Error).message ?? error))}`, {
        fix: 'remove YAML aliases (`*name`) from the frontmatter and write the values out',
      }),
    );
    return fallback;
  }
  const placeOf = (path: YamlPath, which: 'key' | 'value' = 'value'): Place => {
    const found = locate(document, path, which);
    return found ? index.placeOf(yamlStart + found[0], yamlStart + found[1]) : blockPlace;
  };
  return { data, placeOf, findings };
}

/**
 * YAML reports an unclosed quote where the document ends; the author needs the
 * line where the quote opens: the first line with an odd number of that quote.
 */
function unclosedQuoteOffset(source: string, message: string): number | undefined {
  const quote = /missing closing "quote/i.test(message) ? '"' : /missing closing 'quote/i.test(message) ? "'" : undefined;
  if (!quote) return undefined;
  let offset = 0;
  for (const line of source.split('\n')) {
    const count = line.replaceAll(`\\${quote}`, '').split(quote).length - 1;
    if (count % 2 === 1) return offset + line.indexOf(quote);
    offset += line.length + 1;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function yamlFixHint(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent YAML with spaces, not tabs';
    case 'MISSING_CHAR':
    case 'MISSING_CLOSING_QUOTE':
      return 'close the quote or bracket that starts here';
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'line up keys of one mapping at the same indentation, with spaces';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'add a space after the `:` or quote the value';
    default:
      return 'fix the YAML at this position; quote values that contain `:` or `#`';
  }
}

/** Byte range [start, end) of the key or value at a path, or of its nearest existing ancestor. */
function locate(document: Document, path: YamlPath, which: 'key' | 'value'): [number, number] | undefined {
  let node: unknown = document.contents;
  let best: [number, number] | undefined = rangeOf(node);
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth]!;
    const last = depth === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return best;
      if (last && which === 'key') return rangeOf(pair.key) ?? best;
      node = pair.value;
      best = rangeOf(node) ?? rangeOf(pair.key) ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      best = rangeOf(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/**
 * Duplicate keys, with both positions. We do this instead of the parser's own
 * `uniqueKeys` check, which is quadratic in the number of keys and names only
 * the second occurrence.
 */
function duplicateKeyFindings(file: string, document: Document, at: (offset: number) => Place): ModelFinding[] {
  const findings: ModelFinding[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Map<string, Pair>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const first = seen.get(name);
        if (!first) {
          seen.set(name, pair);
          continue;
        }
        const firstPlace = at((first.key as Node).range![0]);
        const secondPlace = at((pair.key as Node).range![0]);
        findings.push(
          findingAt(
            file,
            secondPlace,
            'schema',
            `duplicate key \`${name}\` on line ${secondPlace.start.line}: it is already set on line ${firstPlace.start.line}, column ${firstPlace.start.column}`,
            { fix: `keep one \`${name}\` and delete the other`, data: { firstLine: firstPlace.start.line, firstColumn: firstPlace.start.column } },
          ),
        );
      }
    },
  });
  return findings;
}

/**
 * FORMAT.md F15: in `- Posted in #ops channel`, YAML reads ` #ops channel` as a
 * comment and silently drops it. A comment that starts right after one space
 * with no space after `#` is almost always a Slack channel or an issue number.
 */
function hashCommentFindings(file: string, document: Document, source: string, at: (offset: number) => Place): ModelFinding[] {
  const findings: ModelFinding[] = [];
  visit(document, {
    Scalar(_, scalar) {
      if (scalar.type !== Scalar.PLAIN || !scalar.range) return;
      const valueEnd = scalar.range[1];
      const match = /^ #(\S[^\n]*)/.exec(source.slice(valueEnd, source.indexOf('\n', valueEnd) === -1 ? source.length : source.indexOf('\n', valueEnd)));
      if (!match) return;
      const dropped = `#${match[1]!}`;
      findings.push(
        findingAt(file, at(valueEnd + 1), 'hash-comment', `\`${dropped}\` is read as a YAML comment and dropped from \`${String(scalar.value)}\``, {
          fix: `quote the whole value: "${String(scalar.value)} ${dropped}"`,
          data: { dropped },
        }),
      );
    },
  });
  return findings;
}

/** `step: 2.10` must stay "2.10", not become the number 2.1: keep the source text of numeric step references. */
function keepStepReferencesAsWritten(document: Document): void {
  visit(document, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'step' && isScalar(pair.value) && typeof pair.value.value === 'number') {
        pair.value.value = pair.value.source ?? String(pair.value.value);
      }
    },
  });
}

/** "did you mean" for an unknown key, when a known key is close enough. */
export function suggestKey(unknown: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const candidate = closest(unknown, known as string[]);
  return distance(unknown, candidate) <= Math.max(2, Math.floor(candidate.length / 3)) ? candidate : undefined;
}


/**
 * The old site's URLs of a file (`permalink`, `redirect_from`, `aliases`, `url`), read from its bytes before it
 * is parsed: a site build renders each page with every playbook's old URLs known, so links to them work. Only
 * those keys' lines are read; a file that is not UTF-8 or has no frontmatter has none.
 */
export function legacyUrlsOfBytes(bytes: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024)).replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  } catch {
    return [];
  }
  return legacyUrlsOfText(text);
}

/** The old site's URLs named in a playbook's frontmatter (the text of the whole file). */
export function legacyUrlsOfText(text: string): string[] {
  const split = splitFrontmatter(text);
  if (split.kind !== 'yaml') return [];
  const urls: string[] = [];
  let listOf: string | undefined;
  for (const line of text.slice(split.yamlStart, split.yamlEnd).split('\n')) {
    const key = /^(permalink|redirect_from|aliases|url)\s*:\s*(.*)$/.exec(line);
    if (key) {
      listOf = key[2]!.trim() === '' ? key[1] : undefined;
      const value = key[2]!.trim().replace(/^\[|\]$/g, '');
      for (const item of value.split(',')) if (item.trim()) urls.push(item.trim().replace(/^["']|["']$/g, ''));
      continue;
    }
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (listOf && item) urls.push(item[1]!.trim().replace(/^["']|["']$/g, ''));
    else if (!/^\s/.test(line)) listOf = undefined;
  }
  return urls.filter((url) => /^\/?[\w./-]+\/?$/.test(url));
}
