/**
 * The content-hash cache (`.playbook-cache/`, on by default, `--no-cache` to
 * skip): per file, the parsed model (without its syntax tree) and the findings
 * of file-scope rules, keyed by the file's SHA-1. A re-check after one file
 * changed parses and checks that file only; cross-file rules run on all.
 * Stored with v8.serialize (structured clone), which reads back much faster than JSON,
 * in 64 shards so that writing after a one-file change stays small.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { Playbook, Step } from '../core/model.ts';

export const CACHE_DIR = '.playbook-cache';
/** Entries are spread over shards by file name, so a re-check after one change rewrites one small shard, not the whole cache. */
const SHARDS = 64;
const shardFile = (shard: number) => `check-v2-${shard.toString(16).padStart(2, '0')}.bin`;

export interface CacheEntry {
  hash: string;
  playbook: Playbook;
  fileDiagnostics: Diagnostic[];
}

export interface CacheData {
  key: string;
  entries: Record<string, CacheEntry>;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The cache key: anything that changes file-scope findings (tool version, config, rules) invalidates every entry. */
export function cacheKey(parts: unknown): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}

/** Which shard holds a file's entry (stable across runs and platforms). */
export function shardOf(file: string): number {
  return createHash('sha1').update(file).digest()[0]! % SHARDS;
}

/** Read the cache: every shard written with this key; a missing, unreadable or other-key shard contributes nothing. */
export function readCache(cwd: string, key: string): CacheData {
  const entries: Record<string, CacheEntry> = {};
  for (let shard = 0; shard < SHARDS; shard++) {
    try {
      const data = deserialize(readFileSync(join(cwd, CACHE_DIR, shardFile(shard)))) as CacheData;
      if (data && data.key === key && typeof data.entries === 'object') Object.assign(entries, data.entries);
    } catch {
      // no cache yet, or a corrupt shard: its files are parsed again
    }
  }
  return { key, entries };
}

/**
 * Write the cache atomically per shard (a crashed write never leaves a half file). With `changed`, only the
 * shards holding those files are rewritten (from `data`, so an entry of a deleted file goes when its shard
 * is next written); without it, every shard.
 */
export function writeCache(cwd: string, data: CacheData, changed?: Iterable<string>): void {
  const folder = join(cwd, CACHE_DIR);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '.gitignore'), '*\n');
  const dirty = changed ? new Set([...changed].map(shardOf)) : undefined;
  if (dirty?.size === 0) return;
  const shards = Array.from({ length: SHARDS }, () => ({} as Record<string, CacheEntry>));
  for (const [file, entry] of Object.entries(data.entries)) shards[shardOf(file)]![file] = entry;
  shards.forEach((entries, shard) => {
    if (dirty && !dirty.has(shard)) return;
    const temporary = join(folder, `${shardFile(shard)}.${process.pid}.tmp`);
    writeFileSync(temporary, serialize({ key: data.key, entries }));
    renameSync(temporary, join(folder, shardFile(shard)));
  });
}

/** The model without its syntax tree (and the steps' links into it): what rules and the cache need. */
export function withoutTree(playbook: Playbook): Playbook {
  const strip = (steps: Step[]): Step[] => steps.map((step) => ({ ...step, node: { type: 'listItem', children: [] }, children: strip(step.children) }));
  return { ...playbook, tree: { type: 'root', children: [] }, steps: strip(playbook.steps) };
}
