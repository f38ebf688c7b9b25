/**
 * One pipeline, wherever a file is parsed: `checkCorpus` gives the same model
 * and the same findings in this thread and on worker threads, from the folder
 * and from memory, on every fixture corpus.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/checker/check.ts';
import { resolveSettings } from '../../src/settings/resolve.ts';
import { NOW } from './helpers.ts';

const CORPORA = ['content', 'test/fixtures/checker/basic/content', 'test/fixtures/site/content', 'test/fixtures/corpora/openshift-runbooks'];

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : /\.md$/.test(name) ? [path] : [];
  });
}

describe('checkCorpus parity', () => {
  it.each(CORPORA)('%s: in this thread = on workers = from memory', async (content) => {
    const settings = resolveSettings({ config: { content }, environment: {} });
    const inThread = await checkCorpus(settings, { now: NOW, workers: 0 });
    const onWorkers = await checkCorpus(settings, { now: NOW, workers: 2 });
    expect(onWorkers.diagnostics).toEqual(inThread.diagnostics);
    expect(onWorkers.corpus.playbooks).toEqual(inThread.corpus.playbooks);
    const memory = inThread.corpus.playbooks.map((p) => ({ file: p.file, path: p.path, bytes: readFileSync(p.file) }));
    const fromMemory = await checkCorpus(settings, { now: NOW, workers: 0, memory });
    // Memory has no listing: files the listing skipped or reported are not part of it.
    const listed = new Set(memory.map((m) => m.file));
    expect(fromMemory.diagnostics).toEqual(inThread.diagnostics.filter((d) => listed.has(d.file)));
    expect(inThread.corpus.playbooks.length).toBeGreaterThan(0);
    expect(markdownFiles(content).length).toBeGreaterThanOrEqual(inThread.corpus.playbooks.length);
  }, 60_000);

  it('renders the same HTML in this thread and on workers', async () => {
    const settings = resolveSettings({ config: { content: 'test/fixtures/site/content' }, environment: {} });
    const inThread = await checkCorpus(settings, { now: NOW, workers: 0, render: { base: '/pb/' } });
    const onWorkers = await checkCorpus(settings, { now: NOW, workers: 2, render: { base: '/pb/' } });
    expect([...onWorkers.html]).toEqual([...inThread.html]);
    expect(inThread.html.size).toBe(inThread.corpus.playbooks.length);
  }, 60_000);
});
