/**
 * The header search on the built fixture site, in Chromium, under a non-root
 * base path: on every page type, opened by `/` and Ctrl-K, keyboard-usable,
 * results deep-linking to the step or section that matched, every part of a
 * playbook a reader remembers found (steps, gaps, observed actions,
 * prerequisites, owner) and none of the site's chrome, a misspelt word
 * corrected and said so, no request off the origin, no CSP violation; and the
 * mean reciprocal rank on the test half of the labeled queries (the OpenShift
 * runbooks) at 0.85 or more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFragment, MAX_TERMS, TERM_LIST_FOLDER } from '../../src/site/search-terms.ts';
import { BASE, buildFixtureSite } from './build-site.ts';
import { launchChromium } from './chromium.ts';
import { loadQueries, meanReciprocalRank, nextResults, openSearch, oursTopTen, QUERY_CORPUS, reciprocalRank, searchRuns, slugOfUrl } from './search-quality.ts';
import { serveStatic, type StaticServer } from './server.ts';

const PAGE_TYPES: Record<string, string> = {
  home: '',
  playbook: 'on-call/fail-over-postgres-primary/',
  gaps: 'gaps/',
  graph: 'graph/',
  people: 'people/',
  person: 'people/alex/',
  tags: 'tags/',
  tag: 'tags/on-call/',
  rules: 'docs/rules/',
  rule: 'docs/rules/vague-step/',
  missing: 'no/such/page/',
};
const POSTGRES = 'Fail over the orders Postgres primary';

let out: string;
let server: StaticServer;
let browser: Browser;
const external: string[] = [];
const cspViolations: string[] = [];

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const origin = server.url.slice(0, server.url.indexOf(BASE));
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith(origin)) return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  return context;
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(`${path}: ${message.text()}`);
  });
  await page.goto(`${server.url}${path}`);
  return page;
}

const dialogOpen = (page: Page) => page.locator('[data-search-dialog]').evaluate((dialog) => (dialog as HTMLDialogElement).open);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const status = async (page: Page) => (await page.locator('[data-search-status]').textContent()) ?? '';
const titles = (page: Page) => page.locator('.search-hit:not(.search-hit-more) .search-hit-title').allTextContents();

beforeAll(async () => {
  out = buildFixtureSite();
  server = await serveStatic(out, BASE);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the header search', () => {
  it('is on every page type, opens with / and with Ctrl-K, closes with Escape and gives the focus back', async () => {
    const context = await newContext();
    let index = 0;
    for (const [name, path] of Object.entries(PAGE_TYPES)) {
      const page = await open(context, path);
      const button = page.getByRole('button', { name: /^Search/ });
      await expect.poll(() => button.isVisible(), { message: name }).toBe(true);
      await page.keyboard.press(index++ % 2 === 0 ? '/' : 'Control+k');
      await expect.poll(() => dialogOpen(page), { message: name }).toBe(true);
      expect(await focusedId(page), name).toBe('site-search-input');
      await page.keyboard.press('Escape');
      expect(await dialogOpen(page), name).toBe(false);
      // Opened from nowhere in particular: the focus goes to the search button.
      await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-search-open')), { message: name }).toBe(true);
      await page.close();
    }
    // Opened with the button: Escape gives the focus back to it. `/` typed in a field types a slash.
    const page = await open(context, PAGE_TYPES['playbook']!);
    await page.getByRole('button', { name: /^Search/ }).click();
    expect(await dialogOpen(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).toBe(true);
    await page.getByRole('button', { name: 'Shadowing mode' }).click();
    await page.getByRole('button', { name: 'Observed at step 1…' }).click();
    const field = page.getByLabel('What the doer did at step 1');
    await field.fill('');
    await field.press('/');
    expect(await dialogOpen(page)).toBe(false);
    expect(await field.inputValue()).toBe('/');
    await context.close();
  });

  it('shows results as you type; arrow keys choose, Enter opens the step that matched', async () => {
    const context = await newContext();
    const page = await open(context, '');
    await openSearch(page);
    // "reinit" is only in step 9 of the Postgres failover.
    const [first] = await oursTopTen(page, 'reinit');
    expect(await titles(page)).toEqual([POSTGRES]);
    expect(first?.startsWith(`${server.url}on-call/fail-over-postgres-primary/#user-content-`)).toBe(true);
    expect(await page.locator('.search-hit-section').first().textContent()).toMatch(/^Step 9: Watch the old leader rejoin/);
    expect(await page.getByRole('combobox').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const active = await page.getByRole('combobox').getAttribute('aria-activedescendant');
    expect(active).toBe('site-search-result-0');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#user-content-/);
    const target = await page.evaluate(() => {
      const element = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      return { tag: element?.tagName, step: element?.getAttribute('data-step'), text: element?.textContent ?? '' };
    });
    expect(target).toMatchObject({ tag: 'LI', step: '9' });
    expect(target.text).toContain('reinit');
    await context.close();
  });

  it('finds what a reader remembers: a gap, an observed action, a prerequisite, the owner', async () => {
    const context = await newContext();
    const page = await open(context, '');
    await openSearch(page);
    // "disagree" is only in an open gap of the Postgres failover (a gap on no step): that page, and only it.
    const gap = await oursTopTen(page, 'disagree');
    expect(await titles(page)).toEqual([POSTGRES]);
    expect(gap[0]).toBe(`${server.url}on-call/fail-over-postgres-primary/#gaps`);
    // "Jumped" is only in an action observed while shadowing.
    const observed = await oursTopTen(page, 'jumped');
    expect(await titles(page)).toEqual([POSTGRES]);
    expect(observed[0]).toBe(`${server.url}on-call/fail-over-postgres-primary/#shadowing-history`);
    // "db-admins" is only in a prerequisite.
    const prerequisite = await oursTopTen(page, 'db-admins');
    expect(await titles(page)).toEqual([POSTGRES]);
    expect(prerequisite[0]).toBe(`${server.url}on-call/fail-over-postgres-primary/#before-you-start`);
    // The owner.
    await oursTopTen(page, 'priya');
    expect(await titles(page)).toContain(POSTGRES);
    await context.close();
  });

  it('corrects a misspelt command and says so; a word nothing is near finds nothing', async () => {
    const context = await newContext();
    const page = await open(context, '');
    await openSearch(page);
    await oursTopTen(page, 'patronictk');
    expect(await status(page)).toMatch(/^Nothing matches “patronictk”: showing 1 playbook for “patronictl”/);
    expect(await titles(page)).toEqual([POSTGRES]);
    // A misspelt word in a longer query: the other words stay.
    await oursTopTen(page, 'sudo patronictl swichover');
    expect(await status(page)).toMatch(/^Nothing matches “swichover”: showing \d+ playbooks? for “sudo patronictl switchover”/);
    expect((await titles(page))[0]).toBe(POSTGRES);
    // Nothing near: no result, rather than pages matching a few letters of it (Pagefind's own fallback).
    expect(await oursTopTen(page, 'qwxzvq')).toEqual([]);
    expect(await status(page)).toBe('Nothing matches “qwxzvq”.');
    await context.close();
  });

  it('offers the nearest terms as "did you mean" buttons that search them', async () => {
    const context = await newContext();
    const page = await open(context, '');
    await openSearch(page);
    // "acount": searched as "account", and "amount" (as near) offered.
    await oursTopTen(page, 'acount');
    expect(await status(page)).toMatch(/^Nothing matches “acount”: showing \d+ playbooks? for “account”/);
    const offers = page.locator('[data-search-suggestions] button');
    expect(await page.locator('[data-search-suggestions]').textContent()).toMatch(/^Or did you mean .*amount/);
    const runs = await searchRuns(page);
    await offers.filter({ hasText: 'amount' }).click();
    await nextResults(page, runs);
    expect(await page.locator('[data-search-input]').inputValue()).toBe('amount');
    expect(await status(page)).toMatch(/for “amount”/);
    await context.close();
  });

  it('indexes no site chrome: no header, navigation, footer, sidebar, findings, forms or buttons', async () => {
    const fragments = readdirSync(join(out, 'pagefind', 'fragment')).map((name) => decodeFragment(readFileSync(join(out, 'pagefind', 'fragment', name))));
    expect(fragments.length).toBe(19);
    for (const chrome of ['Skip to content', 'Dark mode', 'Playbooks Gaps Graph People Tags Docs', 'Built from the playbooks in the repository', 'Checker findings', 'Used by', 'Run mode', 'Shadowing mode', 'What the doer did', 'Copy YAML', 'Start from zero', 'Nothing: you can start at step 1']) {
      expect(fragments.filter((fragment) => fragment.content.includes(chrome)).length, chrome).toBe(0);
    }
    const context = await newContext();
    const page = await open(context, '');
    await openSearch(page);
    // "doer" is only in the shadowing form: nothing matches it (a nearer word may be offered instead).
    await oursTopTen(page, 'doer');
    expect(await status(page)).toMatch(/^Nothing matches “doer”/);
    await context.close();
  });

  it('the term list is split by first letter, small, and holds what the index holds', () => {
    const folder = join(out, 'pagefind', TERM_LIST_FOLDER);
    const files = readdirSync(folder);
    expect(files).toEqual(expect.arrayContaining(['a.json', 'p.json', 'k.json']));
    const lists = files.map((name) => ({ name, bytes: readFileSync(join(folder, name)).length, ...(JSON.parse(readFileSync(join(folder, name), 'utf8')) as { format: number; terms: string[] }) }));
    expect(lists.every((list) => list.format === 1 && list.terms.every((term) => `${term[0]!.normalize('NFD')[0]!.toLowerCase()}.json` === list.name || list.name === '_.json'))).toBe(true);
    expect(lists.reduce((total, list) => total + list.terms.length, 0)).toBeLessThanOrEqual(MAX_TERMS);
    expect(lists.find((list) => list.name === 'p.json')?.terms).toContain('patronictl');
    expect(lists.find((list) => list.name === 'a.json')?.terms).toContain('Airflow');
    expect(Math.max(...lists.map((list) => list.bytes))).toBeLessThan(16 * 1024);
  });

  it('works on a phone: the dialog fills the screen, nothing scrolls sideways', async () => {
    const context = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await open(context, PAGE_TYPES['playbook']!);
    await page.getByRole('button', { name: /^Search/ }).tap();
    await oursTopTen(page, 'kubectl');
    const box = await page.locator('[data-search-dialog]').boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(389);
    expect(await page.locator('[data-search-results]').evaluate((list) => list.scrollWidth <= list.clientWidth)).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/search-phone.png' });
    await context.close();
  });

  it('axe-core finds no serious or critical violation in the open dialog, light and dark', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const context = await newContext();
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(context, PAGE_TYPES['playbook']!);
      await page.emulateMedia({ colorScheme: scheme });
      await openSearch(page);
      await oursTopTen(page, 'patronictl');
      await page.keyboard.press('ArrowDown');
      await page.screenshot({ path: `test-results/screenshots/search-${scheme}.png` });
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document.querySelector('[data-search-dialog]'), { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      problems.push(...violations.map((v) => `${scheme}: ${v}`));
      await page.close();
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('stays on the site origin under the base path, and never violates the CSP', async () => {
    const context = await newContext();
    const page = await open(context, PAGE_TYPES['tag']!);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await openSearch(page);
    const results = await oursTopTen(page, 'kubctl');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((url) => url.startsWith(server.url))).toBe(true);
    expect(requested).toContain(`${BASE}pagefind/pagefind.js`);
    expect(requested).toContain(`${BASE}pagefind/${TERM_LIST_FOLDER}/k.json`);
    expect(requested.every((path) => path.startsWith(BASE))).toBe(true);
    await context.close();
    expect(external).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

describe('search quality on the OpenShift runbooks', () => {
  it('the mean reciprocal rank on the test half of the labeled queries is at least 0.85', async () => {
    const site = buildFixtureSite(QUERY_CORPUS);
    const corpus = await serveStatic(site, BASE);
    try {
      const page = await browser.newPage();
      await page.goto(corpus.url);
      await openSearch(page);
      const ranks: number[] = [];
      for (const query of loadQueries().filter((q) => q.split === 'test')) ranks.push(reciprocalRank(query, (await oursTopTen(page, query.query)).map((url) => slugOfUrl(url, BASE))));
      expect(ranks.length).toBe(50);
      expect(meanReciprocalRank(ranks)).toBeGreaterThanOrEqual(0.85);
    } finally {
      await corpus.close();
    }
  }, 300_000);
});
