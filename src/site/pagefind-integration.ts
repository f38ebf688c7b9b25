/**
 * Search: the build indexes its own output with Pagefind's Node API (no CLI,
 * no download), writes the index and UI into `dist/pagefind/`, and checks that
 * nothing is lost: every playbook page in the index, every internal link and
 * anchor resolving (the build fails otherwise, like Docusaurus's
 * `onBrokenLinks: 'throw'`).
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { verifyBuiltSite } from './verify-build.ts';

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'playbook-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // Files the docs link to (the frontmatter JSON Schema), published beside the docs pages.
        mkdirSync(join(out, 'docs'), { recursive: true });
        for (const name of readdirSync('docs').filter((n) => n.endsWith('.json'))) copyFileSync(join('docs', name), join(out, 'docs', name));
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: out });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        const files = await index.getFiles();
        await pagefind.close();
        logger.info(`search: ${added.page_count} pages indexed`);
        const problems = verifyBuiltSite(out, files.files.filter((file) => file.path.startsWith('fragment/')).length);
        if (problems.length > 0) throw new Error(`the built site is incomplete:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      },
    },
  };
}
