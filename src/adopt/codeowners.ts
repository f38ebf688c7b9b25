/**
 * GitHub/GitLab CODEOWNERS: who owns a path. Patterns follow gitignore rules
 * (a leading `/` anchors to the root, a name without `/` matches anywhere, a
 * trailing `/` a whole folder); the last matching line wins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';

export interface CodeOwners {
  /** The owners of a path relative to the repository root, as written (`@team/ops`, `alex@example.com`). */
  ownersOf(path: string): string[];
  /** Where the file was found, relative to the repository. */
  file: string;
}

const LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

export function readCodeOwners(root: string): CodeOwners | undefined {
  const file = LOCATIONS.find((candidate) => existsSync(join(root, candidate)));
  if (!file) return undefined;
  const rules: { match: (path: string) => boolean; owners: string[] }[] = [];
  for (const raw of readFileSync(join(root, file), 'utf8').split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('[')) continue; // blank, comment, GitLab section header
    const [pattern, ...owners] = line.split(/\s+/);
    if (!pattern || owners.length === 0) continue;
    rules.push({ match: picomatch(globOf(pattern), { dot: true }), owners });
  }
  return { file, ownersOf: (path) => rules.findLast((rule) => rule.match(path))?.owners ?? [] };
}

function globOf(pattern: string): string[] {
  const anchored = pattern.startsWith('/');
  let glob = anchored ? pattern.slice(1) : pattern;
  if (glob.endsWith('/')) glob = `${glob}**`;
  const inside = glob.includes('/') && !glob.endsWith('/**') ? glob : glob;
  const patterns = anchored || glob.slice(0, -1).includes('/') ? [inside] : [inside, `**/${inside}`];
  // A folder pattern (`docs`) also owns what is inside it.
  return patterns.flatMap((p) => (p.endsWith('**') ? [p] : [p, `${p}/**`]));
}

/** A handle from an owner as written: `@alex` → `alex`, `@org/team-ops` → `team-ops`, `alex@example.com` → `alex`. */
export function handleOf(owner: string): string {
  if (owner.includes('@') && !owner.startsWith('@')) return owner.split('@')[0]!;
  return owner.replace(/^@/, '').split('/').at(-1)!;
}
