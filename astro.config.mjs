// The site: Astro, fed by a content loader built on the one check pipeline (one parse for checker and
// site), indexed by Pagefind from an integration, under any base path. Base path and output folder
// come from the one settings resolver (flag > environment > playbook.config.json > default).
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/site/pagefind-integration.ts';
import { folderOf } from './src/settings/resolve.ts';
import { siteSettings } from './src/site/settings.ts';

const settings = siteSettings();

export default defineConfig({
  base: settings.base,
  trailingSlash: 'always',
  output: 'static',
  // Relative to the repository (the working folder), not to where this package is installed.
  outDir: folderOf(settings, settings.outDir),
  // Astro keeps its content store here: one per output folder, so two builds at once never mix their pages.
  cacheDir: folderOf(settings, `${settings.cacheDir}/astro/${createHash('sha1').update(folderOf(settings, settings.outDir)).digest('hex').slice(0, 12)}`),
  // No request leaves the site's origin, and the CSP forbids inline code: never inline styles or scripts.
  // Several pages at once: with one, the thread sat idle while each page's file was written.
  build: { inlineStylesheets: 'never', format: 'directory', concurrency: 4 },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [pagefindIntegration()],
});
