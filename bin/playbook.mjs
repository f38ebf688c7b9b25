#!/usr/bin/env node
// The `playbook` command. The CLI is TypeScript run by Node's type stripping (Node >= 22.18);
// inside this repository `npx playbook` and `npm run` use the pinned Node 24 from node_modules/.bin.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`playbook: needs Node 22.18 or newer (this is ${process.versions.node}). In this repository run it as \`npx playbook …\` after \`npm install\`, which uses the pinned Node.\n`);
  process.exit(2);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
