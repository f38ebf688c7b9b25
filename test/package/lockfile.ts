/**
 * A lockfile for a repository that installs this package from its tarball, pinning every dependency at the
 * version and integrity this project's own lockfile has: `npm ci --offline` then installs it from the npm
 * cache alone (this project's lockfile records no download addresses, so the standard registry address of
 * each tarball is filled in; npm finds it in the cache by its integrity).
 */
interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  link?: boolean;
  name?: string;
  dependencies?: Record<string, string>;
  engines?: Record<string, string>;
  [key: string]: unknown;
}

export function userLockfile(project: { packages: Record<string, LockEntry> }, tarball: string): unknown {
  const root = project.packages['']!;
  const packages: Record<string, LockEntry> = { '': { name: 'handbook', version: '1.0.0', devDependencies: { playbook: `file:${tarball}` } } };
  for (const [path, entry] of Object.entries(project.packages)) {
    if (path === '' || entry.dev || entry.link) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    packages[path] = { ...entry, resolved: entry.resolved ?? `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${entry.version}.tgz` };
  }
  packages['node_modules/playbook'] = { version: root.version!, resolved: `file:${tarball}`, dev: true, ...(root.dependencies ? { dependencies: root.dependencies } : {}), bin: { playbook: 'bin/playbook.mjs' } };
  return { name: 'handbook', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}
