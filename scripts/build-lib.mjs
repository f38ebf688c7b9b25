// `npm pack` (prepack): compile the command line and everything it runs (src/cli, checker, core, settings,
// adopt) to JavaScript in lib/, because Node does not strip TypeScript types under node_modules. The site
// (src/pages, src/layouts, src/site, …) ships as source: Astro compiles it. `postpack` removes lib/ again,
// so a checkout never runs stale compiled code (bin/playbook.mjs prefers lib/ when it exists).
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
rmSync(join(root, 'lib'), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });
// Data files the compiled code reads beside itself (the matcher's lexicon and model).
const copyData = (folder) => {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) copyData(path);
    else if (/\.json$/.test(name)) cpSync(path, join(root, 'lib', relative(join(root, 'src'), path)));
  }
};
for (const part of ['cli', 'checker', 'core', 'settings', 'adopt']) copyData(join(root, 'src', part));
