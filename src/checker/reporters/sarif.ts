import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Reporter } from './types.ts';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0 for code-scanning uploads: every rule in `tool.driver.rules`, results pointing at them by index. */
export const sarif: Reporter = (result) => {
  const rules: ReportingDescriptor[] = result.rules.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri: result.ruleUrl(rule.id),
    help: { text: `${rule.description}. See ${result.ruleUrl(rule.id)}` },
    defaultConfiguration: { level: rule.defaultSeverity === 'off' ? 'none' : LEVEL[rule.defaultSeverity] },
  }));
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Result[] = result.diagnostics.map((d) => {
    const entry: Result = {
      ruleId: d.ruleId,
      level: LEVEL[d.severity],
      message: { text: d.fix ? `${d.message}. Fix: ${d.fix}` : d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: d.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line, startColumn: d.column, ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}) },
          },
        },
      ],
    };
    const index = indexOf.get(d.ruleId);
    if (index !== undefined) entry.ruleIndex = index;
    if (d.data) entry.properties = { data: d.data };
    return entry;
  });
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'playbook', informationUri: 'https://github.com/playbook/playbook', version: result.toolVersion, semanticVersion: result.toolVersion, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
