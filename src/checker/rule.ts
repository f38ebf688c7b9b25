/**
 * What a checker rule is (after ESLint): metadata plus one check function.
 * A rule reports places and messages; it never decides severity or output
 * format — defaults and config do.
 */
import type { Corpus } from '../core/corpus.ts';
import type { Place, Severity } from '../core/diagnostic.ts';
import type { Playbook } from '../core/model.ts';
import type { ResolvedConfig } from './config.ts';

/** One finding as a rule reports it. */
export interface Finding {
  place: Place;
  message: string;
  /** Imperative one-line fix. */
  fix?: string;
  data?: Record<string, unknown>;
}

export interface RuleContext {
  playbook: Playbook;
  corpus: Corpus;
  config: ResolvedConfig;
  /** "Now", injectable for tests (stale-review). */
  now: Date;
  report(finding: Finding): void;
}

export interface Rule {
  /** The kebab-case id: file name, docs page, SARIF ruleId, suppression name. */
  id: string;
  /** One line: what the rule flags. */
  description: string;
  /** Severity a team would adopt on day one; the docs page says why. */
  defaultSeverity: Severity | 'off';
  /**
   * Whether the rule needs frontmatter. A file without any (an existing runbook
   * being adopted) gets one concise `schema` finding, not one per rule.
   */
  needsFrontmatter?: boolean;
  /**
   * `file` when the rule reads only its playbook (not the corpus, not the clock): its findings
   * are cached by file content and computed in the parser workers. Default `corpus`.
   */
  scope?: 'file' | 'corpus';
  check(context: RuleContext): void;
}
