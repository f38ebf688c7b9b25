/**
 * Positional findings of the model: what the parser, the file listing and the
 * corpus notice while they build the model (a missing field, a bad byte, a slug
 * clash, a cycle). User errors are data, never exceptions. The ids the model may
 * emit are a typed set, each reported by the checker rule of that id; how
 * serious a finding is belongs to the checker (defaults and config), never here.
 */

/** Every rule id the model emits, and the rule that reports it (src/checker/rules/<id>.ts). */
export const MODEL_FINDING_IDS = [
  'schema',
  'encoding',
  'no-secrets',
  'parse-limit',
  'unclosed-code-fence',
  'hash-comment',
  'unreadable-file',
  'duplicate-slug',
  'unknown-playbook',
  'prerequisite-cycle',
  'deprecated-prerequisite',
  'reserved-slug',
  'unknown-key',
  'unassigned-owner',
] as const;

export type ModelFindingId = (typeof MODEL_FINDING_IDS)[number];

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

/** One finding about one place in one file: the shape of every problem, from the model and from the checker's rules. */
export interface Located<Id extends string = string> {
  /** Path of the file, relative to the working directory, with `/`. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The kebab-case id of the rule that reports it; also the suppression and docs name. */
  ruleId: Id;
  /** What is wrong, naming the actual thing in backticks. */
  message: string;
  /** An imperative, one-line hint: how to fix it. */
  fix?: string;
  /** Machine-readable details (e.g. `afterStep`). */
  data?: Record<string, unknown>;
}

/** A finding of the model. */
export type ModelFinding = Located<ModelFindingId>;

/** The start of a file: used when a problem has no better place. */
export const FILE_START: Place = { start: { line: 1, column: 1 } };

/** Build a model finding at a place. */
export function findingAt(file: string, place: Place, ruleId: ModelFindingId, message: string, options: { fix?: string; data?: Record<string, unknown> } = {}): ModelFinding {
  const finding: ModelFinding = { file, line: place.start.line, column: place.start.column, ruleId, message };
  if (place.end) {
    finding.endLine = place.end.line;
    finding.endColumn = place.end.column;
  }
  if (options.fix) finding.fix = options.fix;
  if (options.data) finding.data = options.data;
  return finding;
}

/** Order findings by file, then position, then rule: stable output for every reporter. */
export function compareFindings(a: Located, b: Located): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
