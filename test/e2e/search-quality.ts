/**
 * Measuring search quality on a built site, shared by `npm run bench -- search`
 * and the browser test: the labeled queries of test/fixtures/search, our search
 * as shipped (typed into the header dialog, results read as a person sees them)
 * and Pagefind's default set-up on the same pages (attributes stripped, default
 * index and ranking, first ten results), and mean reciprocal rank.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { slugOf } from '../../src/core/slug.ts';

export const QUERY_FILE = 'test/fixtures/search/openshift-queries.json';
export const QUERY_CORPUS = 'test/fixtures/corpora/openshift-runbooks';

export interface LabeledQuery {
  id: string;
  query: string;
  kind: string;
  expect: string;
  also?: string[];
  split: 'tune' | 'test';
}

export function loadQueries(file = QUERY_FILE): LabeledQuery[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: LabeledQuery[] }).queries;
}

/** The slug a result URL points at (base path, anchor and trailing slash removed). */
export function slugOfUrl(url: string, base: string): string {
  const path = decodeURIComponent(new URL(url, 'http://site').pathname);
  return (path.startsWith(base) ? path.slice(base.length) : path).replace(/\/$/, '');
}

/** 1/rank of the first result that is an acceptable file, 0 when none is in the first ten. */
export function reciprocalRank(query: LabeledQuery, resultSlugs: readonly string[]): number {
  const wanted = new Set([query.expect, ...(query.also ?? [])].map((file) => slugOf(file)));
  const rank = resultSlugs.slice(0, 10).findIndex((slug) => wanted.has(slug));
  return rank === -1 ? 0 : 1 / (rank + 1);
}

export function meanReciprocalRank(ranks: readonly number[]): number {
  return ranks.length === 0 ? 0 : ranks.reduce((total, rank) => total + rank, 0) / ranks.length;
}

/** Open the header search on a page (with `/`) and leave the dialog open. */
export async function openSearch(page: Page): Promise<void> {
  await page.locator('[data-search-open]').waitFor();
  await page.keyboard.press('/');
  await page.locator('[data-search-input]').waitFor();
}

/** How many searches the dialog has finished (each query typed, each filter changed). */
export async function searchRuns(page: Page): Promise<number> {
  return page.locator('[data-site-search]').evaluate((root) => Number((root as HTMLElement).dataset['searchRun'] ?? 0));
}

/** Wait until the dialog has finished a search after the `before`-th. */
export async function nextResults(page: Page, before: number): Promise<void> {
  await page.waitForFunction((before) => {
    const root = document.querySelector<HTMLElement>('[data-site-search]');
    return root?.dataset['searchState'] === 'done' && Number(root.dataset['searchRun'] ?? 0) > before;
  }, before, { timeout: 15_000 });
}

/** Type a query into the open dialog; the URLs of the page results (not their extra sections), in order. */
export async function oursTopTen(page: Page, query: string): Promise<string[]> {
  const input = page.locator('[data-search-input]');
  if ((await input.inputValue()) !== query) {
    const before = await searchRuns(page);
    await input.fill(query);
    await nextResults(page, before);
  }
  return page.locator('.search-hit:not(.search-hit-more)').evaluateAll((links) => links.slice(0, 10).map((link) => (link as HTMLAnchorElement).href));
}

/** Pagefind's default search from its own bundle on the page: the first ten result URLs. */
export async function defaultTopTen(page: Page, bundle: string, query: string): Promise<string[]> {
  return page.evaluate(async ({ bundle, query }) => {
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as { search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }> };
    const search = await pagefind.search(query);
    return Promise.all(search.results.slice(0, 10).map(async (result) => (await result.data()).url));
  }, { bundle, query });
}

function htmlFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/**
 * The same pages with Pagefind's default set-up: a copy of the built site with
 * every `data-pagefind-*` attribute removed (no body, ignore, weight or meta
 * marks), indexed by Pagefind's Node API with its default options. Its search
 * runs with the default ranking and no fallback.
 */
export async function buildDefaultIndex(site: string, copy: string): Promise<void> {
  rmSync(copy, { recursive: true, force: true });
  cpSync(site, copy, { recursive: true });
  rmSync(join(copy, 'pagefind'), { recursive: true, force: true });
  for (const file of htmlFiles(copy)) writeFileSync(file, readFileSync(file, 'utf8').replace(/\sdata-pagefind-[a-z-]+(?:="[^"]*")?/g, ''));
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex();
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: copy });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(copy, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  } finally {
    await pagefind.close();
  }
}
