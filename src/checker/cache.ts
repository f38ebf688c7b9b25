/**
 * The content-hash cache of `playbook check`: per file, the tree-less model and
 * the findings of file-scope rules (and, for a site build, the page's HTML),
 * keyed by the SHA-1 of the very bytes that were parsed.
 *
 * Nobody can poison it: it lives under `node_modules/.cache/playbook/` by
 * default (never in the repository's tracked files, as ESLint's and Babel's
 * caches), a cache folder that git tracks is not read (with a warning), and
 * its key covers this tool's own code, the rules and the settings, so a new
 * secret pattern applies to unchanged files at once.
 *
 * Stored with v8.serialize in 64 shards by file name: a re-check after one
 * edit rewrites one small shard.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { FileResult } from './check-file.ts';

const SHARDS = 64;
const shardFile = (shard: number) => `shard-${shard.toString(16).padStart(2, '0')}.bin`;

export interface CacheData {
  key: string;
  entries: Map<string, FileResult>;
}

/** Which shard holds a file's entry (stable across runs and platforms). */
export function shardOf(file: string): number {
  return createHash('sha1').update(file).digest()[0]! % SHARDS;
}

let toolHash: string | undefined;

/** A hash of this tool's own code and data (every file under src/): any change to the tool invalidates every entry. */
export function toolCodeHash(): string {
  if (toolHash) return toolHash;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha1');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(root);
  toolHash = hash.digest('hex');
  return toolHash;
}

/** The key: tool code, what the run computes (rules, render options) and the settings. */
export function cacheKey(parts: unknown): string {
  return createHash('sha1').update(toolCodeHash()).update(JSON.stringify(parts)).digest('hex');
}

/** Whether git tracks anything in the folder (a committed cache could have been forged). */
export function isTrackedByGit(folder: string, cwd: string): boolean {
  try {
    return execFileSync('git', ['ls-files', '--', folder], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return false; // not a git repository, or git missing: nothing is tracked
  }
}

/** Read every shard written with this key; a missing, corrupt or other-key shard contributes nothing. */
export function readCache(folder: string, key: string): CacheData {
  const entries = new Map<string, FileResult>();
  for (let shard = 0; shard < SHARDS; shard++) {
    try {
      const data = deserialize(readFileSync(join(folder, shardFile(shard)))) as { key?: unknown; entries?: unknown };
      if (data?.key === key && data.entries instanceof Map) for (const [file, entry] of data.entries as Map<string, FileResult>) entries.set(file, entry);
    } catch {
      // no cache yet, or a corrupt shard: its files are parsed again
    }
  }
  return { key, entries };
}

/**
 * Write shards atomically (a crashed write never leaves a half file). With `changed`, only the shards
 * holding those files are rewritten; without it, every shard.
 */
export function writeCache(folder: string, data: CacheData, changed?: Iterable<string>): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '.gitignore'), '*\n');
  const dirty = changed ? new Set([...changed].map(shardOf)) : undefined;
  if (dirty?.size === 0) return;
  const shards = Array.from({ length: SHARDS }, () => new Map<string, FileResult>());
  for (const [file, entry] of data.entries) shards[shardOf(file)]!.set(file, entry);
  shards.forEach((entries, shard) => {
    if (dirty && !dirty.has(shard)) return;
    const temporary = join(folder, `${shardFile(shard)}.${process.pid}.tmp`);
    writeFileSync(temporary, serialize({ key: data.key, entries }));
    renameSync(temporary, join(folder, shardFile(shard)));
  });
}

/** Whether a folder exists (the cache was written before). */
export function cacheExists(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
