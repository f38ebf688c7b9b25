import type { Reporter } from './types.ts';

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char]!).replace(/[^\t\n\r\P{Cc}]/gu, ''); // XML 1.0 forbids other control characters
}

/** JUnit XML: one testcase per playbook; its errors (and warnings) are failures. */
export const junit: Reporter = (result) => {
  const byFile = new Map<string, typeof result.diagnostics>();
  for (const file of result.files) byFile.set(file, []);
  for (const d of result.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const cases = [...byFile].map(([file, diagnostics]) => {
    const failing = diagnostics.filter((d) => d.severity !== 'info');
    if (failing.length === 0) return `    <testcase classname="playbook" name="${xml(file)}" time="0"/>`;
    const body = failing.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]${d.fix ? `\n  fix: ${d.fix}` : ''}`).join('\n');
    return `    <testcase classname="playbook" name="${xml(file)}" time="0">\n      <failure message="${xml(`${failing.length} problem${failing.length === 1 ? '' : 's'}`)}" type="${xml(failing[0]!.ruleId)}">${xml(body)}</failure>\n    </testcase>`;
  });
  const failures = [...byFile.values()].filter((list) => list.some((d) => d.severity !== 'info')).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="playbook check" tests="${byFile.size}" failures="${failures}" time="${(result.elapsedMs / 1000).toFixed(3)}">\n  <testsuite name="playbook check" tests="${byFile.size}" failures="${failures}" errors="0" skipped="0" time="${(result.elapsedMs / 1000).toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
};
