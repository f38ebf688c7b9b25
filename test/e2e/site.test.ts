/**
 * The built site in a real browser (Chromium through playwright-core), under a
 * non-root base path: what a person sees, every page type, search, filters,
 * run and shadowing modes, links, accessibility (axe-core), no request to any
 * other origin, no script from hostile content. Screenshots of each page type
 * go to test-results/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../src/core/parse.ts';
import { BASE, buildFixtureSite } from './build-site.ts';
import { launchChromium } from './chromium.ts';
import { nextResults, openSearch, oursTopTen, searchRuns } from './search-quality.ts';
import { serveStatic, type StaticServer } from './server.ts';

const SHOTS = 'test-results/screenshots';
const PAGES: Record<string, string> = {
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
  hostile: 'security/hostile-content/',
  oddName: 'ops/d%C3%A9ploiement-2-100-s%C3%BBr/',
  missing: 'no/such/page/',
};

let server: StaticServer;
let browser: Browser;
const external: string[] = [];
const cspViolations: string[] = [];

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(`${path}: ${message.text()}`);
  });
  await page.goto(`${server.url}${path}`);
  return page;
}

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // Every request is intercepted: anything not to this server is recorded and refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url.slice(0, server.url.indexOf(BASE)))) return route.continue();
    external.push(url);
    return route.abort();
  });
  return context;
}

beforeAll(async () => {
  const out = buildFixtureSite();
  server = await serveStatic(out, BASE);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the site in a browser', () => {
  it('renders every page type; screenshots written', async () => {
    const context = await newContext();
    for (const [name, path] of Object.entries(PAGES)) {
      const page = await open(context, path);
      await page.waitForLoadState('networkidle');
      const heading = await page.locator('h1').first().textContent();
      expect(heading, name).toBeTruthy();
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
      await page.close();
    }
    const dark = await newContext({ colorScheme: 'dark' });
    const page = await open(dark, PAGES['playbook']!);
    await page.screenshot({ path: `${SHOTS}/playbook-dark.png` });
    const phone = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const mobile = await open(phone, PAGES['playbook']!);
    await mobile.screenshot({ path: `${SHOTS}/playbook-phone.png` });
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await Promise.all([context.close(), dark.close(), phone.close()]);
  }, 120_000);

  it('search finds a playbook by a word that appears only in its steps, and filters narrow the results', async () => {
    const context = await newContext();
    const page = await open(context, '');
    // "patronictl" appears in the steps of the Postgres failover playbook, not in its title or summary.
    await openSearch(page);
    const links = page.locator('.search-hit:not(.search-hit-more)');
    await oursTopTen(page, 'patronictl');
    expect(await page.locator('.search-hit-title').allTextContents()).toContain('Fail over the orders Postgres primary');
    expect(await page.locator('.search-hit mark').count()).toBeGreaterThan(0);
    expect((await links.first().getAttribute('href'))?.startsWith(BASE)).toBe(true);
    // Filters: a broad word, then a tag filter.
    const before = (await oursTopTen(page, 'access')).length;
    expect(before).toBeGreaterThan(1);
    await page.locator('summary', { hasText: 'Filters' }).click();
    const runs = await searchRuns(page);
    await page.getByLabel('Tag', { exact: true }).selectOption('okta');
    await nextResults(page, runs);
    const after = await links.count();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    await context.close();
  });

  it('every internal link on every page answers 200 under the base path', async () => {
    const seen = new Set<string>([`${server.url}`]);
    const queue = [`${server.url}`];
    const broken: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await fetch(url);
      if (response.status !== 200) {
        broken.push(`${url} → ${response.status}`);
        continue;
      }
      if (!response.headers.get('content-type')?.includes('text/html')) continue;
      const html = await response.text();
      // Links, scripts and stylesheets (images in raw HTML may point anywhere; the renderer keeps them on this origin).
      for (const match of html.matchAll(/\s(?:href|src)="([^"#]+)/g)) {
        if (/\ssrc="/.test(match[0]) && !/\.(js|css|mjs)$/.test(match[1]!)) continue;
        const target = new URL(match[1]!.replaceAll('&#38;', '&').replaceAll('&amp;', '&'), url).toString();
        if (!target.startsWith(server.url.slice(0, server.url.indexOf(BASE)))) continue;
        expect(new URL(target).pathname.startsWith(BASE), `${url} links outside the base: ${target}`).toBe(true);
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(seen.size).toBeGreaterThan(40);
  });

  it('run mode keeps ticked steps across a reload and resets, with a notice, when the playbook changes', async () => {
    const context = await newContext();
    const page = await open(context, PAGES['playbook']!);
    await page.getByRole('button', { name: /Run mode/ }).click();
    const first = page.locator('li.step input.run-check').first();
    await first.check();
    await page.locator('li.step input.run-check').nth(2).check();
    await page.reload();
    await expect.poll(() => page.locator('li.step input.run-check:checked').count()).toBe(2);
    expect(await page.locator('[data-run-progress]').textContent()).toMatch(/^2 of \d+ steps done$/);
    // A new version of the playbook: simulate it by changing the version the page carries.
    await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('playbook:/intranet/playbooks/:run:'))!;
      const saved = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...saved, version: 'older' }));
    });
    await page.reload();
    await expect.poll(() => page.locator('li.step input.run-check:checked').count()).toBe(0);
    expect(await page.locator('[data-run-notice]').textContent()).toContain('changed since you last ran it');
    await context.close();
  });

  it("shadowing mode's YAML parses back into the playbook format", async () => {
    const context = await newContext();
    const page = await open(context, PAGES['playbook']!);
    await page.getByRole('button', { name: 'Shadowing mode' }).click();
    await page.getByLabel('Shadow (who watches').fill('kenji');
    await page.getByLabel('What the doer did').fill('Posted in #incidents: "starting now" - ok?');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('What the doer did').fill('Paused the orders_hourly_export DAG');
    await page.getByLabel('The playbook does not say this').check();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const yaml = await page.locator('[data-sh-yaml]').inputValue();
    const text = `---\ntitle: T\nsummary: S.\nowner: priya\nshadowing:\n${yaml}---\n\n## Steps\n\n1. Do it.\n`;
    const parsed = parsePlaybook('content/x.md', text, { path: 'x.md' });
    expect(parsed.findings).toEqual([]);
    expect(parsed.shadowing[0]!.observed.map((o) => o.text)).toEqual(['Posted in #incidents: "starting now" - ok?', 'Paused the orders_hourly_export DAG']);
    expect(parsed.shadowing[0]!.gaps[0]).toMatchObject({ status: 'open' });
    expect(parsed.shadowing[0]!.shadow).toBe('kenji');
    await context.close();
  });

  it('hostile content runs nothing: no dialog, no injected global, no request elsewhere', async () => {
    const context = await newContext();
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    for (const path of [PAGES['hostile']!, '', 'people/', 'graph/', 'gaps/', 'tags/']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined();
    }
    await page.goto(`${server.url}${PAGES['hostile']}`);
    expect(await page.title()).toContain('<img src=x onerror=window.__xss=1>');
    // Search results show hostile titles as text too.
    await page.goto(server.url);
    await openSearch(page);
    expect((await oursTopTen(page, 'hostile')).length).toBeGreaterThan(0);
    await page.locator('summary', { hasText: 'Filters' }).click();
    await page.locator('[data-search-filter-row] select').first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    // Search results and filters hold the hostile values as text only: no element from them.
    expect(await page.locator('[data-site-search] svg, [data-site-search] img, [data-site-search] script, .search-hit-excerpt :not(mark)').count()).toBe(0);
    expect(dialogs).toBe(0);
    const payloads = JSON.parse(readFileSync('test/fixtures/xss/payloads.json', 'utf8')) as { body: string[]; frontmatter: string[]; link: string[] };
    expect(payloads.body.length + payloads.frontmatter.length + payloads.link.length).toBeGreaterThanOrEqual(30);
    await context.close();
  });

  it('axe-core finds no serious or critical violation on any page type', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const context = await newContext();
    const problems: string[] = [];
    for (const [name, path] of Object.entries(PAGES)) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await open(context, path);
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForLoadState('networkidle');
        // evaluate() is not subject to the page's CSP, so axe runs without weakening it.
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        problems.push(...violations.map((v) => `${name} (${scheme}): ${v}`));
        await page.close();
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('no request left the origin and the pages never violated their CSP', () => {
    expect(external).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
