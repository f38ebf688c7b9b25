/** Small text helpers shared by rules: significant words, and finding a phrase's place in a range of lines. */
import { stemmer } from 'stemmer';
import type { Place } from '../core/findings.ts';
import type { Playbook } from '../core/model.ts';

const STOP_WORDS = new Set(
  'a an and are as at be before after by for from has have in into is it its of on or that the then this to was were when which while with without you your we our they their them he she his her not no do does did done one two any all each every step steps playbook never says said first also only just about over under'.split(' '),
);

/** The stems of a text's significant words (lower-case, no stop words, at least 3 letters). */
export function significantStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of text.toLowerCase().match(/[a-z0-9][a-z0-9_-]*/g) ?? []) {
    for (const part of word.split(/[-_]/)) {
      if (part.length < 3 || STOP_WORDS.has(part) || /^\d+$/.test(part)) continue;
      stems.add(stemmer(part));
    }
  }
  return stems;
}

/** First match of `pattern` in lines `fromLine..toLine` (1-based, inclusive) of `text`, as a place. */
export function placeOfMatch(text: string, pattern: RegExp, fromLine: number, toLine: number): { place: Place; match: string } | undefined {
  const lines = text.split('\n');
  const flags = pattern.flags.replace('g', '');
  const single = new RegExp(pattern.source, flags);
  for (let line = fromLine; line <= Math.min(toLine, lines.length); line++) {
    const match = single.exec(lines[line - 1]!);
    if (match) {
      return {
        place: { start: { line, column: match.index + 1 }, end: { line, column: match.index + match[0].length + 1 } },
        match: match[0],
      };
    }
  }
  return undefined;
}

/** The first non-blank line of the body (where a finding about the body as a whole goes). */
export function firstBodyLine(playbook: Playbook): number {
  const lines = playbook.text.split('\n');
  for (let line = playbook.bodyLine; line <= lines.length; line++) if (lines[line - 1]!.trim() !== '') return line;
  return playbook.bodyLine;
}
