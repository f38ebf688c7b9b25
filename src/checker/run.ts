/**
 * corpus → rules → diagnostics. Pure: no I/O, the clock injected. Severity
 * comes from defaults and config (a rule never decides it), suppressions are
 * applied, each diagnostic gets its docs `url`, output is sorted.
 */
import type { Corpus } from '../core/corpus.ts';
import { compareDiagnostics, type Diagnostic, type Severity } from '../core/diagnostic.ts';
import type { Playbook } from '../core/model.ts';
import type { ResolvedConfig } from './config.ts';
import type { Finding, Rule } from './rule.ts';
import { RULES } from './rules/index.ts';
import { applySuppressions } from './suppressions.ts';

export interface CheckOptions {
  /** Report only on these files (paths as in diagnostics); the whole corpus is still used. */
  files?: ReadonlySet<string>;
  now?: Date;
  rules?: readonly Rule[];
}

/** The effective severity of a rule. */
export function severityOf(rule: Rule, config: ResolvedConfig): Severity | 'off' {
  return config.severities[rule.id] ?? rule.defaultSeverity;
}

/** Run every enabled rule (or those of one scope) on one playbook, before suppressions. */
export function checkPlaybook(playbook: Playbook, corpus: Corpus, config: ResolvedConfig, now: Date, rules: readonly Rule[] = RULES, scope?: 'file' | 'corpus'): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // A file with no frontmatter at all (an existing runbook being adopted) gets one concise finding, not one per rule.
  const hasFrontmatter = playbook.frontmatter !== undefined;
  for (const rule of rules) {
    const severity = severityOf(rule, config);
    if (severity === 'off' || (rule.needsFrontmatter !== false && !hasFrontmatter)) continue;
    if (scope && (rule.scope ?? 'corpus') !== scope) continue;
    const report = (finding: Finding) => diagnostics.push(toDiagnostic(playbook.file, rule.id, severity, finding, config));
    try {
      rule.check({ playbook, corpus, config, now, report });
    } catch (error) {
      // A rule must never take the run down: its failure is a finding on the file.
      diagnostics.push({ file: playbook.file, line: 1, column: 1, ruleId: rule.id, severity: 'error', message: `rule \`${rule.id}\` failed on this file: ${(error as Error).message}`, fix: 'report this as a bug in Playbook, with the file' });
    }
  }
  return diagnostics;
}

/** Check a corpus: every playbook (or only `files`), plus cross-file problems not tied to a playbook. */
export function checkCorpus(corpus: Corpus, config: ResolvedConfig, options: CheckOptions = {}): Diagnostic[] {
  const now = options.now ?? new Date();
  const rules = options.rules ?? RULES;
  const known = new Set(rules.map((rule) => rule.id));
  const suppressionRule = rules.find((rule) => rule.id === 'suppression');
  const results: Diagnostic[] = [];
  for (const playbook of corpus.playbooks) {
    if (options.files && !options.files.has(playbook.file)) continue;
    results.push(...finishPlaybook(playbook, checkPlaybook(playbook, corpus, config, now, rules), known, suppressionRule, config));
  }
  // Cross-file diagnostics about files that are not playbooks (a symlink leaving the folder).
  const playbookFiles = new Set(corpus.playbooks.map((p) => p.file));
  for (const diagnostic of corpus.diagnostics) {
    if (playbookFiles.has(diagnostic.file) || (options.files && !options.files.has(diagnostic.file))) continue;
    const rule = rules.find((r) => r.id === diagnostic.ruleId);
    const severity = rule ? severityOf(rule, config) : 'error';
    if (severity !== 'off') results.push(withUrl({ ...diagnostic, severity }, config));
  }
  return results.sort(compareDiagnostics);
}

/** Apply suppressions to one playbook's findings and add findings about the suppressions. */
export function finishPlaybook(playbook: Playbook, diagnostics: Diagnostic[], known: ReadonlySet<string>, suppressionRule: Rule | undefined, config: ResolvedConfig): Diagnostic[] {
  const { kept, problems } = applySuppressions(playbook, diagnostics, known);
  const severity = suppressionRule ? severityOf(suppressionRule, config) : 'off';
  if (severity === 'off') return kept;
  return [...kept, ...problems.map((problem) => withUrl({ ...problem, severity }, config))];
}

function toDiagnostic(file: string, ruleId: string, severity: Severity, finding: Finding, config: ResolvedConfig): Diagnostic {
  const diagnostic: Diagnostic = { file, line: finding.place.start.line, column: finding.place.start.column, ruleId, severity, message: finding.message };
  if (finding.place.end) {
    diagnostic.endLine = finding.place.end.line;
    diagnostic.endColumn = finding.place.end.column;
  }
  if (finding.fix) diagnostic.fix = finding.fix;
  if (finding.data) diagnostic.data = finding.data;
  return withUrl(diagnostic, config);
}

function withUrl(diagnostic: Diagnostic, config: ResolvedConfig): Diagnostic {
  return { ...diagnostic, url: ruleDocsUrl(diagnostic.ruleId, config) };
}

/** Where a rule's documentation lives: `{docsUrl}{id}/` on a site, `{docsUrl}{id}.md` in a repository browser (`/blob/`, `/tree/`, `/-/`). */
export function ruleDocsUrl(ruleId: string, config: Pick<ResolvedConfig, 'docsUrl'>): string {
  const base = config.docsUrl.endsWith('/') ? config.docsUrl : `${config.docsUrl}/`;
  return /\/(blob|tree|-)\//.test(base) ? `${base}${ruleId}.md` : `${base}${ruleId}/`;
}

/** Counts by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity]++;
  return counts;
}
