/**
 * Worker for `playbook check`: parses one file per message and runs the
 * file-scope rules on it, so both cores share the expensive work. Answers
 * `{ playbook, fileDiagnostics }` with the syntax tree dropped (rules have run;
 * the main thread and the cache need only the model).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildCorpus } from '../core/corpus.ts';
import { readPlaybookFile, type PlaybookFile } from '../core/load.ts';
import type { ResolvedConfig } from './config.ts';
import { checkPlaybook } from './run.ts';
import { withoutTree } from './cache.ts';

const { config, now } = workerData as { config: ResolvedConfig; now: number };
const empty = buildCorpus([]);

parentPort?.on('message', (entry: PlaybookFile) => {
  const playbook = readPlaybookFile(entry);
  const fileDiagnostics = checkPlaybook(playbook, empty, config, new Date(now), undefined, 'file');
  parentPort?.postMessage({ playbook: withoutTree(playbook), fileDiagnostics });
});
parentPort?.postMessage('ready');
