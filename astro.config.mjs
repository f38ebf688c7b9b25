// The site: Astro, fed by a content loader built on src/core (one parse for checker and site),
// indexed by Pagefind from an integration, under any base path (PLAYBOOK_BASE).
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/site/pagefind-integration.ts';
import { normaliseBase } from './src/site/site-config.ts';

export default defineConfig({
  base: normaliseBase(process.env.PLAYBOOK_BASE),
  trailingSlash: 'always',
  output: 'static',
  outDir: process.env.PLAYBOOK_OUT_DIR ?? 'dist',
  // No request leaves the site's origin, and the CSP forbids inline code: never inline styles or scripts.
  build: { inlineStylesheets: 'never', format: 'directory' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [pagefindIntegration()],
});
