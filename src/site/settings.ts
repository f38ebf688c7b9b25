/**
 * The site's view of the settings: the one resolver (flag > environment >
 * config file > default; the `playbook build` command passes its flags as
 * environment variables), with findings linking to this site's own rule
 * pages unless `docsUrl` was set.
 */
import { resolveSettings, type Settings } from '../settings/resolve.ts';

export function siteSettings(environment: NodeJS.ProcessEnv = process.env): Settings {
  const settings = resolveSettings({ environment });
  if (settings.origins.docsUrl === 'default') settings.docsUrl = `${settings.base}docs/rules/`;
  return settings;
}
