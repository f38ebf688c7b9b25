import type { Reporter } from './types.ts';

/** The integration contract: an array of `{file, line, column, endLine?, endColumn?, ruleId, severity, message, url?, data?}`; the fix hint travels as `data.fix`. */
export const json: Reporter = (result) =>
  `${JSON.stringify(
    result.diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      ...(d.url ? { url: d.url } : {}),
      ...(d.fix || d.data ? { data: { ...(d.data ?? {}), ...(d.fix ? { fix: d.fix } : {}) } } : {}),
    })),
    null,
    2,
  )}\n`;
