/** The content-hash cache: sharded, keyed, and rewritten only where files changed. */
import { mkdtempSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR, readCache, shardOf, writeCache, type CacheEntry } from '../../src/checker/cache.ts';
import { parsePlaybook } from '../../src/core/parse.ts';
import { playbook } from './helpers.ts';

const entry = (name: string, hash: string): CacheEntry => ({ hash, playbook: parsePlaybook(`content/${name}`, playbook(), { path: name }), fileDiagnostics: [] });

describe('cache', () => {
  const files = Array.from({ length: 20 }, (_, index) => `content/p${index}.md`);
  const entries = Object.fromEntries(files.map((file) => [file, entry(file.slice(8), 'h1')]));

  it('reads back what it wrote, and nothing under another key', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'playbook-cache-'));
    writeCache(cwd, { key: 'k1', entries });
    expect(Object.keys(readCache(cwd, 'k1').entries).sort()).toEqual([...files].sort());
    expect(readCache(cwd, 'k1').entries['content/p3.md']?.playbook.slug).toBe('p3');
    expect(readCache(cwd, 'k2').entries).toEqual({});
    expect(readdirSync(join(cwd, CACHE_DIR))).toContain('.gitignore');
  });

  it('after one change, rewrites only the shard holding that file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'playbook-cache-'));
    writeCache(cwd, { key: 'k1', entries });
    const folder = join(cwd, CACHE_DIR);
    const shards = readdirSync(folder).filter((name) => name.endsWith('.bin'));
    const past = new Date('2020-01-01T00:00:00Z');
    for (const shard of shards) utimesSync(join(folder, shard), past, past);
    writeCache(cwd, { key: 'k1', entries: { ...entries, 'content/p7.md': entry('p7.md', 'h2') } }, ['content/p7.md']);
    const rewritten = shards.filter((shard) => statSync(join(folder, shard)).mtime.getTime() !== past.getTime());
    expect(rewritten).toEqual([`check-v2-${shardOf('content/p7.md').toString(16).padStart(2, '0')}.bin`]);
    expect(readCache(cwd, 'k1').entries['content/p7.md']?.hash).toBe('h2');
    expect(Object.keys(readCache(cwd, 'k1').entries)).toHaveLength(20);
  });
});
