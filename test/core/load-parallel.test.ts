import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/load.ts';
import { loadCorpusInWorkers, parseFilesInWorkers } from '../../src/core/load-parallel.ts';
import { playbookText } from './helpers.ts';

describe('loadCorpusInWorkers', () => {
  const root = mkdtempSync(join(tmpdir(), 'playbook-parallel-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const content = join(root, 'content');
  mkdirSync(join(content, 'team'), { recursive: true });
  for (let index = 0; index < 30; index++) {
    writeFileSync(join(content, 'team', `p${index}.md`), playbookText(`title: P${index}\nsummary: s.\nowner: a${index === 3 ? '\nprerequisites:\n  - playbook: team/missing' : ''}`, `## Steps\n\n1. Run \`kubectl\` ${index}.\n`));
  }

  it('gives the same corpus as the single-threaded loader', async () => {
    const parallel = await loadCorpusInWorkers('content', { cwd: root, workers: 2, minFilesForWorkers: 1 });
    const serial = loadCorpus('content', root);
    expect(parallel.playbooks.map((p) => [p.slug, p.steps.length, p.diagnostics])).toEqual(serial.playbooks.map((p) => [p.slug, p.steps.length, p.diagnostics]));
    expect(parallel.diagnostics).toEqual(serial.diagnostics);
    expect(parallel.diagnostics.map((d) => d.ruleId)).toEqual(['unknown-playbook']);
  });

  it('turns a file that exceeds the time limit into one parse-limit diagnostic and goes on', async () => {
    writeFileSync(join(content, 'slow.md'), playbookText('title: Slow\nsummary: s.\nowner: a', Array.from({ length: 100 }, () => '*a'.repeat(2_400)).join('\n\n')));
    const [slow, fine] = await parseFilesInWorkers(
      [
        { absolute: join(content, 'slow.md'), file: 'content/slow.md', path: 'slow.md' },
        { absolute: join(content, 'team', 'p1.md'), file: 'content/team/p1.md', path: 'team/p1.md' },
      ],
      { workers: 1, timeoutMs: 300 },
    );
    expect(slow!.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['content/slow.md parse-limit']);
    expect(slow!.diagnostics[0]!.message).toContain('took more than 0.3 s');
    expect(fine!.meta.title).toBe('P1');
  });
});
