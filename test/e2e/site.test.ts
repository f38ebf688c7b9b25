/**
 * The built site in a real browser (Chromium through playwright-core), under a
 * non-root base path: what a person sees, every page type, search, filters,
 * run and shadowing modes, links, accessibility (axe-core), no request to any
 * other origin, no script from hostile content; the reader's layout at 1280 px
 * and 390 px, light and dark (search in the header, copy buttons, highlighted
 * code, no sideways scroll, readable or stacked tables, the drawer, the graph
 * in its box, print). Screenshots of each page type in each of the four go to
 * test-results/screenshots/, and printed pages too.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../src/core/parse.ts';
import { readBuiltPages } from '../../src/site/built-pages.ts';
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
  docs: 'docs/',
  rules: 'docs/rules/',
  areas: 'areas/',
  area: 'areas/on-call/',
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

let out: string;

beforeAll(async () => {
  out = buildFixtureSite();
  server = await serveStatic(out, BASE);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built site', () => {
  it('has no page over 30 KB of HTML, the docs pages included (issue 13)', () => {
    const pages = readBuiltPages(out).map((page) => ({ path: page.path, bytes: Buffer.byteLength(page.html) }));
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.filter((page) => page.bytes > 30 * 1024)).toEqual([]);
  });
});

describe('the site in a browser', () => {
  const VIEWS = [
    { device: 'desktop', viewport: { width: 1280, height: 900 }, isMobile: false },
    { device: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
  ] as const;

  it('renders every page type at 1280 and 390 px, light and dark: search in the header, copy buttons, highlighted code, no sideways scroll, readable tables; screenshots written', async () => {
    const problems: string[] = [];
    for (const view of VIEWS) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await newContext({ viewport: view.viewport, isMobile: view.isMobile, hasTouch: view.isMobile, colorScheme: scheme });
        for (const [name, path] of Object.entries(PAGES)) {
          const where = `${name} (${view.device}, ${scheme})`;
          const page = await open(context, path);
          await page.waitForLoadState('networkidle');
          expect(await page.locator('h1').first().textContent(), where).toBeTruthy();
          // The search control sits in the header of every page.
          expect(await page.locator('header.site-header .header-search > *').count(), `${where}: search in the header`).toBeGreaterThan(0);
          expect(await page.locator('main #search').count(), `${where}: no search box in the page body`).toBe(0);
          const facts = await page.evaluate(() => {
            const blocks = [...document.querySelectorAll('main pre')];
            const cells: string[] = [];
            for (const table of document.querySelectorAll<HTMLTableElement>('main table')) {
              const row = table.querySelector('tr');
              const stacked = row !== null && getComputedStyle(row).display !== 'table-row';
              if (stacked) continue;
              for (const cell of table.querySelectorAll<HTMLElement>('th, td')) {
                const box = cell.getBoundingClientRect();
                if (box.width === 0) continue;
                const probe = document.createElement('span');
                probe.style.cssText = 'display:inline-block;width:7.5ch';
                cell.append(probe);
                const least = probe.getBoundingClientRect().width;
                probe.remove();
                if (box.width < least) cells.push(`${(cell.textContent ?? '').trim().slice(0, 20)} (${Math.round(box.width)} px)`);
              }
            }
            return {
              scrollWidth: document.scrollingElement!.scrollWidth,
              innerWidth,
              blocks: blocks.length,
              withCopy: blocks.filter((pre) => pre.parentElement?.classList.contains('code-frame') && pre.parentElement.querySelector('button.copy-button')).length,
              squeezed: cells,
            };
          });
          if (facts.scrollWidth > facts.innerWidth) problems.push(`${where}: the page scrolls sideways (${facts.scrollWidth} > ${facts.innerWidth})`);
          if (facts.withCopy !== facts.blocks) problems.push(`${where}: ${facts.blocks - facts.withCopy} of ${facts.blocks} code blocks without a copy button`);
          if (facts.squeezed.length > 0) problems.push(`${where}: table cells under 8ch: ${facts.squeezed.slice(0, 5).join(', ')}`);
          await page.screenshot({ path: `${SHOTS}/${name}-${view.device}-${scheme}.png`, fullPage: true });
          await page.close();
        }
        await context.close();
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('highlights code at build time, in the light and the dark theme', async () => {
    const colours: Record<string, string> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const context = await newContext({ colorScheme: scheme });
      const page = await open(context, PAGES['playbook']!);
      const token = page.locator('main pre.code-block span[class^="l"][class*=" d"]').first();
      await token.waitFor();
      colours[scheme] = await token.evaluate((element) => getComputedStyle(element).color);
      const plain = await page.locator('main pre.code-block').first().evaluate((element) => getComputedStyle(element).color);
      expect(colours[scheme], scheme).not.toBe(plain);
      await context.close();
    }
    expect(colours['light']).not.toBe(colours['dark']);
  });

  it('a copy button copies the block, says "Copied" and tells screen readers', async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.slice(0, server.url.indexOf(BASE)) });
    const page = await open(context, PAGES['playbook']!);
    const frame = page.locator('main .code-frame').first();
    const code = (await frame.locator('pre code').textContent())!.replace(/\n$/, '');
    await frame.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => frame.locator('button.copy-button').textContent()).toBe('Copied');
    await expect.poll(() => page.locator('[data-announcer]').textContent()).toBe('Copied to the clipboard');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    // Long commands scroll inside their block, never the page.
    const phone = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const mobile = await open(phone, PAGES['playbook']!);
    const sizes = await mobile.locator('main pre').first().evaluate((pre) => ({ scroll: pre.scrollWidth, client: pre.clientWidth, right: pre.getBoundingClientRect().right }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(sizes.right).toBeLessThanOrEqual(390);
    await Promise.all([context.close(), phone.close()]);
  });

  it('on a phone the sidebar is a drawer: the menu button opens it, Escape closes it and focus returns', async () => {
    const context = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await open(context, PAGES['playbook']!);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await page.locator('[data-sidebar]').isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const current = page.locator('[data-sidebar] .sidebar a[aria-current="page"]');
    expect(await current.textContent()).toBe('Fail over the orders Postgres primary');
    expect(await current.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.locator('main').evaluate((element) => (element as HTMLElement).inert)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/drawer-phone-light.png` });
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.locator('[data-sidebar]').isVisible()).toBe(false);
    // The outline is at the top, collapsed, and leads to the steps.
    const outline = page.locator('details.toc');
    expect(await outline.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(844);
    await outline.locator('summary').click();
    await outline.getByRole('link', { name: /^1\./ }).click();
    await expect.poll(() => page.evaluate(() => Math.round(document.querySelector('li.step')!.getBoundingClientRect().top))).toBeLessThan(300);
    await context.close();
  });

  it('the sidebar marks the page shown and lists its area; breadcrumbs lead back', async () => {
    const context = await newContext();
    const page = await open(context, PAGES['playbook']!);
    const sidebar = page.getByRole('navigation', { name: 'Playbooks by area' });
    expect(await sidebar.locator('a[aria-current="page"]').textContent()).toBe('Fail over the orders Postgres primary');
    expect(await sidebar.locator('summary').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^on-call\s*5$/)]));
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
    expect((await crumbs.locator('li').allTextContents()).map((t) => t.trim())).toEqual(['Playbooks', 'on-call', 'Fail over the orders Postgres primary']);
    expect(await crumbs.getByRole('link', { name: 'on-call' }).getAttribute('href')).toBe(`${BASE}areas/on-call/`);
    // Wide screens: the steps outline is beside the page, sticky.
    const rail = page.locator('aside.rail');
    expect(await rail.isVisible()).toBe(true);
    expect(await rail.evaluate((element) => getComputedStyle(element).position)).toBe('sticky');
    expect(await rail.getByRole('link', { name: /^1\./ }).count()).toBe(1);
    await context.close();
  });

  it('/docs/ answers and links every guide and the rules; the nav calls it Docs', async () => {
    const context = await newContext();
    const page = await open(context, 'docs/');
    expect(await page.locator('h1').textContent()).toBe('Docs');
    const links = await page.locator('main a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const id of ['format', 'authoring', 'configuration', 'site', 'ci', 'deploy', 'architecture', 'rules']) expect(links, id).toContain(`${BASE}docs/${id}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Docs' }).getAttribute('href')).toBe(`${BASE}docs/`);
    expect(await nav.getByRole('link', { name: 'Rules' }).count()).toBe(0);
    await context.close();
  });

  it('the graph fits its box, zooms, names a node in full on focus, and is a list on a phone', async () => {
    const context = await newContext();
    const page = await open(context, 'graph/');
    const fits = await page.evaluate(() => {
      const wrap = document.querySelector<HTMLElement>('[data-graph]')!;
      const svg = wrap.querySelector('svg')!.getBoundingClientRect();
      const box = wrap.getBoundingClientRect();
      const nodes = [...wrap.querySelectorAll('.node rect')].map((rect) => rect.getBoundingClientRect());
      return { svg: svg.width, box: box.width, scroll: wrap.scrollWidth - wrap.clientWidth, outside: nodes.filter((n) => n.left < box.left - 1 || n.right > box.right + 1).length, nodes: nodes.length };
    });
    expect(fits.nodes).toBeGreaterThan(5);
    expect(fits.svg).toBeLessThanOrEqual(fits.box);
    expect(fits.scroll).toBeLessThanOrEqual(1);
    expect(fits.outside).toBe(0);
    expect(await page.locator('svg[width*="Infinity"], svg[height*="Infinity"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await page.locator('[data-zoom-level]').textContent()).toMatch(/^\d+%$/);
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.locator('[data-graph] a.node').first().focus();
    await expect.poll(() => page.locator('.graph-tip').isVisible()).toBe(true);
    expect(await page.locator('.graph-tip').textContent()).toBe(await page.locator('[data-graph] a.node').first().getAttribute('data-title'));
    const phone = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const mobile = await open(phone, 'graph/');
    expect(await mobile.locator('[data-graph]').isVisible()).toBe(false);
    expect(await mobile.locator('ol.graph-list a').count()).toBe(fits.nodes);
    await Promise.all([context.close(), phone.close()]);
  });

  it('the coaching tree shows every teaching relation and agrees with the table', async () => {
    const context = await newContext();
    const page = await open(context, 'people/');
    const relations = await page.locator('ul.coaching li:not(.depth-0)').count();
    const taught = await page.locator('table tbody tr').evaluateAll((rows) => rows.reduce((sum, row) => sum + Number(row.children[4]!.textContent), 0));
    expect(relations).toBe(taught);
    expect(relations).toBeGreaterThan(3);
    await context.close();
  });

  it('prints a playbook as a checklist in dark text on white, without findings or site chrome, whatever the theme', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await newContext({ colorScheme: scheme });
      const page = await open(context, PAGES['playbook']!);
      await page.emulateMedia({ media: 'print', colorScheme: scheme });
      const facts = await page.evaluate(() => {
        const shown = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)].some((element) => element.offsetParent !== null || getComputedStyle(element).display !== 'none' && element.getClientRects().length > 0);
        const luminance = (colour: string) => {
          const [r, g, b] = colour.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const text = [...document.querySelectorAll<HTMLElement>('main h1, main p, main li.step, main pre code span')].slice(0, 80).map((element) => luminance(getComputedStyle(element).color));
        return {
          darkest: Math.max(...text),
          background: getComputedStyle(document.body).backgroundColor,
          findings: shown('#findings'),
          chrome: ['.site-header', '.sidebar-pane', '.site-footer', '.rail', '.toc', '.run-controls', '.code-bar', '.breadcrumbs'].filter(shown),
        };
      });
      expect(facts.darkest, `${scheme}: every text colour dark`).toBeLessThan(0.2);
      expect(facts.background).toBe('rgb(255, 255, 255)');
      expect(facts.findings, `${scheme}: findings printed`).toBe(false);
      expect(facts.chrome, `${scheme}: chrome printed`).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/playbook-print-${scheme}.png`, fullPage: true });
      await context.close();
    }
  });

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

  it("shadowing mode records at each step, says what is missing, and its YAML parses back into the playbook format", async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.slice(0, server.url.indexOf(BASE)) });
    const page = await open(context, PAGES['playbook']!);
    await page.getByRole('button', { name: 'Shadowing mode' }).click();
    // The panel and the controls are with the steps, not at the bottom of the page.
    const panelTop = await page.locator('[data-shadowing-panel]').evaluate((element) => element.getBoundingClientRect().top + scrollY);
    const stepTop = await page.locator('li.step').first().evaluate((element) => element.getBoundingClientRect().top + scrollY);
    expect(stepTop - panelTop).toBeGreaterThan(0);
    expect(stepTop - panelTop).toBeLessThan(1200);
    // Nothing typed for the shadow: no `shadow: shadow`, and the page says what is missing.
    expect(await page.locator('[data-sh-missing]').textContent()).toContain('who watches (Shadow)');
    expect(await page.locator('[data-sh-yaml]').inputValue()).toBe('');
    await page.locator('[data-sh-copy]').click();
    expect(await page.locator('[data-sh-status]').textContent()).toContain('fill in who watches (Shadow) first');
    expect(await page.getByLabel('Shadow (watches').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Shadow (watches').fill('kenji');
    await page.getByRole('button', { name: 'Observed at step 1…' }).click();
    await page.getByLabel('What the doer did at step 1').fill('Posted in #incidents: "starting now" - ok?');
    await page.getByRole('button', { name: 'Add at step 1' }).click();
    await page.getByRole('button', { name: 'Observed at step 4…' }).click();
    await page.getByLabel('What the doer did at step 4').fill('Paused the orders_hourly_export DAG');
    await page.getByLabel('a gap at step 4').check();
    await page.getByRole('button', { name: 'Add at step 4' }).click();
    expect(await page.locator('li.step[data-step="4"] .observed-list li').first().textContent()).toContain('Gap: Paused the orders_hourly_export DAG');
    const yaml = await page.locator('[data-sh-yaml]').inputValue();
    expect(yaml).not.toContain('shadow: shadow');
    const text = `---\ntitle: T\nsummary: S.\nowner: priya\nshadowing:\n${yaml}---\n\n## Steps\n\n1. Do it.\n2. Then this.\n3. And this.\n4. Pause the writers {#pause-writers}\n`;
    const parsed = parsePlaybook('content/x.md', text, { path: 'x.md' });
    expect(parsed.findings).toEqual([]);
    expect(parsed.shadowing[0]!.observed.map((o) => o.text)).toEqual(['Posted in #incidents: "starting now" - ok?', 'Paused the orders_hourly_export DAG']);
    // Step 4 has an explicit id: the gap names it by that id, which survives renumbering.
    expect(parsed.shadowing[0]!.gaps[0]).toMatchObject({ status: 'open', step: 'pause-writers', found: 'Paused the orders_hourly_export DAG' });
    expect(parsed.shadowing[0]!.shadow).toBe('kenji');
    expect(parsed.shadowing[0]!.lead).toBe('priya');
    // Copy gives feedback, and the file opens for editing.
    await page.locator('[data-sh-copy]').click();
    await expect.poll(() => page.locator('[data-sh-status]').textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(yaml);
    expect(await page.locator('[data-sh-edit]').getAttribute('href')).toBe('https://git.example.com/team/playbooks/-/edit/main/test/fixtures/site/content/on-call/fail-over-postgres-primary.md');
    await page.locator('li.step').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/shadowing-desktop-light.png` });
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

  it('axe-core finds no serious or critical violation on any page type, on a desktop and a phone', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const problems: string[] = [];
    for (const view of VIEWS) {
      const context = await newContext({ viewport: view.viewport, isMobile: view.isMobile });
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
          problems.push(...violations.map((v) => `${name} (${view.device}, ${scheme}): ${v}`));
          await page.close();
        }
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('no request left the origin and the pages never violated their CSP', () => {
    expect(external).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
