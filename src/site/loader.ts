/**
 * The Astro content loader: the site reads playbooks through src/core (the
 * same parse as the checker), runs the checker first (errors fail the build
 * with the checker's own messages unless `failBuildOnError: false`), and
 * stores one serialisable entry per playbook. In `astro dev` it reloads when a
 * file under the content folder changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadCorpusInWorkers } from '../core/load-parallel.ts';
import { renderMarkdownHtml } from '../core/render.ts';
import { loadConfig } from '../checker/config.ts';
import { REPORTERS } from '../checker/reporters/index.ts';
import { RULES, RULE_IDS } from '../checker/rules/index.ts';
import { checkCorpus, countBySeverity, ruleDocsUrl } from '../checker/run.ts';
import { lastChangedDates } from './git-dates.ts';
import { siteConfig } from './site-config.ts';
import { diagnosticsByFile, sitePlaybook } from './view-model.ts';

/** Raised when the checker finds errors and the build is configured to stop on them. */
export class CheckFailedError extends Error {
  override name = 'CheckFailedError';
}

async function loadPlaybooks(context: LoaderContext): Promise<void> {
  const cwd = process.cwd();
  const site = siteConfig();
  const config = loadConfig(process.env['PLAYBOOK_CONFIG'], RULE_IDS, cwd);
  config.content = process.env['PLAYBOOK_CONTENT'] ?? (config.source ? config.content : site.content);
  // Rule links point at this site's own rule pages.
  config.docsUrl = `${site.base}docs/rules/`;
  const started = performance.now();
  const corpus = await loadCorpusInWorkers(config.content, { cwd });
  const diagnostics = checkCorpus(corpus, config);
  const counts = countBySeverity(diagnostics);
  const report = REPORTERS['stylish']!(
    { diagnostics: diagnostics.filter((d) => d.severity === 'error'), files: corpus.playbooks.map((p) => p.file), rules: RULES, elapsedMs: performance.now() - started, toolVersion: '0.1.0', ruleUrl: (id) => ruleDocsUrl(id, config) },
    { color: false },
  );
  if (counts.error > 0 && config.failBuildOnError) {
    throw new CheckFailedError(`playbook check found ${counts.error} error(s); the site was not built.\n\n${report}\nFix them, or set "failBuildOnError": false in playbook.config.json to publish the pages with their findings shown.`);
  }
  context.logger.info(`${corpus.playbooks.length} playbooks; checker: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`);
  const lastChanged = lastChangedDates(cwd, corpus.playbooks.map((p) => p.file));
  context.store.clear();
  const options = { base: site.base, now: new Date(), staleDays: config.staleDays, lastChanged, ...(site.editUrl ? { editUrl: site.editUrl } : {}) };
  const byFile = diagnosticsByFile(diagnostics);
  for (const playbook of corpus.playbooks) {
    const data = sitePlaybook(playbook, corpus, byFile, options);
    context.store.set({ id: playbook.slug, data: data as unknown as Record<string, unknown>, digest: context.generateDigest(data.version + JSON.stringify(data.findings)) });
  }
}

/** Playbooks under the content folder. */
export function playbookLoader(): Loader {
  return {
    name: 'playbook-loader',
    load: async (context) => {
      await loadPlaybooks(context);
      const folder = resolve(process.env['PLAYBOOK_CONTENT'] ?? siteConfig().content);
      context.watcher?.add(folder);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(folder) && /\.(md|markdown)$/i.test(path)) void loadPlaybooks(context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

/**
 * The project's reference pages (docs/*.md and the checker's rule docs, docs/rules/*.md),
 * rendered by the same pipeline under `{base}docs/`, so each finding's `url` points at this site.
 */
export function docsLoader(): Loader {
  return {
    name: 'playbook-docs',
    load: async ({ store, generateDigest }) => {
      const base = siteConfig().base;
      store.clear();
      const root = join(process.cwd(), 'docs');
      const pages = [
        ...readdirSync(root).filter((n) => n.endsWith('.md')).map((n) => n),
        ...readdirSync(join(root, 'rules')).filter((n) => n.endsWith('.md')).map((n) => `rules/${n}`),
      ].sort();
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
