import { checkCorpus } from '../src/checker/check.ts';
import { Timing } from '../src/checker/timing.ts';
import { resolveSettings } from '../src/settings/resolve.ts';
const settings = resolveSettings({ root: '/tmp/playbook-bench-1000', config: {}, environment: {} });
const timing = new Timing();
const s = performance.now();
const run = await checkCorpus(settings, { workers: 0, timing });
console.log(run.diagnostics.length, (performance.now() - s).toFixed(0), 'ms');
console.log(timing.format().split('\n').slice(0, 20).join('\n'));
