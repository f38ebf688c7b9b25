/**
 * The one Markdown parser: micromark through mdast-util-from-markdown, with
 * GitHub Flavored Markdown (autolink literals, footnotes, strikethrough,
 * tables, task lists) — what remark-parse + remark-gfm do, without the
 * processor around it. The checker reads its tree through `parseDocument`;
 * the renderer turns the same tree into HTML.
 */
import type { Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

const WITHOUT_AUTOLINKS: Options = {
  extensions: [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()],
  mdastExtensions: [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
};
const GFM: Options = {
  extensions: [gfmAutolinkLiteral(), ...WITHOUT_AUTOLINKS.extensions!],
  mdastExtensions: [gfmAutolinkLiteralFromMarkdown(), ...WITHOUT_AUTOLINKS.mdastExtensions!],
};

/**
 * What an autolink literal needs somewhere in the text (`www.`, a scheme's `://`, an e-mail's `@`,
 * `mailto:`/`xmpp:`). The autolink-literal extension is a third of the parse time, so a text without
 * any of these is parsed without it: the tree is the same (test/core/markdown.test.ts holds them equal).
 */
const AUTOLINK_TRIGGER = /www\.|:\/\/|@|mailto:|xmpp:/i;

/** Parse Markdown (CommonMark + GFM) into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, AUTOLINK_TRIGGER.test(text) ? GFM : WITHOUT_AUTOLINKS);
}

/** Parse with every GFM extension, whatever the text holds (for the test that the shortcut changes nothing). */
export function parseMarkdownWithAllExtensions(text: string): Root {
  return fromMarkdown(text, GFM);
}

/** Deepest nesting the parser is trusted with: micromark overflows its stack near 1,000 levels. */
export const MAX_NESTING = 64;

/** Deepest raw-HTML nesting the renderer and the sanitiser are trusted with (they recurse: 2,000 nested `<div>` overflow the stack). */
export const MAX_HTML_NESTING = 100;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** How deep the raw HTML of a body nests, counting open and close tags across its pieces (an upper bound: unclosed tags count). */
export function rawHtmlDepth(pieces: readonly string[]): number {
  let depth = 0;
  let deepest = 0;
  for (const piece of pieces) {
    for (const match of piece.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
      const name = match[2]!.toLowerCase();
      if (match[1]) depth = Math.max(0, depth - 1);
      else if (!match[3] && !VOID_ELEMENTS.has(name)) deepest = Math.max(deepest, ++depth);
    }
  }
  return deepest;
}

/**
 * A cheap upper bound on block nesting (block quotes and list indentation),
 * computed before parsing so a pathological file costs one diagnostic
 * instead of a stack overflow. Returns the first line that goes too deep.
 */
export function tooDeeplyNestedLine(text: string, limit = MAX_NESTING): number | undefined {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    let depth = 0;
    let column = 0;
    for (let index = start; index < stop; index++) {
      const char = text.charCodeAt(index);
      if (char === 0x3e /* > */) depth++;
      else if (char === 0x20) column++;
      else if (char === 0x09) column += 4;
      else if ((char === 0x2d || char === 0x2a || char === 0x2b) && text.charCodeAt(index + 1) === 0x20) depth++;
      else if (char >= 0x30 && char <= 0x39) {
        // an ordered-list marker "12. " nests one level
        let next = index;
        while (next < stop && text.charCodeAt(next) >= 0x30 && text.charCodeAt(next) <= 0x39) next++;
        if ((text[next] === '.' || text[next] === ')') && text[next + 1] === ' ') {
          depth++;
          index = next + 1;
        } else break;
      } else break;
    }
    if (depth + Math.floor(column / 2) > limit) return line;
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return undefined;
}

/** Most `*` and `_` one paragraph may hold: micromark's emphasis matching is worse than quadratic (40,000 `*a`: 52 s). */
export const MAX_EMPHASIS_DELIMITERS = 5_000;

/** First line of a paragraph (text between blank lines) with more emphasis delimiters than the parser copes with. */
export function emphasisFloodLine(text: string, limit = MAX_EMPHASIS_DELIMITERS): number | undefined {
  let count = 0;
  let line = 1;
  let blockLine = 1;
  let lineHasText = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x0a) {
      if (!lineHasText) {
        count = 0;
        blockLine = line + 1;
      }
      line++;
      lineHasText = false;
      continue;
    }
    if (char !== 0x20 && char !== 0x09) lineHasText = true;
    if ((char === 0x2a || char === 0x5f) && ++count > limit) return blockLine;
  }
  return undefined;
}
