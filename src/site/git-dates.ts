/**
 * "Last changed" for every file, from git, in one pass over the history
 * (`git log --name-only`), newest first: the first commit that names a file is
 * its last change. On a shallow clone, a file whose newest commit is the
 * shallow boundary may have changed earlier than that commit says it did not:
 * we say we cannot know rather than show a wrong date.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type LastChanged = { date: string; commit: string } | { unknown: string };

export function lastChangedDates(cwd: string, files: readonly string[]): Map<string, LastChanged> {
  const result = new Map<string, LastChanged>();
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
  let log: string;
  let shallowBoundary = new Set<string>();
  try {
    if (git(['rev-parse', '--is-shallow-repository']).trim() === 'true') {
      const shallowFile = resolve(cwd, git(['rev-parse', '--git-path', 'shallow']).trim());
      shallowBoundary = new Set(readFileSync(shallowFile, 'utf8').split('\n').filter(Boolean));
    }
    log = git(['log', '--format=%x00%H %cs', '--name-only', '--no-renames', '--relative', '--', ...(files.length < 500 ? files : ['.'])]);
  } catch {
    for (const file of files) result.set(file, { unknown: 'not in a git repository' });
    return result;
  }
  const wanted = new Set(files);
  for (const block of log.split('\0')) {
    const [header, ...names] = block.trim().split('\n');
    if (!header) continue;
    const [commit = '', date = ''] = header.split(' ');
    for (const name of names) {
      if (!wanted.has(name) || result.has(name)) continue;
      result.set(name, shallowBoundary.has(commit) ? { unknown: 'shallow clone: history before this commit is missing' } : { date, commit });
    }
  }
  for (const file of files) if (!result.has(file)) result.set(file, { unknown: 'not committed yet' });
  return result;
}
