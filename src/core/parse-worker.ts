/**
 * Worker side of `loadCorpusInWorkers`: reads and parses one file per message.
 * Runs under plain Node (type stripping), so it imports with `.ts` extensions.
 */
import { parentPort } from 'node:worker_threads';
import { readPlaybookFile, type PlaybookFile } from './load.ts';

parentPort?.on('message', (entry: PlaybookFile) => {
  parentPort?.postMessage(readPlaybookFile(entry));
});
// Start-up (loading the parser) must not count against a file's time limit.
parentPort?.postMessage('ready');
