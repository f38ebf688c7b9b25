/** unreadable-file: a file under the content folder that cannot be read (a broken symlink, a link out of the folder, a link to a folder). */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../../src/checker/check.ts';
import { unreadableFile } from '../../../src/checker/rules/unreadable-file.ts';
import { resolveSettings } from '../../../src/settings/resolve.ts';
import { NOW, playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

// Files given in memory are always readable: the findings need a folder on disk (below).
testRule(unreadableFile, {
  valid: [
    { name: 'a readable playbook', code: playbook() },
    { name: 'an empty file', code: '' },
  ],
  invalid: [],
});

/** The `unreadable-file` findings of a content folder holding `a.md` and what `setUp` adds. */
async function checkFolder(setUp: (content: string, root: string) => void): Promise<{ found: string[]; messages: string[]; files: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'playbook-unreadable-'));
  const content = join(root, 'content');
  mkdirSync(content);
  writeFileSync(join(content, 'a.md'), playbook());
  setUp(content, root);
  const run = await checkCorpus(resolveSettings({ root, config: {}, environment: {} }), { rules: [unreadableFile], now: NOW, workers: 0 });
  const own = run.diagnostics.filter((d) => d.ruleId === 'unreadable-file');
  return { found: own.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`), messages: own.map((d) => d.message), files: run.files };
}

describe('unreadable-file, on a folder', () => {
  it('accepts a folder of readable playbooks', async () => {
    expect((await checkFolder(() => {})).found).toEqual([]);
  });
  it('accepts a symlink to a playbook inside the folder, read once', async () => {
    const { found, files } = await checkFolder((content) => symlinkSync(join(content, 'a.md'), join(content, 'b.md')));
    expect(found).toEqual([]);
    expect(files).toEqual(['content/a.md']);
  });
  it('flags a broken symlink at 1:1 as an error, naming the file', async () => {
    const { found, messages } = await checkFolder((content) => symlinkSync(join(content, 'gone.md'), join(content, 'b.md')));
    expect(found).toEqual(['content/b.md:1:1 error']);
    expect(messages).toEqual(['`content/b.md` cannot be resolved (ENOENT): a broken symlink?']);
  });
  it('flags a symlink to a file outside the content folder, without reading it', async () => {
    const { found, messages, files } = await checkFolder((content, root) => {
      writeFileSync(join(root, 'secret.md'), playbook());
      symlinkSync(join(root, 'secret.md'), join(content, 'b.md'));
    });
    expect(found).toEqual(['content/b.md:1:1 error']);
    expect(messages).toEqual(['`content/b.md` is a symlink to a file outside the content folder; it was not read']);
    expect(files).toEqual(['content/a.md']);
  });
  it('flags a `.md` symlink to a folder: it cannot be read as a file', async () => {
    const { found, messages } = await checkFolder((content) => {
      mkdirSync(join(content, 'folder'));
      symlinkSync(join(content, 'folder'), join(content, 'b.md'));
    });
    expect(found).toEqual(['content/b.md:1:1 error']);
    expect(messages).toEqual(['`content/b.md` cannot be read (EISDIR)']);
  });
});
