import type { Reporter } from './types.ts';

/** Escaping for workflow-command data (the message) and properties (file, title). */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: one annotation per diagnostic on the pull request's files. */
export const github: Reporter = (result) =>
  result.diagnostics
    .map((d) => {
      const properties = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, ...(d.endLine !== undefined ? [`endLine=${d.endLine}`, `endColumn=${d.endColumn}`] : []), `title=${escapeProperty(d.ruleId)}`];
      return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.fix ? `${d.message} (fix: ${d.fix})` : d.message)}\n`;
    })
    .join('');
