/**
 * What the checker reports: a finding of the model or of a rule, with the
 * severity the settings give its rule and the link to the rule's docs.
 * Severities belong here, never to the model or to a rule.
 */
import { compareFindings, type Located } from '../core/findings.ts';

/** How serious a finding is. Rules never choose this; defaults and config do. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic extends Located {
  severity: Severity;
  /** Link to the rule's documentation. */
  url?: string;
}

/** Order diagnostics by file, then position, then rule. */
export const compareDiagnostics: (a: Diagnostic, b: Diagnostic) => number = compareFindings;

/** Counts by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity]++;
  return counts;
}
