/**
 * A checker worker thread (the protocol is in pool.ts): checks one file per
 * message with `checkFile`. The rules are prepared once from the settings the
 * run resolved; nothing heavy (the matcher's lexicon, the renderer) loads
 * until a file needs it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, loadRenderer, type FileJob } from './check-file.ts';
import type { WorkerSetup } from './pool.ts';
import { RULES } from './rules/index.ts';
import { prepareRules } from './run.ts';

const setup = workerData as WorkerSetup;
const prepared = prepareRules(setup.settings, RULES);
const options = { now: new Date(setup.now), timing: setup.timing, ...(setup.render ? { render: setup.render } : {}) };
if (setup.render) await loadRenderer();

parentPort?.on('message', (job: FileJob) => {
  parentPort?.postMessage(checkFile(job, prepared, options));
});
parentPort?.postMessage('ready');
