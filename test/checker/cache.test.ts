/** The content-hash cache: sharded, keyed, and rewritten only where files changed. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCache, shardOf, writeCache } from '../../src/checker/cache.ts';
import { checkCorpus } from '../../src/checker/check.ts';
import type { FileResult } from '../../src/checker/check-file.ts';
import { parsePlaybook } from '../../src/core/parse.ts';
import { folderOf, resolveSettings } from '../../src/settings/resolve.ts';
import { NOW, playbook } from './helpers.ts';

const entry = (file: string, hash: string): FileResult => ({ file, hash, playbook: parsePlaybook(file, playbook(), { path: file.slice('content/'.length) }), diagnostics: [] });
const shardName = (file: string) => `shard-${shardOf(file).toString(16).padStart(2, '0')}.bin`;
/** A fresh cache folder (not created: writeCache makes it). */
const cacheFolder = () => join(mkdtempSync(join(tmpdir(), 'playbook-cache-')), 'node_modules', '.cache', 'playbook', 'check');

describe('cache', () => {
  const files = Array.from({ length: 20 }, (_, index) => `content/p${index}.md`);
  const entries = new Map(files.map((file) => [file, entry(file, 'h1')]));

  it('reads back what it wrote, and nothing under another key', () => {
    const folder = cacheFolder();
    writeCache(folder, { key: 'k1', entries });
    const read = readCache(folder, 'k1');
    expect(read.key).toBe('k1');
    expect([...read.entries.keys()].sort()).toEqual([...files].sort());
    expect(read.entries.get('content/p3.md')?.playbook.slug).toBe('p3');
    expect(read.entries.get('content/p3.md')).toEqual(entries.get('content/p3.md'));
    expect(readCache(folder, 'k2').entries.size).toBe(0);
    expect(readFileSync(join(folder, '.gitignore'), 'utf8')).toBe('*\n');
  });

  it('reads nothing from a folder that does not exist, and skips a corrupt shard', () => {
    expect(readCache(cacheFolder(), 'k1').entries.size).toBe(0);
    const folder = cacheFolder();
    writeCache(folder, { key: 'k1', entries });
    writeFileSync(join(folder, shardName('content/p3.md')), 'not a shard');
    const read = readCache(folder, 'k1');
    expect(read.entries.has('content/p3.md')).toBe(false);
    expect(read.entries.has(files.find((file) => shardOf(file) !== shardOf('content/p3.md'))!)).toBe(true);
  });

  it('after one change, rewrites only the shard holding that file', () => {
    const folder = cacheFolder();
    writeCache(folder, { key: 'k1', entries });
    const shards = readdirSync(folder).filter((name) => name.endsWith('.bin'));
    const past = new Date('2020-01-01T00:00:00Z');
    for (const shard of shards) utimesSync(join(folder, shard), past, past);
    writeCache(folder, { key: 'k1', entries: new Map([...entries, ['content/p7.md', entry('content/p7.md', 'h2')]]) }, ['content/p7.md']);
    const rewritten = shards.filter((shard) => statSync(join(folder, shard)).mtime.getTime() !== past.getTime());
    expect(rewritten).toEqual([shardName('content/p7.md')]);
    expect(readCache(folder, 'k1').entries.get('content/p7.md')?.hash).toBe('h2');
    expect(readCache(folder, 'k1').entries.size).toBe(20);
  });

  it('with an empty list of changes, rewrites nothing', () => {
    const folder = cacheFolder();
    writeCache(folder, { key: 'k1', entries });
    const past = new Date('2020-01-01T00:00:00Z');
    const shards = readdirSync(folder).filter((name) => name.endsWith('.bin'));
    for (const shard of shards) utimesSync(join(folder, shard), past, past);
    writeCache(folder, { key: 'k1', entries: new Map() }, []);
    expect(shards.filter((shard) => statSync(join(folder, shard)).mtime.getTime() !== past.getTime())).toEqual([]);
    expect(readCache(folder, 'k1').entries.size).toBe(20);
  });
});

describe('cache, through checkCorpus', () => {
  it('a warm run reads every file from the cache, gives what the cold one gave, and re-checks only an edited file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'playbook-cache-run-'));
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, 'content', 'a.md'), playbook('', '1. Restart as usual.'));
    writeFileSync(join(root, 'content', 'b.md'), playbook());
    const settings = resolveSettings({ root, config: {}, environment: {} });
    const run = async () => (await checkCorpus(settings, { cache: true, now: NOW, workers: 0 })).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
    const cold = await run();
    expect(cold).toContain('content/a.md:9:12 vague-step');
    const folder = join(folderOf(settings, settings.cacheDir), 'check');
    const shards = readdirSync(folder).filter((name) => name.endsWith('.bin'));
    expect(shards.length).toBeGreaterThan(0);
    const past = new Date('2020-01-01T00:00:00Z');
    const touched = () => shards.filter((shard) => statSync(join(folder, shard)).mtime.getTime() !== past.getTime());
    for (const shard of shards) utimesSync(join(folder, shard), past, past);
    expect(await run()).toEqual(cold);
    expect(touched()).toEqual([]);
    writeFileSync(join(root, 'content', 'a.md'), playbook('', '1. Restart the consumer.'));
    expect(await run()).not.toContain('content/a.md:9:12 vague-step');
    expect(touched()).toEqual([shardName('content/a.md')]);
  });
});
