// The site: Astro, fed by a content loader built on the one check pipeline (one parse for checker and
// site), indexed by Pagefind from an integration, under any base path. Base path and output folder
// come from the one settings resolver (flag > environment > playbook.config.json > default).
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/site/pagefind-integration.ts';
import { siteSettings } from './src/site/settings.ts';

const settings = siteSettings();

export default defineConfig({
  base: settings.base,
  trailingSlash: 'always',
  output: 'static',
  outDir: settings.outDir,
  // No request leaves the site's origin, and the CSP forbids inline code: never inline styles or scripts.
  build: { inlineStylesheets: 'never', format: 'directory' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [pagefindIntegration()],
});
