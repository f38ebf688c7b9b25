import pc from 'picocolors';
import type { Severity } from '../diagnostic.ts';
import { countBySeverity } from '../diagnostic.ts';
import { groupBy } from '../../core/group.ts';
import type { Reporter } from './types.ts';

/** Grouped by file: `line:col  severity  message  rule-id`, the fix under it, then a summary with counts and time. */
export const stylish: Reporter = (result, { color }) => {
  const c = pc.createColors(color);
  const paint: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const byFile = groupBy(result.diagnostics, (d) => d.file);
  const out: string[] = [];
  for (const [file, diagnostics] of byFile) {
    out.push(c.underline(file));
    const width = Math.max(...diagnostics.map((d) => `${d.line}:${d.column}`.length));
    for (const d of diagnostics) {
      out.push(`  ${c.dim(`${d.line}:${d.column}`.padEnd(width))}  ${paint[d.severity](d.severity.padEnd(7))}  ${d.message}  ${c.dim(d.ruleId)}`);
      if (d.fix) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${c.dim(`→ ${d.fix}`)}`);
    }
    out.push('');
  }
  const counts = countBySeverity(result.diagnostics);
  const problems = counts.error + counts.warning + counts.info;
  const seconds = (result.elapsedMs / 1000).toFixed(2);
  const files = `${result.files.length} playbook${result.files.length === 1 ? '' : 's'}`;
  if (problems === 0) out.push(c.green(`✔ ${files} checked, no problems (${seconds}s)`));
  else out.push(`${counts.error > 0 ? c.red('✖') : c.yellow('⚠')} ${problems} problem${problems === 1 ? '' : 's'} (${paint.error(`${counts.error} error${counts.error === 1 ? '' : 's'}`)}, ${paint.warning(`${counts.warning} warning${counts.warning === 1 ? '' : 's'}`)}, ${counts.info} info) in ${files} (${seconds}s)`);
  return `${out.join('\n')}\n`;
};
