/**
 * The pure part of a check: rules run on a playbook and its corpus, severities
 * from the settings (a rule never decides them), suppressions applied, each
 * diagnostic with its docs `url`. No I/O; the clock is injected. `check.ts`
 * (the one pipeline) calls these for every file, wherever the file was parsed.
 */
import type { Corpus } from '../core/corpus.ts';
import type { Located } from '../core/findings.ts';
import type { Playbook } from '../core/model.ts';
import { settingsProblem, type Settings } from '../settings/resolve.ts';
import type { Diagnostic, Severity } from './diagnostic.ts';
import type { AnyRule, Finding } from './rule.ts';
import { applySuppressions } from './suppressions.ts';
import type { Timing } from './timing.ts';

/** Rules ready to run under some settings: severities resolved, options validated once. */
export interface PreparedRules {
  rules: readonly AnyRule[];
  /** Every rule id the suppressions may name (all rules, even when only some run). */
  known: ReadonlySet<string>;
  severity: ReadonlyMap<string, Severity | 'off'>;
  options: ReadonlyMap<string, unknown>;
  docsUrl: string;
  settings: Settings;
}

/**
 * Resolve severities and validate each rule's options with its own schema. Unknown rule ids
 * and invalid options are a `SettingsError` (exit 2) listing every problem.
 */
export function prepareRules(settings: Settings, rules: readonly AnyRule[], allRules: readonly AnyRule[] = rules): PreparedRules {
  const problems: string[] = [];
  const known = new Set(allRules.map((rule) => rule.id));
  for (const id of Object.keys(settings.severities)) if (!known.has(id)) problems.push(`rules: unknown rule id \`${id}\`. Known rules: ${[...known].join(', ')}.`);
  for (const id of Object.keys(settings.options)) if (!known.has(id)) problems.push(`options: unknown rule id \`${id}\`.`);
  const options = new Map<string, unknown>();
  for (const rule of allRules) {
    if (!rule.optionsSchema) continue;
    const parsed = rule.optionsSchema.safeParse(settings.options[rule.id] ?? {});
    if (parsed.success) options.set(rule.id, parsed.data);
    else for (const issue of parsed.error.issues) problems.push(`options.${[rule.id, ...issue.path.map(String)].join('.')}: ${issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}` : issue.message}`);
  }
  if (problems.length > 0) throw settingsProblem(settings, problems);
  const severity = new Map(allRules.map((rule) => [rule.id, settings.severities[rule.id] ?? rule.defaultSeverity] as const));
  return { rules, known, severity, options, docsUrl: settings.docsUrl, settings };
}

/** Run the enabled rules (all, or those of one scope) on one playbook, before suppressions. */
export function runRules(playbook: Playbook, corpus: Corpus, prepared: PreparedRules, now: Date, scope?: 'file' | 'corpus', timing?: Timing): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // A file with no frontmatter at all (an existing runbook being adopted) gets one concise finding, not one per rule.
  const hasFrontmatter = playbook.frontmatter !== undefined;
  for (const rule of prepared.rules) {
    const severity = prepared.severity.get(rule.id) ?? rule.defaultSeverity;
    if (severity === 'off' || (rule.needsFrontmatter !== false && !hasFrontmatter)) continue;
    if (rule.procedureOnly && playbook.kind === 'reference') continue;
    if (scope && (rule.scope ?? 'corpus') !== scope) continue;
    const url = ruleDocsUrl(rule.id, prepared.docsUrl);
    const forward = (finding: Located) => diagnostics.push({ ...finding, file: playbook.file, ruleId: rule.id, severity, url });
    const report = (finding: Finding) => forward(locate(finding));
    const started = timing ? performance.now() : 0;
    try {
      rule.check({ playbook, corpus, settings: prepared.settings, options: prepared.options.get(rule.id), now, report, forward });
    } catch (error) {
      // A rule must never take the run down: its failure is a finding on the file.
      diagnostics.push({ file: playbook.file, line: 1, column: 1, ruleId: rule.id, severity: 'error', url, message: `rule \`${rule.id}\` failed on this file: ${(error as Error).message}`, fix: 'report this as a bug in Playbook, with the file' });
    }
    if (timing) timing.addRule(rule.id, performance.now() - started);
  }
  return diagnostics;
}

/** Apply suppressions to one playbook's diagnostics and add findings about the suppressions. */
export function finishPlaybook(playbook: Playbook, diagnostics: Diagnostic[], prepared: PreparedRules): Diagnostic[] {
  const { kept, problems } = applySuppressions(playbook, diagnostics, prepared.known);
  const severity = prepared.severity.get('suppression') ?? 'off';
  if (severity === 'off' || problems.length === 0) return kept;
  const url = ruleDocsUrl('suppression', prepared.docsUrl);
  return [...kept, ...problems.map((problem) => ({ ...problem, severity, url }))];
}

/** A finding of the model about a file that is not a playbook (a symlink leaving the folder), with its rule's severity. */
export function modelDiagnostic(finding: Located, prepared: PreparedRules): Diagnostic | undefined {
  const severity = prepared.severity.get(finding.ruleId) ?? 'error';
  return severity === 'off' ? undefined : { ...finding, severity, url: ruleDocsUrl(finding.ruleId, prepared.docsUrl) };
}

function locate(finding: Finding): Omit<Located, 'file' | 'ruleId'> & { file: string; ruleId: string } {
  const located: Located = { file: '', ruleId: '', line: finding.place.start.line, column: finding.place.start.column, message: finding.message };
  if (finding.place.end) {
    located.endLine = finding.place.end.line;
    located.endColumn = finding.place.end.column;
  }
  if (finding.fix) located.fix = finding.fix;
  if (finding.data) located.data = finding.data;
  return located;
}

/**
 * Where a rule's documentation lives: `{docsUrl}{id}/` on a site, `{docsUrl}{id}.md` in a
 * repository browser (`/blob/`, `/tree/`, `/-/`) or on disk (`file:`).
 */
export function ruleDocsUrl(ruleId: string, docsUrl: string): string {
  const base = docsUrl.endsWith('/') ? docsUrl : `${docsUrl}/`;
  return /\/(blob|tree|-)\//.test(base) || base.startsWith('file:') ? `${base}${ruleId}.md` : `${base}${ruleId}/`;
}
