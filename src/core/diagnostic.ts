/**
 * Positional diagnostics: the one shape every problem takes, from the parser,
 * the corpus and every checker rule. User errors are data, never exceptions.
 */

/** How serious a finding is. Rules never choose this; defaults and config do. */
export type Severity = 'error' | 'warning' | 'info';

/** A 1-based line and column in the original file (frontmatter included). */
export interface Point {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units like every editor. */
  column: number;
}

/** Where something is in a file: a start point and, when known, an end point. */
export interface Place {
  start: Point;
  end?: Point;
}

/** One finding about one place in one file. */
export interface Diagnostic {
  /** Path of the file, relative to the working directory, with `/`. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The kebab-case id of the rule; also the suppression and docs name. */
  ruleId: string;
  severity: Severity;
  /** What is wrong, naming the actual thing in backticks, ending with the fix. */
  message: string;
  /** An imperative, one-line hint: how to fix it. */
  fix?: string;
  /** Link to the rule's documentation. */
  url?: string;
  /** Machine-readable details (e.g. `afterStep`). */
  data?: Record<string, unknown>;
}

/** The start of a file: used when a problem has no better place. */
export const FILE_START: Place = { start: { line: 1, column: 1 } };

/** Build a diagnostic at a place. */
export function diagnosticAt(
  file: string,
  place: Place,
  ruleId: string,
  message: string,
  options: { severity?: Severity; fix?: string; data?: Record<string, unknown> } = {},
): Diagnostic {
  const diagnostic: Diagnostic = {
    file,
    line: place.start.line,
    column: place.start.column,
    ruleId,
    severity: options.severity ?? 'error',
    message,
  };
  if (place.end) {
    diagnostic.endLine = place.end.line;
    diagnostic.endColumn = place.end.column;
  }
  if (options.fix) diagnostic.fix = options.fix;
  if (options.data) diagnostic.data = options.data;
  return diagnostic;
}

/** Order diagnostics by file, then position, then rule: stable output for every reporter. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
