/** Check playbooks given as text through the one pipeline (`checkCorpus`), with every rule and the given config. */
import { checkCorpus } from '../../src/checker/check.ts';
import type { Diagnostic } from '../../src/checker/diagnostic.ts';
import { resolveSettings, type Settings } from '../../src/settings/resolve.ts';
import type { ConfigFile } from '../../src/settings/schema.ts';

/** "Today" for every checker test. */
export const NOW = new Date('2026-11-24T12:00:00Z');

/** Settings from a config object, as if it were the config file (no file is read, no environment used). */
export function settingsOf(config: ConfigFile = {}): Settings {
  return resolveSettings({ root: '/nonexistent-playbook-test-root', config, environment: {} });
}

/** Every finding of every rule on `files` (paths relative to the content folder). */
export async function check(files: Record<string, string>, config: ConfigFile = {}): Promise<Diagnostic[]> {
  const memory = Object.entries(files).map(([path, text]) => ({ file: `content/${path}`, path, text }));
  return (await checkCorpus(settingsOf(config), { memory, now: NOW, workers: 0 })).diagnostics;
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
