/**
 * From bytes to text whose line and column numbers are those of the file:
 * strict UTF-8 decoding (no silent replacement characters), BOM removal and
 * line endings normalised to `\n` (CRLF and CR-only files keep their line
 * numbers and columns because only the line-ending bytes change).
 */
import type { Place, Point } from './findings.ts';

/** Why bytes could not be read as a playbook. */
export interface DecodeFailure {
  ok: false;
  place: Place;
  message: string;
  fix: string;
}

export interface DecodeSuccess {
  ok: true;
  /** The text with BOM removed and every line ending turned into `\n`. */
  text: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decode a file's bytes as UTF-8, or say precisely why not. */
export function decodePlaybookBytes(bytes: Uint8Array): DecodeSuccess | DecodeFailure {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      place: { start: { line: 1, column: 1 } },
      message: 'file is UTF-16 encoded; playbooks must be UTF-8',
      fix: 'save the file as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)',
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      place: placeOfByte(bytes, nul),
      message: 'file contains NUL bytes: it looks binary, not Markdown',
      fix: 'remove the file from the content folder or give it a name that does not end in `.md`',
    };
  }
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      place: placeOfByte(bytes, bad),
      message: `file is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad})`,
      fix: 'save the file as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)',
    };
  }
  return { ok: true, text: normaliseText(decoded) };
}

/** Remove a BOM and make every line ending `\n`. */
export function normaliseText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/** Index of the first byte that breaks UTF-8 (the decoder only says that one does). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return index;
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return Math.max(0, bytes.length - 1);
}

/** Line and column of a byte offset (columns count bytes here: the text could not be decoded). */
function placeOfByte(bytes: Uint8Array, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  return { start: { line, column: offset - lineStart + 1 } };
}

/** Turns offsets in a text into 1-based lines and columns, in O(log lines). */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  readonly text: string;

  constructor(text: string) {
    this.text = text;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1);
    }
  }

  /** The point of an offset (clamped into the text). */
  pointAt(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1 };
  }

  /** A place from a start and end offset. */
  placeOf(start: number, end?: number): Place {
    return end === undefined ? { start: this.pointAt(start) } : { start: this.pointAt(start), end: this.pointAt(end) };
  }

  /** Offset where a 1-based line starts. */
  offsetOfLine(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
