/**
 * `npm run build` over a content folder holding every hostile file of issue 10: it does not crash,
 * publishes none of them (only the linked, inert attachments, the SVG sanitised), keeps the site's own
 * pages, and in a real browser nothing it published runs.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED, writeHostileContent } from '../support/hostile-content.ts';
import { BASE, buildFixtureSite } from './build-site.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './server.ts';

function filesUnder(root: string, folder = root): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path).split('\\').join('/')];
  });
}

describe('building hostile content', () => {
  let out: string;
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    const content = writeHostileContent(mkdtempSync(join(tmpdir(), 'playbook-hostile-')));
    out = buildFixtureSite(content);
    server = await serveStatic(out, BASE);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('publishes exactly the linked, inert attachments, under _files/', () => {
    expect(filesUnder(join(out, '_files')).sort()).toEqual(PUBLISHED);
    const svg = readFileSync(join(out, '_files/ops/evil.svg'), 'utf8');
    expect(svg).toContain('<circle');
    expect(svg).not.toMatch(/script|onload/i);
  });

  it('nothing any author wrote runs or replaces the site: no file holds the payloads, the site pages are its own', () => {
    for (const file of filesUnder(out)) {
      if (/\.(png|wasm|pagefind|pf_\w+)$/.test(file)) continue;
      expect(readFileSync(join(out, file), 'utf8'), file).not.toContain('__pwned');
    }
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('Not the real home page');
    const gapsPage = readFileSync(join(out, 'gaps/index.html'), 'utf8');
    expect(gapsPage).toContain('data-gap-table');
    expect(gapsPage).not.toContain('data-playbook-page');
    expect(readFileSync(join(out, 'people/alex/index.html'), 'utf8')).not.toContain('data-playbook-page');
    expect(readFileSync(join(out, '404.html'), 'utf8')).not.toContain('fake 404');
    for (const forbidden of ['evil.html', 'ops/kubeconfig', 'ops/prod.env', 'ops/service-account.json', 'ops/terraform.tfstate', 'ops/id_rsa', 'ops/notes.txt', 'ops/deploy']) {
      expect(filesUnder(out).some((file) => file.endsWith(forbidden)), forbidden).toBe(false);
    }
    // Every playbook is a page or an error: the playbooks at reserved routes are errors on the gaps page.
    const gapsData = readFileSync(join(out, 'gaps.json'), 'utf8');
    expect(gapsData).toContain('reserved-slug');
    expect(readFileSync(join(out, 'ops/nested-html/index.html'), 'utf8')).toContain('&#x3C;div>');
  });

  it('in the browser, the published SVG and the pages run nothing', async () => {
    const context = await browser.newContext();
    const dialogs: string[] = [];
    for (const path of ['_files/ops/evil.svg', 'ops/deploy/', 'ops/nested-html/']) {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(`${path}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null), path).toBeNull();
    }
    expect(dialogs).toEqual([]);
    await context.close();
  }, 60_000);
});
