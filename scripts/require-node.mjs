// Guard run before every npm script: Astro 7 and Vitest 5 need Node >= 22.12.
// The project pins Node as an exact devDependency (`node` from the npm registry),
// so `npm run …` puts node_modules/.bin/node first on PATH. If that did not
// happen (no `npm install` yet, or scripts were run with a foreign Node), say
// so clearly instead of letting Astro or Vitest fail with a cryptic error.
import { readFileSync } from 'node:fs';

const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).devDependencies.node;
const running = process.versions.node;
if (running !== pinned) {
  process.stderr.write(
    `playbook: this project runs on Node ${pinned} (pinned in package.json), but Node ${running} is running.\n` +
      `Run \`npm install\` first: it installs the pinned Node into node_modules/.bin, which every \`npm run\`, \`npm test\` and \`npx\` then uses.\n`,
  );
  process.exit(1);
}
