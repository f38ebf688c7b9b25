/**
 * `playbook build | dev | preview`: the site that ships inside this package,
 * run over the user's content with Astro's programmatic API. The user's
 * repository needs no Astro config and no pages of its own: Astro's root is
 * this package, the settings' root is the working folder (the user's
 * repository), and flags reach the site's settings as environment variables
 * (flag > environment > config file > default still holds: a flag overwrites
 * the variable).
 */
import { fileURLToPath } from 'node:url';
import { ENVIRONMENT_VARIABLES, folderOf, resolveSettings, type SettingFlags } from '../settings/resolve.ts';

/** This package's folder: Astro's project root (astro.config.mjs, src/pages). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteFlags extends SettingFlags {
  host?: string;
  port?: number;
}

export type SiteCommand = 'build' | 'dev' | 'preview';

/** Run a site command; resolves when a build is done, or when a server stops (dev, preview). */
export async function runSite(command: SiteCommand, flags: SiteFlags, io: { cwd: string; environment: NodeJS.ProcessEnv; stdout: (text: string) => void }): Promise<void> {
  const environment = io.environment;
  for (const key of ['config', 'content', 'base', 'outDir', 'cacheDir'] as const) {
    const value = flags[key];
    if (value !== undefined) environment[ENVIRONMENT_VARIABLES[key]] = value;
  }
  environment['ASTRO_TELEMETRY_DISABLED'] = '1';
  environment[ENVIRONMENT_VARIABLES.root] = io.cwd;
  // Validate the settings here, so a bad config file is one clear error before Astro starts.
  const settings = resolveSettings({ root: io.cwd, environment });
  // Astro runs from its project (this package): its server-side chunks then resolve this package's dependencies
  // even when the output folder lies in another repository.
  process.chdir(PACKAGE_ROOT);
  const astro = await import('astro');
  const server = { host: flags.host ?? '127.0.0.1', ...(flags.port ? { port: flags.port } : {}) };
  if (command === 'build') {
    await astro.build({ root: PACKAGE_ROOT, logLevel: 'info' });
    io.stdout(`Built the site into ${folderOf(settings, settings.outDir)} (base path ${settings.base}).\n`);
    return;
  }
  const running = command === 'dev' ? await astro.dev({ root: PACKAGE_ROOT, server }) : await astro.preview({ root: PACKAGE_ROOT, server });
  await new Promise<void>((resolve) => {
    const stop = () => void running.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
