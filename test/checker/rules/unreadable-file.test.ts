/** unreadable-file: a file under the content folder that could not be read (a broken symlink, a link out of the folder). */
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load.ts';
import { resolveConfig } from '../../../src/checker/config.ts';
import { RULE_IDS } from '../../../src/checker/rules/index.ts';
import { checkCorpus } from '../../../src/checker/run.ts';
import { NOW, playbook } from '../helpers.ts';

function checkFolder(setUp: (content: string) => void) {
  const root = mkdtempSync(join(tmpdir(), 'playbook-unreadable-'));
  const content = join(root, 'content');
  mkdirSync(content);
  writeFileSync(join(content, 'a.md'), playbook());
  setUp(content);
  const corpus = loadCorpus('content', root);
  return checkCorpus(corpus, resolveConfig({}, RULE_IDS), { now: NOW }).filter((d) => d.ruleId === 'unreadable-file');
}

describe('unreadable-file', () => {
  it('accepts a folder of readable playbooks', () => {
    expect(checkFolder(() => {})).toEqual([]);
  });
  it('flags a broken symlink at 1:1, naming the file', () => {
    const found = checkFolder((content) => symlinkSync(join(content, 'gone.md'), join(content, 'b.md')));
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`)).toEqual(['content/b.md:1:1 error']);
    expect(found[0]?.message).toContain('content/b.md');
  });
});
