/**
 * Load a corpus on every core, with a time limit per file: parsing happens in
 * worker threads, one file per message, and a file that takes longer than the
 * limit (a Markdown input the parser chokes on) costs one `parse-limit`
 * diagnostic and a fresh worker, never the whole run.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildCorpus } from './corpus.ts';
import { diagnosticAt } from './diagnostic.ts';
import { listPlaybookFiles, readPlaybookFile, type LoadedCorpus, type PlaybookFile } from './load.ts';
import type { Playbook } from './model.ts';
import { parsePlaybook } from './parse.ts';

export interface ParallelOptions {
  /** Worker script answering one `PlaybookFile` per message with a `Playbook` (default: ./parse-worker.ts). */
  workerUrl?: URL;
  /** Passed to each worker as `workerData`. */
  workerData?: unknown;
  cwd?: string;
  /** Worker threads (default: available cores, at most 4). */
  workers?: number;
  /** Longest a single file may take to parse (default 10 s). */
  timeoutMs?: number;
  /** Below this many files, parse in this thread: starting workers costs more than it saves. */
  minFilesForWorkers?: number;
}

/** Parse the given files on worker threads; results in the order given. */
export async function parseFilesInWorkers<Result = Playbook>(entries: readonly PlaybookFile[], options: ParallelOptions = {}): Promise<(Result | Playbook)[]> {
  const workerCount = Math.max(1, Math.min(options.workers ?? Math.min(availableParallelism(), 4), entries.length));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const results: (Result | Playbook)[] = new Array(entries.length);
  let next = 0;

  const runLane = () =>
    new Promise<void>((resolve, reject) => {
      let worker: Worker;
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      const start = () => {
        const own = new Worker(options.workerUrl ?? new URL('./parse-worker.ts', import.meta.url), { workerData: options.workerData });
        worker = own;
        own.unref();
        // A worker that timed out may still answer before it is terminated: ignore it.
        own.on('message', (playbook: Result | 'ready') => {
          if (own !== worker) return;
          if (playbook === 'ready') {
            feed();
            return;
          }
          clearTimeout(timer);
          results[current] = playbook;
          feed();
        });
        own.on('error', (error) => {
          if (own !== worker) return;
          clearTimeout(timer);
          reject(new Error(`parser worker failed on ${entries[current]?.file ?? 'start-up'}`, { cause: error }));
        });
      };
      const feed = () => {
        if (next >= entries.length) {
          void worker.terminate();
          resolve();
          return;
        }
        current = next++;
        const entry = entries[current]!;
        timer = setTimeout(() => {
          results[current] = timedOut(entry, timeoutMs);
          void worker.terminate();
          start();
        }, timeoutMs);
        worker.postMessage(entry);
      };
      start();
    });

  await Promise.all(Array.from({ length: workerCount }, runLane));
  return results;
}

function timedOut(entry: PlaybookFile, timeoutMs: number): Playbook {
  const playbook = parsePlaybook(entry.file, '', { path: entry.path });
  playbook.diagnostics = [
    diagnosticAt(entry.file, { start: { line: 1, column: 1 } }, 'parse-limit', `\`${entry.file}\` took more than ${timeoutMs / 1000} s to parse and was skipped`, {
      fix: 'simplify the Markdown: long runs of `*`, `_` or `[`, or very many list items, are slow to parse',
    }),
  ];
  return playbook;
}

/** `loadCorpus` on every core with a per-file time limit. Small folders are parsed in this thread. */
export async function loadCorpusInWorkers(contentDir: string, options: ParallelOptions = {}): Promise<LoadedCorpus> {
  const cwd = options.cwd ?? process.cwd();
  const listing = listPlaybookFiles(contentDir, cwd);
  const useWorkers = listing.files.length >= (options.minFilesForWorkers ?? 200) && (options.workers ?? 2) > 1;
  const playbooks = useWorkers ? ((await parseFilesInWorkers(listing.files, options)) as Playbook[]) : listing.files.map(readPlaybookFile);
  const corpus = buildCorpus(playbooks);
  corpus.diagnostics.unshift(...listing.diagnostics);
  return { ...corpus, contentDir, ignored: listing.ignored };
}
