// The site: Astro, fed by a content loader built on src/core (one parse for checker and site).
import { defineConfig } from 'astro/config';

const base = process.env.PLAYBOOK_BASE ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  output: 'static',
  outDir: 'dist',
});
