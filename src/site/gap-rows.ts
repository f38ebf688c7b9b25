/** The rows of the gaps page: every open gap and every checker finding, across all playbooks. */
import type { SitePlaybook } from './view-model.ts';

export interface GapRow {
  kind: 'gap' | 'finding';
  playbook: string;
  href: string;
  owner: string;
  tags: string[];
  rule: string;
  severity: string;
  text: string;
  where: string;
}

export function gapRows(playbooks: readonly SitePlaybook[]): GapRow[] {
  const rows: GapRow[] = [];
  for (const p of playbooks) {
    for (const g of p.gaps.filter((gap) => gap.status === 'open')) rows.push({ kind: 'gap', playbook: p.title, href: g.stepAnchor ? `${p.href}#${g.stepAnchor}` : p.href, owner: p.owner, tags: p.tags, rule: 'open-gap', severity: 'gap', text: g.found, where: g.date });
    for (const f of p.findings.filter((finding) => finding.ruleId !== 'open-gap')) rows.push({ kind: 'finding', playbook: p.title, href: `${p.href}#findings`, owner: p.owner, tags: p.tags, rule: f.ruleId, severity: f.severity, text: f.message, where: `line ${f.line}` });
  }
  return rows;
}

/** Rows the gaps page writes into its HTML; the rest load from gaps.json (pages stay under 30 KB). */
export const ROWS_IN_HTML = 30;
