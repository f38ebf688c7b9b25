/**
 * docs/deploy.md's nginx block, run on Debian's nginx on 127.0.0.1 over a
 * small fake build (test/fixtures/deploy/site/): types (pages show, never
 * download), the base path with and without its slash, the site's 404 page,
 * caching, the security headers on every response, error pages included, and
 * attachments that cannot run script on the site's origin.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configBlock, startNginx, type Nginx } from './nginx.ts';

const DOC = 'docs/deploy.md';
const BASE = '/handbook/playbooks/';
const SITE = 'test/fixtures/deploy/site';
const YEAR = 'public, max-age=31536000, immutable';

let nginx: Nginx | undefined;
// No nginx (or a config nginx rejects) fails every test with the reason: a hook's error alone would leave them "skipped".
let notStarted: Error | undefined;

beforeAll(async () => {
  try {
    nginx = await startNginx(configBlock(readFileSync(DOC, 'utf8')), SITE, BASE);
  } catch (error) {
    notStarted = error as Error;
  }
});

afterAll(async () => {
  await nginx?.stop();
});

function running(): Nginx {
  if (!nginx) throw new Error(`nginx did not start: ${notStarted?.message ?? 'unknown reason'}`, { cause: notStarted });
  return nginx;
}

/** GET a path under the base (or an absolute path), never following redirects. */
function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${running().origin}${path.startsWith('/') ? path : BASE + path}`, { redirect: 'manual', headers });
}

/** A Content-Security-Policy as directive → value, e.g. `script-src` → `'self' 'wasm-unsafe-eval'`. */
function directives(policy: string | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values.join(' '));
  }
  return map;
}

/** The policy the pages carry in their `<meta>` (src/layouts/Base.astro). */
function pagePolicy(): Map<string, string> {
  const layout = readFileSync('src/layouts/Base.astro', 'utf8');
  const policy = /const csp = "([^"]+)"/.exec(layout)?.[1];
  if (!policy) throw new Error('src/layouts/Base.astro no longer has `const csp = "…"`: update pagePolicy() in test/deploy/nginx.test.ts to read the pages\' CSP from where it now lives.');
  return directives(policy);
}

/** The site's policy as a header: the `<meta>` one plus `frame-ancestors 'self'`. */
function sitePolicy(): Map<string, string> {
  return new Map([...pagePolicy(), ['frame-ancestors', "'self'"]]);
}

describe("docs/deploy.md's nginx config on Debian's nginx", () => {
  it("finds Debian's nginx and starts the config (nginx -t passes without a warning: no duplicate MIME extension)", () => {
    if (notStarted) throw notStarted;
    expect(running().checked).toContain('syntax is ok');
    expect(running().checked).not.toMatch(/\[(warn|emerg|alert|crit)\]/);
  });

  it.each([
    ['', 'Playbooks'],
    ['ops/restart-a-service/', 'Restart a service'],
  ])('shows the page %j as HTML (200, text/html, not a download)', async (path, heading) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await response.text()).toContain(`<h1>${heading}</h1>`);
  });

  it.each([
    ['/handbook/playbooks', BASE],
    ['ops/restart-a-service', `${BASE}ops/restart-a-service/`],
  ])('redirects %j to the form with the slash, with a relative Location', async (path, location) => {
    const response = await get(path);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(location);
  });

  it.each([
    ['_astro/index.B1a2C3d4.css', 'text/css'],
    ['_astro/page.D5e6F7g8.js', 'application/javascript'],
    ['_astro/module.H9i0J1k2.wasm', 'application/wasm'],
    ['pagefind/pagefind.js', 'application/javascript'],
    ['pagefind/pagefind-worker.js', 'application/javascript'],
    ['pagefind/pagefind-ui.js', 'application/javascript'],
    ['pagefind/pagefind-ui.css', 'text/css'],
    ['pagefind/pagefind-entry.json', 'application/json'],
    ['pagefind/pagefind.en_1154fbbd67.pf_meta', 'application/octet-stream'],
    ['pagefind/index/en_708de21.pf_index', 'application/octet-stream'],
    ['pagefind/fragment/en_bee0aca.pf_fragment', 'application/octet-stream'],
    ['pagefind/filter/en_3c4d5e6.pf_filter', 'application/octet-stream'],
    ['pagefind/wasm.en.pagefind', 'application/octet-stream'],
  ])('serves %s as %s', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')?.split(';')[0]).toBe(type);
  });

  it.each(['no/such/page/', 'no-such-page', '_astro/gone.Z9y8X7w6.js', 'pagefind/fragment/en_gone.pf_fragment', 'ops/gone.svg'])(
    'answers %j with the site\'s 404 page, status 404, the site\'s policy and no cache',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<h1>Page not found</h1>');
      expect(directives(response.headers.get('content-security-policy'))).toEqual(sitePolicy());
      expect(response.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('serves nothing outside the base path', async () => {
    const response = await get('/handbook/other/');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Page not found');
  });

  it.each([
    ['', 'no-cache'],
    ['ops/restart-a-service/', 'no-cache'],
    ['_astro/index.B1a2C3d4.css', YEAR],
    ['_astro/page.D5e6F7g8.js', YEAR],
    ['pagefind/pagefind.js', 'no-cache'],
    ['pagefind/pagefind-entry.json', 'no-cache'],
    ['pagefind/pagefind.en_1154fbbd67.pf_meta', 'no-cache'],
    ['pagefind/fragment/en_bee0aca.pf_fragment', 'no-cache'],
    ['ops/diagram.svg', 'no-cache'],
  ])('caches %j as documented: %s', async (path, cacheControl) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
  });

  it('revalidates a page with its ETag (304), headers included', async () => {
    const etag = (await get('ops/restart-a-service/')).headers.get('etag');
    expect(etag).toBeTruthy();
    const response = await get('ops/restart-a-service/', { 'if-none-match': etag! });
    expect(response.status).toBe(304);
    expect(directives(response.headers.get('content-security-policy'))).toEqual(sitePolicy());
  });

  it.each(['', 'ops/restart-a-service/', '_astro/page.D5e6F7g8.js', 'pagefind/pagefind-worker.js', 'pagefind/wasm.en.pagefind', 'no/such/page/', '/handbook/playbooks'])(
    "sends the pages' own policy plus frame-ancestors 'self' as a header on %j",
    async (path) => {
      const response = await get(path);
      const policy = directives(response.headers.get('content-security-policy'));
      expect(policy).toEqual(sitePolicy());
      // What the site needs, and nothing more: Pagefind's WebAssembly, no inline script, nothing from elsewhere.
      expect(policy.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
      expect(policy.get('object-src')).toBe("'none'");
      expect(policy.get('base-uri')).toBe("'none'");
      expect(policy.get('form-action')).toBe("'none'");
    },
  );

  it.each([
    '',
    'ops/restart-a-service/',
    'ops/restart-a-service',
    '/handbook/playbooks',
    '_astro/index.B1a2C3d4.css',
    'pagefind/pagefind.en_1154fbbd67.pf_meta',
    'ops/diagram.svg',
    'ops/runbook.pdf',
    'no/such/page/',
    '/handbook/other/',
  ])('sends frame-ancestors, nosniff and Referrer-Policy on %j', async (path) => {
    const response = await get(path);
    expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors')).toBe("'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it.each([
    ['ops/diagram.svg', 'image/svg+xml'],
    ['ops/notes.html', 'text/html'],
    ['ops/notes.txt', 'text/plain'],
    ['ops/hosts.csv', 'text/csv'],
    ['ops/runbook.pdf', 'application/pdf'],
  ])('serves the attachment %s as %s in a sandbox without script', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')?.split(';')[0]).toBe(type);
    const policy = directives(response.headers.get('content-security-policy'));
    // `sandbox` with no `allow-scripts`: an opaque origin where no script runs.
    expect(policy.get('sandbox')).toBe('');
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.has('script-src')).toBe(false);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('hands a PDF attachment to the reader\'s viewer (Content-Disposition: attachment), not to the origin', async () => {
    expect((await get('ops/runbook.pdf')).headers.get('content-disposition')).toBe('attachment');
    expect((await get('ops/diagram.svg')).headers.get('content-disposition')).toBeNull();
  });

  it('keeps the site\'s own code out of the sandbox (its pages, scripts and search still run)', async () => {
    for (const path of ['', 'ops/restart-a-service/', '_astro/page.D5e6F7g8.js', 'pagefind/pagefind-ui.js']) {
      expect(directives((await get(path)).headers.get('content-security-policy')).has('sandbox'), path).toBe(false);
    }
  });
});
