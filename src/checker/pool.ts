/**
 * The one worker protocol: each worker thread (./worker.ts) gets the settings
 * once, then one `FileJob` per message, and answers one `FileResult` (the
 * tree-less model, the file-scope findings, the HTML when asked). A file that
 * takes longer than the limit — an input the Markdown parser chokes on — costs
 * one `parse-limit` finding and a fresh worker, never the run.
 */
import { existsSync } from 'node:fs';
import module from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderOptions } from '../core/render.ts';
import type { Settings } from '../settings/resolve.ts';
import type { FileJob, FileResult } from './check-file.ts';

/**
 * Each worker's young generation, in MiB. A file's check allocates a few MiB of short-lived objects (tokens, the
 * mdast tree, the matcher's units) and V8's default young generation is smaller: objects that are dead a file later
 * got promoted and collected again by the old generation. At 1,000 playbooks 24–48 MiB cut the peak memory by 20–28%
 * for the same wall time (garbage collection 10.5% → 9.1% of a worker's samples; docs/architecture.md); 96 used more.
 */
const YOUNG_GENERATION_MB = 32;

/**
 * The environment of a worker: this process's, and Node's on-disk compile cache where this process has it on
 * (bin/playbook.mjs turns it on): a worker then skips type stripping and compiling its modules, about 0.25 s of
 * CPU each. `enableCompileCache` covers only the thread that calls it; a worker reads the variable when it starts.
 */
function workerEnvironment(): NodeJS.ProcessEnv {
  const cacheDir = module.getCompileCacheDir?.();
  return cacheDir ? { ...process.env, NODE_COMPILE_CACHE: cacheDir } : process.env;
}

/** What every worker of a run is started with. */
export interface WorkerSetup {
  settings: Settings;
  now: number;
  render?: RenderOptions;
  timing: boolean;
}

export interface PoolOptions {
  workers: number;
  /** Longest one file may take (default 10 s). */
  timeoutMs: number;
  /** Called with each job that hit the limit: its result stands in for the file. */
  timedOut: (job: FileJob, timeoutMs: number) => FileResult;
}

/**
 * The worker script: beside this file when it runs compiled (lib/) or from a checkout (src/, Node strips the
 * types); the compiled one when this file is source loaded by the site build from an installed package, where
 * Node does not strip types under node_modules.
 */
function workerUrl(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./worker.js', import.meta.url);
  const compiled = new URL('../../lib/checker/worker.js', import.meta.url);
  return fileURLToPath(import.meta.url).includes(`${sep}node_modules${sep}`) && existsSync(compiled) ? compiled : new URL('./worker.ts', import.meta.url);
}

/** Check the jobs on worker threads; results in the order of the jobs. The jobs' bytes are handed over, not copied. */
export async function checkInWorkers(jobs: readonly FileJob[], setup: WorkerSetup, options: PoolOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  const workerCount = Math.max(1, Math.min(options.workers, jobs.length));
  let next = 0;

  const runLane = () =>
    new Promise<void>((resolve, reject) => {
      let worker: Worker;
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      const start = () => {
        const own = new Worker(workerUrl(), { workerData: setup, env: workerEnvironment(), resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
        worker = own;
        own.unref();
        // A worker that timed out may still answer before it is terminated: ignore it.
        own.on('message', (message: FileResult | 'ready') => {
          if (own !== worker) return;
          if (message !== 'ready') {
            clearTimeout(timer);
            results[current] = message;
          }
          feed();
        });
        own.on('error', (error) => {
          if (own !== worker) return;
          clearTimeout(timer);
          reject(new Error(`checker worker failed on ${jobs[current]?.file ?? 'start-up'}`, { cause: error }));
        });
      };
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate();
          resolve();
          return;
        }
        current = next++;
        const job = jobs[current]!;
        // The limit starts when the job is handed over: a worker's start-up never counts against a file.
        timer = setTimeout(() => {
          results[current] = options.timedOut(job, options.timeoutMs);
          void worker.terminate();
          start();
        }, options.timeoutMs);
        worker.postMessage(job);
      };
      start();
    });

  await Promise.all(Array.from({ length: workerCount }, runLane));
  return results;
}
