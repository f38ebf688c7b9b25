/**
 * The Astro content loaders. Playbooks come through the one check pipeline
 * (`checkCorpus`: the same parse, rules and findings as `playbook check`, with
 * each body rendered beside its parse); errors fail the build with the
 * checker's own messages unless `failBuildOnError: false`. In `astro dev` the
 * loader reloads when a file under the configured content folder changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { publishedAttachments } from '../core/attachments.ts';
import { playbookExtensionOf } from '../core/dialect.ts';
import { renderMarkdownHtml } from '../core/render.ts';
import { checkCorpus } from '../checker/check.ts';
import { countBySeverity } from '../checker/diagnostic.ts';
import { REPORTERS } from '../checker/reporters/index.ts';
import { RULES } from '../checker/rules/index.ts';
import { folderOf } from '../settings/resolve.ts';
import { lastChangedDates } from './git-dates.ts';
import { writePublishManifest } from './publish.ts';
import { siteSettings } from './settings.ts';
import { diagnosticsByFile, sitePlaybook } from './view-model.ts';

/** Raised when the checker finds errors and the build is configured to stop on them. */
export class CheckFailedError extends Error {
  override name = 'CheckFailedError';
}

async function loadPlaybooks(context: LoaderContext): Promise<void> {
  const settings = siteSettings();
  const run = await checkCorpus(settings, { render: { base: settings.base }, cache: true });
  for (const warning of run.warnings) context.logger.warn(warning);
  const counts = countBySeverity(run.diagnostics);
  if (counts.error > 0 && settings.failBuildOnError) {
    const report = REPORTERS['stylish']!({ ...run, diagnostics: run.diagnostics.filter((d) => d.severity === 'error') }, { color: false });
    throw new CheckFailedError(`playbook check found ${counts.error} error(s); the site was not built.\n\n${report}\nFix them, or set "failBuildOnError": false in playbook.config.json to publish the pages with their findings shown.`);
  }
  const { corpus } = run;
  writePublishManifest(settings, publishedAttachments(corpus));
  context.logger.info(`${corpus.playbooks.length} playbooks; checker: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`);
  const lastChanged = lastChangedDates(settings.root, corpus.playbooks.map((p) => p.file));
  context.store.clear();
  const options = { base: settings.base, now: new Date(), staleDays: settings.staleDays, lastChanged, ...(settings.editUrl ? { editUrl: settings.editUrl } : {}) };
  const byFile = diagnosticsByFile(run.diagnostics);
  for (const playbook of corpus.playbooks) {
    const data = sitePlaybook(playbook, corpus, byFile, run.html.get(playbook.file) ?? '', options);
    context.store.set({ id: playbook.slug, data: data as unknown as Record<string, unknown>, digest: context.generateDigest(data.version + JSON.stringify(data.findings)) });
  }
}

/** Playbooks under the content folder. */
export function playbookLoader(): Loader {
  return {
    name: 'playbook-loader',
    load: async (context) => {
      await loadPlaybooks(context);
      const settings = siteSettings();
      const folder = folderOf(settings, settings.content);
      context.watcher?.add(folder);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(folder) && playbookExtensionOf(path, settings.extensions)) void loadPlaybooks(context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

/** This package's reference pages: docs/*.md and docs/rules/*.md, wherever the package is installed. */
export const DOCS_FOLDER = fileURLToPath(new URL('../../docs/', import.meta.url));

/**
 * The project's reference pages (docs/*.md and the checker's rule docs, docs/rules/*.md),
 * rendered by the same pipeline under `{base}docs/`, so each finding's `url` points at this site.
 */
export function docsLoader(): Loader {
  return {
    name: 'playbook-docs',
    load: async ({ store, generateDigest }) => {
      const { base } = siteSettings();
      store.clear();
      const root = DOCS_FOLDER;
      const pages = [...readdirSync(root).filter((n) => n.endsWith('.md')), ...readdirSync(join(root, 'rules')).filter((n) => n.endsWith('.md')).map((n) => `rules/${n}`)].sort();
      for (const name of pages) {
        const id = name.replace(/\.md$/, '');
        // Links to files beside the docs (the JSON Schema) point at the copies the build publishes under docs/.
        const text = readFileSync(join(root, name), 'utf8').replace(/\]\((?:\.\.\/)?([\w.-]+\.json)\)/g, `](${base}docs/$1)`);
        const rule = id.startsWith('rules/') ? RULES.find((r) => `rules/${r.id}` === id) : undefined;
        const title = /^# (.+)$/m.exec(text)?.[1] ?? id;
        const data = { id, title, rule: rule ? { description: rule.description, severity: rule.defaultSeverity } : null, html: renderMarkdownHtml(`docs/${name}`, text, { base }) };
        store.set({ id, data, digest: generateDigest(text) });
      }
    },
  };
}
