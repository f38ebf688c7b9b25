/**
 * Inline suppressions, each with a required reason:
 *   <!-- playbook-disable-next-line rule-id[, rule-id] -- reason -->   the next line
 *   <!-- playbook-disable rule-id[, rule-id] -- reason -->             the whole file
 * In the frontmatter the same words work as a YAML comment:
 *   # playbook-disable-next-line undocumented-step -- reason
 * A suppression without a reason, naming an unknown rule, or suppressing
 * nothing, is itself a finding (rule `suppression`).
 */
import type { Place } from '../core/findings.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { Playbook } from '../core/model.ts';

export interface Suppression {
  scope: 'next-line' | 'file';
  rules: string[];
  reason: string;
  place: Place;
  /** For next-line: the line it covers. */
  line?: number;
  used: boolean;
}

const PATTERN = /(?:<!--|#)\s*playbook-disable(-next-line)?\b([^\n]*?)(?:-->|$)/g;

/** Find every suppression comment in a playbook's text. */
export function suppressionsOf(playbook: Playbook): Suppression[] {
  const found: Suppression[] = [];
  const lines = playbook.text.split('\n');
  lines.forEach((text, index) => {
    PATTERN.lastIndex = 0;
    for (let match = PATTERN.exec(text); match; match = PATTERN.exec(text)) {
      const [rulesPart = '', reason = ''] = (match[2] ?? '').split(/\s--\s?/, 2);
      const line = index + 1;
      const suppression: Suppression = {
        scope: match[1] ? 'next-line' : 'file',
        rules: rulesPart.split(/[\s,]+/).filter(Boolean),
        reason: reason.trim(),
        place: { start: { line, column: match.index + 1 } },
        used: false,
      };
      if (match[1]) suppression.line = nextContentLine(lines, index + 1);
      found.push(suppression);
    }
  });
  return found;
}

/** The next line that is not blank and not another suppression comment (1-based). */
function nextContentLine(lines: readonly string[], from: number): number {
  for (let index = from; index < lines.length; index++) {
    const text = lines[index]!;
    if (text.trim() !== '' && !/playbook-disable/.test(text)) return index + 1;
  }
  return from + 1;
}

/** Drop suppressed diagnostics; return what is left plus findings about the suppressions themselves. */
export function applySuppressions(playbook: Playbook, diagnostics: Diagnostic[], knownRules: ReadonlySet<string>): { kept: Diagnostic[]; problems: Omit<Diagnostic, 'severity'>[] } {
  const suppressions = suppressionsOf(playbook);
  if (suppressions.length === 0) return { kept: diagnostics, problems: [] };
  const kept = diagnostics.filter((diagnostic) => {
    const matching = suppressions.find(
      (s) => s.reason !== '' && s.rules.includes(diagnostic.ruleId) && (s.scope === 'file' || s.line === diagnostic.line) && diagnostic.ruleId !== 'suppression',
    );
    if (matching) matching.used = true;
    return !matching;
  });
  const problems: Omit<Diagnostic, 'severity'>[] = [];
  for (const s of suppressions) {
    const base = { file: playbook.file, line: s.place.start.line, column: s.place.start.column, ruleId: 'suppression' };
    const form = s.scope === 'file' ? 'playbook-disable' : 'playbook-disable-next-line';
    if (s.rules.length === 0) {
      problems.push({ ...base, message: `\`${form}\` names no rule`, fix: `write \`${form} rule-id -- why it does not apply here\`` });
      continue;
    }
    const unknown = s.rules.filter((rule) => !knownRules.has(rule));
    if (unknown.length > 0) {
      problems.push({ ...base, message: `\`${form}\` names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `\`${r}\``).join(', ')}`, fix: 'use a rule id from docs/rules/' });
      continue;
    }
    if (s.reason === '') {
      problems.push({ ...base, message: `\`${form} ${s.rules.join(', ')}\` gives no reason, so it suppresses nothing`, fix: `add \` -- \` and why the rule does not apply here: \`${form} ${s.rules.join(', ')} -- reason\`` });
      continue;
    }
    if (!s.used) {
      problems.push({ ...base, message: `\`${form} ${s.rules.join(', ')}\` suppresses nothing${s.scope === 'next-line' ? ` on line ${s.line}` : ''}`, fix: 'remove the suppression comment' });
    }
  }
  return { kept, problems };
}
