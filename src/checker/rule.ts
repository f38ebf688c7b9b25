/**
 * What a checker rule is (after ESLint): metadata, an optional option schema,
 * and one check function. A rule reports places and messages; it never
 * decides severity or output format — defaults and settings do.
 */
import type { z } from 'astro/zod';
import type { Corpus } from '../core/corpus.ts';
import type { Located, Place } from '../core/findings.ts';
import type { Playbook } from '../core/model.ts';
import type { Settings } from '../settings/resolve.ts';
import type { Severity } from './diagnostic.ts';

/** One finding as a rule reports it. */
export interface Finding {
  place: Place;
  message: string;
  /** Imperative one-line fix. */
  fix?: string;
  data?: Record<string, unknown>;
}

export interface RuleContext<Options = undefined> {
  playbook: Playbook;
  corpus: Corpus;
  settings: Settings;
  /** The rule's own options (`options["<rule-id>"]` in the config file), validated by its schema, defaults filled in. */
  options: Options;
  /** "Now", injectable for tests (stale-review). */
  now: Date;
  /** Report a finding of this rule. */
  report(finding: Finding): void;
  /** Report a finding the model already made (same shape, this rule's id): no conversion. */
  forward(finding: Located): void;
}

export interface Rule<Options = undefined> {
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
  /** A rule about steps: it does not run on `kind: reference` pages (knowledge, postmortems), which have none. */
  procedureOnly?: boolean;
  /** The schema of `options["<id>"]` in the config file; its output (defaults applied) is `context.options`. */
  optionsSchema?: z.ZodType<Options>;
  check(context: RuleContext<Options>): void;
}

/** A rule of any option type, as lists hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule's options are typed at its definition; a list erases them
export type AnyRule = Rule<any>;
