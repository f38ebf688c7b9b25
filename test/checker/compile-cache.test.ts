/**
 * Node's on-disk compile cache reaches the checker's worker threads: bin/playbook.mjs turns it on for its own
 * thread, and the pool passes its folder to each worker, which then caches (and later reuses) its compiled modules.
 * `enableCompileCache` alone covers only the thread that calls it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/checker/check.ts';
import { resolveSettings } from '../../src/settings/resolve.ts';
import { NOW } from './helpers.ts';

const folder = mkdtempSync(join(tmpdir(), 'playbook-compile-cache-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('compile cache', () => {
  it('the workers write their compiled modules to the folder this process uses', async () => {
    const status = module.enableCompileCache(folder);
    expect([module.constants.compileCacheStatus.ENABLED, module.constants.compileCacheStatus.ALREADY_ENABLED]).toContain(status.status);
    expect(module.getCompileCacheDir()).toBeDefined();
    const before = filesUnder(module.getCompileCacheDir()!).length;
    await checkCorpus(resolveSettings({ root: process.cwd(), flags: { content: 'test/fixtures/checker/basic/content' } }), { now: NOW, workers: 2 });
    module.flushCompileCache();
    // Each worker strips and compiles the checker's modules (src/checker/worker.ts and what it imports) and caches them.
    expect(filesUnder(module.getCompileCacheDir()!).length).toBeGreaterThan(before + 20);
  });
});
