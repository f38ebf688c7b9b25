/**
 * Search: the build indexes its own output with Pagefind's Node API (no CLI,
 * no download; see search-index.ts), writes the index and the "did you mean"
 * term list into `dist/pagefind/`, and checks that
 * nothing is lost: every playbook page in the index, every internal link and
 * anchor resolving (the build fails otherwise, like Docusaurus's
 * `onBrokenLinks: 'throw'`).
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { readBuiltPages } from './built-pages.ts';
import { DOCS_FOLDER } from './loader.ts';
import { copyPublishedAttachments } from './publish.ts';
import { siteSettings } from './settings.ts';
import { pageFactsOf, verifyBuiltSite } from './verify-build.ts';
import { writeSearchIndex } from './search-index.ts';

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
        const pages = readBuiltPages(out);
        // Pagefind indexes in its own process while this one parses the same pages for the verification.
        const [search, facts] = await Promise.all([writeSearchIndex(out, pages), pageFactsOf(pages)]);
        logger.info(`search: ${search.pages} pages indexed; "did you mean" term list ${search.terms.kept} of ${search.terms.total} terms, ${(search.terms.bytes / 1024).toFixed(1)} KB in ${search.terms.files} files, the largest ${(search.terms.largest / 1024).toFixed(1)} KB`);
        const problems = verifyBuiltSite(out, settings.base, facts, search.fragments);
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
