/**
 * Callouts of other Markdown dialects, read instead of flagged: MkDocs
 * admonitions (`!!! warning "Title"` / `??? note` with an indented body),
 * Docusaurus containers (`:::tip Title` … `:::`), GitHub alerts
 * (`> [!WARNING]`), and Python-Markdown's `###Heading` without a space.
 *
 * The first three are rewritten, before parsing, into GitHub alerts, line for
 * line (a body line's indentation becomes `>` and spaces of the same width, so
 * columns stay right; where a prefix must be added its width is recorded and
 * taken off the parsed positions again). After parsing, every alert
 * blockquote is marked as a callout (type and title) for the renderer.
 */
import type { Blockquote, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/** A column shift on one line: parsed columns at or after `from` are `delta` to the right of where they are in the file. */
interface Shift {
  from: number;
  delta: number;
}

export interface DialectSource {
  text: string;
  /** 1-based line → shifts, for the lines whose text changed width (in order of column). */
  shifts: Map<number, Shift[]>;
}

const ADMONITION = /^(\s*)(?:!!!|\?\?\?\+?)\s*([A-Za-z][\w-]*)(?:\s+"([^"]*)")?\s*$/;
const CONTAINER_OPEN = /^(\s*):{3,}\s*([A-Za-z][\w-]*)(?:\[(.*)\])?\s*(.*?)\s*$/;
const CONTAINER_CLOSE = /^\s*:{3,}\s*$/;
const FENCE = /^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(`{3,}|~{3,})/;
const HASH_HEADING = /^(#{2,6})([^\s#])/;
const LINK_TAG = /\]\(\{%-?\s*(?:link|page|post_url|url)\s+["']([^"'\s]+)["']\s*-?%\}\)/g;

/** The callout classes and the words each dialect uses for them. */
const TYPES: Record<string, string> = {
  note: 'note', info: 'note', abstract: 'note', summary: 'note', tldr: 'note', todo: 'note', example: 'note', quote: 'note', cite: 'note', question: 'note', help: 'note', faq: 'note', details: 'note', seealso: 'note',
  tip: 'tip', hint: 'tip', success: 'tip', check: 'tip', done: 'tip',
  important: 'important',
  warning: 'warning', attention: 'warning', caution: 'caution',
  danger: 'caution', error: 'caution', failure: 'caution', fail: 'caution', missing: 'caution', bug: 'caution',
};

/** Rewrite the source's callouts into GitHub alerts, keeping line count and (through `shifts`) columns. */
export function readDialectSource(source: string): DialectSource {
  const lines = source.split('\n');
  const shifts = new Map<number, Shift[]>();
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence[0]!) && fenceMatch[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    const admonition = ADMONITION.exec(line);
    if (admonition && TYPES[admonition[2]!.toLowerCase()]) {
      const indent = admonition[1]!;
      lines[index] = `${indent}> [!${admonition[2]!.toUpperCase()}]${admonition[3] !== undefined ? ` ${admonition[3]}` : ''}`;
      // The body: following lines indented four more, and blank lines between them.
      let last = index;
      for (let next = index + 1; next < lines.length; next++) {
        const body = lines[next]!;
        if (body.trim() === '') continue;
        if (!body.startsWith(`${indent}    `)) break;
        last = next;
      }
      for (let body = index + 1; body <= last; body++) {
        const text = lines[body]!;
        lines[body] = text.trim() === '' ? `${indent}>` : `${indent}>   ${text.slice(indent.length + 4)}`;
      }
      index = last;
      continue;
    }
    const open = CONTAINER_OPEN.exec(line);
    if (open && TYPES[open[2]!.toLowerCase()]) {
      const close = lines.findIndex((candidate, at) => at > index && CONTAINER_CLOSE.test(candidate));
      if (close === -1) continue;
      const indent = open[1]!;
      const title = open[3] ?? open[4] ?? '';
      lines[index] = `${indent}> [!${open[2]!.toUpperCase()}]${title ? ` ${title}` : ''}`;
      for (let body = index + 1; body < close; body++) {
        lines[body] = `${indent}> ${lines[body]!.slice(Math.min(indent.length, lines[body]!.length - lines[body]!.trimStart().length))}`;
        shifts.set(body + 1, [{ from: indent.length + 3, delta: 2 }]);
      }
      lines[close] = '';
      index = close;
      continue;
    }
    const heading = HASH_HEADING.exec(line);
    if (heading) {
      lines[index] = `${heading[1]} ${line.slice(heading[1]!.length)}`;
      shifts.set(index + 1, [{ from: heading[1]!.length + 2, delta: 1 }]);
    }
    // Liquid/Eleventy link tags as link destinations: `[Allstar]({% link "https://…" %})` is a link to the URL.
    if (lines[index]!.includes('{%')) {
      const lineShifts: Shift[] = [];
      let removed = 0;
      lines[index] = lines[index]!.replace(LINK_TAG, (match, url: string, offset: number) => {
        const replacement = `](${url})`;
        lineShifts.push({ from: offset + 1 - removed + replacement.length, delta: replacement.length - match.length });
        removed += match.length - replacement.length;
        return replacement;
      });
      if (lineShifts.length > 0) shifts.set(index + 1, [...(shifts.get(index + 1) ?? []), ...lineShifts]);
    }
  }
  return { text: lines.join('\n'), shifts };
}

/** Take the recorded shifts off a parsed tree's positions, so they are positions in the file as written. */
export function unshiftPositions(tree: Root, shifts: ReadonlyMap<number, readonly Shift[]>): void {
  if (shifts.size === 0) return;
  const fix = (point: { line: number; column: number } | undefined) => {
    if (!point) return;
    // Shifts are recorded left to right in parsed columns; undo the rightmost first.
    for (const shift of [...(shifts.get(point.line) ?? [])].reverse()) if (point.column >= shift.from) point.column -= shift.delta;
  };
  visit(tree, (node) => {
    fix(node.position?.start);
    fix(node.position?.end);
  });
}

/** The callout a blockquote is, when it starts with `[!TYPE]` (a GitHub alert, or a rewritten admonition). */
export interface CalloutMark {
  type: string;
  title: string;
}

/** Mark every alert blockquote as a callout (for the renderer) and take the `[!TYPE] Title` marker out of its text. */
export function markCallouts(tree: Root): void {
  visit(tree, 'blockquote', (quote: Blockquote) => {
    const first = quote.children[0];
    if (first?.type !== 'paragraph') return;
    const text = first.children[0];
    if (text?.type !== 'text') return;
    const match = /^\[!([A-Za-z][\w-]*)\][ \t]*([^\n]*)(\n|$)/.exec(text.value);
    const type = match ? TYPES[match[1]!.toLowerCase()] : undefined;
    if (!match || !type) return;
    const word = match[1]!.toLowerCase();
    const title = match[2]!.trim() || word[0]!.toUpperCase() + word.slice(1);
    const rest = text.value.slice(match[0].length);
    if (rest === '') first.children.shift();
    else (first.children[0] as Text).value = rest;
    // A hard break right after the marker line leaves an empty first line: drop it.
    if (first.children[0]?.type === 'break') first.children.shift();
    if (first.children.length === 0) quote.children.shift();
    quote.data = { ...quote.data, hProperties: { ...(quote.data?.hProperties ?? {}), dataPbCallout: type, dataPbCalloutTitle: title } };
  });
}

