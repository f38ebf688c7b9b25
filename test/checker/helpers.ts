/** Check one or more playbooks given as text, with every rule and default config. */
import { buildCorpus } from '../../src/core/corpus.ts';
import type { Diagnostic } from '../../src/core/diagnostic.ts';
import { parsePlaybook } from '../../src/core/parse.ts';
import { resolveConfig, type ConfigFile } from '../../src/checker/config.ts';
import { RULE_IDS } from '../../src/checker/rules/index.ts';
import { checkCorpus } from '../../src/checker/run.ts';

/** "Today" for every checker test. */
export const NOW = new Date('2026-11-24T12:00:00Z');

export function check(files: Record<string, string>, config: ConfigFile = {}): Diagnostic[] {
  const playbooks = Object.entries(files).map(([path, text]) => parsePlaybook(`content/${path}`, text, { path }));
  return checkCorpus(buildCorpus(playbooks), resolveConfig(config, RULE_IDS), { now: NOW });
}

/** Findings of one rule as `line:column` strings. */
export function hits(diagnostics: readonly Diagnostic[], ruleId: string): string[] {
  return diagnostics.filter((d) => d.ruleId === ruleId).map((d) => `${d.line}:${d.column}`);
}

/** One finding of a rule, asserted to be the only one. */
export function onlyHit(diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic {
  const found = diagnostics.filter((d) => d.ruleId === ruleId);
  if (found.length !== 1) throw new Error(`expected one ${ruleId} finding, got ${found.length}: ${JSON.stringify(diagnostics, null, 2)}`);
  return found[0]!;
}

/** A well-formed playbook: frontmatter (extra lines appended) and a body with steps and Verify. */
export function playbook(extra = '', steps = '1. Restart the consumer.', more = ''): string {
  return `---\ntitle: Restart the order consumer\nsummary: Get order events flowing again.\nowner: alex\n${extra}${extra && !extra.endsWith('\n') ? '\n' : ''}---\n\n${more}## Steps\n\n${steps}\n\n## Verify\n\nThe queue depth falls below 100.\n`;
}
