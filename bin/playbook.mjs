#!/usr/bin/env node
// The `playbook` command. Installed from the npm package it runs the compiled JavaScript in lib/ (Node does
// not strip TypeScript types under node_modules); in this repository it runs the TypeScript in src/ through
// Node's type stripping, with the pinned Node 24 that `npm install` puts in node_modules/.bin.
import { existsSync } from 'node:fs';
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`playbook: needs Node.js 22.12 or newer (this is ${process.versions.node}); install a current Node.js LTS, e.g. from https://nodejs.org/.\n`);
  process.exit(2);
}
// Node's on-disk compile cache (in the system's temporary folder, keyed by each file's content and Node's version):
// a second run skips parsing, type stripping and compiling the modules (about 5% of a check of 1,000 playbooks).
// src/checker/pool.ts passes it on to the worker threads. Where the folder cannot be written it is simply off;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off (docs/configuration.md).
if (!process.env.NODE_DISABLE_COMPILE_CACHE) module.enableCompileCache?.();
const compiled = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(compiled) && (major === 22 && minor < 18)) {
  process.stderr.write(`playbook: running from source needs Node.js 22.18 or newer (this is ${process.versions.node}); in this repository use \`npx playbook …\` after \`npm install\`, which runs the pinned Node.\n`);
  process.exit(2);
}
const { main } = await import(existsSync(compiled) ? compiled.href : '../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
