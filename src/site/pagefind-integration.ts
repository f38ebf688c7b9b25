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
// Imported here, not inside the hook: Astro closes the module runner that loaded this file before build:done.
import * as pagefind from 'pagefind';
import { DOCS_FOLDER } from './loader.ts';
import { copyPublishedAttachments } from './publish.ts';
import { siteSettings } from './settings.ts';
import { verifyBuiltSite } from './verify-build.ts';

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'playbook-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const settings = siteSettings();
        // Files the docs link to (the frontmatter JSON Schema), published beside the docs pages.
        mkdirSync(join(out, 'docs'), { recursive: true });
        for (const name of readdirSync(DOCS_FOLDER).filter((n) => n.endsWith('.json'))) copyFileSync(join(DOCS_FOLDER, name), join(out, 'docs', name));
        // Attachments the playbooks link (diagrams, PDFs), judged by the one publishing rule, under _files/.
        const attachments = copyPublishedAttachments(settings, out);
        if (attachments > 0) logger.info(`${attachments} attachment(s) published under _files/`);

        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: out });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        const files = await index.getFiles();
        await pagefind.close();
        logger.info(`search: ${added.page_count} pages indexed`);
        const problems = verifyBuiltSite(out, settings.base, files.files.filter((file) => file.path.startsWith('fragment/')).length);
        if (problems.length === 0) return;
        const lost = problems.filter((p) => p.startsWith('search index'));
        if (lost.length > 0) throw new Error(`the built site lost pages:\n${lost.map((p) => `  - ${p}`).join('\n')}`);
        const list = problems.map((p) => `  - ${p}`).join('\n');
        // Like the checker's errors: fatal unless the team chose to publish while it fixes its pages.
        if (settings.failBuildOnError) throw new Error(`the built site is incomplete:\n${list}`);
        logger.warn(`the built site has ${problems.length} broken link(s) (published anyway: failBuildOnError is false):\n${list}`);
      },
    },
  };
}
