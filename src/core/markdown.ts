/**
 * The one Markdown parser: unified + remark-parse + remark-gfm. The checker
 * reads its tree through `parsePlaybook`; the renderer turns the same tree
 * into HTML.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);

/** Parse Markdown (CommonMark + GFM) into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

/** Deepest nesting the parser is trusted with: micromark overflows its stack near 1,000 levels. */
export const MAX_NESTING = 64;

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
