/**
 * The content-hash cache (`.playbook-cache/`, on by default, `--no-cache` to
 * skip): per file, the parsed model (without its syntax tree) and the findings
 * of file-scope rules, keyed by the file's SHA-1. A re-check after one file
 * changed parses and checks that file only; cross-file rules run on all.
 * Stored with v8.serialize (structured clone), which reads back much faster than JSON.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { Playbook, Step } from '../core/model.ts';

export const CACHE_DIR = '.playbook-cache';
const CACHE_FILE = 'check-v1.bin';

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

/** Read the cache, or an empty one when it is missing, unreadable or for another key. */
export function readCache(cwd: string, key: string): CacheData {
  try {
    const data = deserialize(readFileSync(join(cwd, CACHE_DIR, CACHE_FILE))) as CacheData;
    if (data && data.key === key && typeof data.entries === 'object') return data;
  } catch {
    // no cache yet, or a corrupt one: start afresh
  }
  return { key, entries: {} };
}

/** Write the cache atomically (a crashed write never leaves a half file). */
export function writeCache(cwd: string, data: CacheData): void {
  const folder = join(cwd, CACHE_DIR);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `${CACHE_FILE}.${process.pid}.tmp`);
  writeFileSync(temporary, serialize(data));
  renameSync(temporary, join(folder, CACHE_FILE));
  writeFileSync(join(folder, '.gitignore'), '*\n');
}

/** The model without its syntax tree (and the steps' links into it): what rules and the cache need. */
export function withoutTree(playbook: Playbook): Playbook {
  const strip = (steps: Step[]): Step[] => steps.map((step) => ({ ...step, node: { type: 'listItem', children: [] }, children: strip(step.children) }));
  return { ...playbook, tree: { type: 'root', children: [] }, steps: strip(playbook.steps) };
}
