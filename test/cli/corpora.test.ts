/**
 * Adopting existing runbooks (BAD-INPUTS, issue "reliability"): the check runs
 * over the real corpora without crashing, every file is either checked or
 * reported, and a file without frontmatter gets one concise finding, not a flood.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPlaybookFiles } from '../../src/core/load.ts';

const BIN = resolve('bin/playbook.mjs');

describe.each(['openshift-runbooks', '18f-handbook'])('playbook check on the %s corpus', (name) => {
  const folder = `test/fixtures/corpora/${name}`;
  it('runs to the end, reports on every file, one concise finding per file for missing frontmatter', () => {
    const result = spawnSync(process.execPath, [BIN, 'check', '--no-cache', '--content', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toBe('');
    const diagnostics = JSON.parse(result.stdout) as { file: string; ruleId: string; message: string }[];
    const files = listPlaybookFiles(folder).files.map((f) => f.file);
    expect(files.length).toBeGreaterThan(200);
    const reported = new Set(diagnostics.map((d) => d.file));
    // Every file is accounted for: these corpora have no playbook frontmatter, so each gets findings.
    expect(files.filter((file) => !reported.has(file))).toEqual([]);
    const missing = diagnostics.filter((d) => d.ruleId === 'schema' && d.message.startsWith('no frontmatter'));
    const perFile = new Map<string, number>();
    for (const d of missing) perFile.set(d.file, (perFile.get(d.file) ?? 0) + 1);
    expect([...perFile.values()].every((count) => count === 1)).toBe(true);
    if (name === 'openshift-runbooks') {
      // No frontmatter at all: one finding per file, plus the real body problems the checker still sees
      // (one runbook closes a fence with two backticks, swallowing its next steps).
      expect(missing).toHaveLength(files.length);
      expect(diagnostics.filter((d) => d.ruleId !== 'schema').map((d) => `${d.file.split('/').at(-1)} ${d.ruleId}`)).toEqual(['GuestVCPUQueueHighCritical.md unclosed-code-fence']);
    } else {
      // Jekyll frontmatter with Liquid: Liquid is one finding per file at most.
      const liquid = new Map<string, number>();
      for (const d of diagnostics.filter((x) => x.ruleId === 'foreign-syntax')) liquid.set(d.file, (liquid.get(d.file) ?? 0) + 1);
      expect(Math.max(...liquid.values())).toBe(1);
    }
  });
});
