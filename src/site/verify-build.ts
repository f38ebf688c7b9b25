/**
 * "Nothing lost", checked on the built site: every page a playbook should have
 * exists, the search index holds every playbook page, and every internal link
 * (href under the base path) and `#anchor` resolves to a page and an id.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { siteConfig } from './site-config.ts';

function htmlFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(path);
      } else if (name.endsWith('.html')) found.push(path);
    }
  };
  walk(root);
  return found;
}

export function verifyBuiltSite(out: string, indexedFragments: number): string[] {
  const { base } = siteConfig();
  const problems: string[] = [];
  const pages = htmlFiles(out);
  const ids = new Map<string, Set<string>>();
  const playbookPages: string[] = [];
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    ids.set(page, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    if (html.includes('data-playbook-page')) playbookPages.push(page);
  }
  if (indexedFragments < playbookPages.length) problems.push(`search index holds ${indexedFragments} pages but there are ${playbookPages.length} playbook pages`);
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    const pageUrl = `${base}${relative(out, page).split(sep).join('/').replace(/index\.html$/, '')}`;
    for (const match of html.matchAll(/\shref="([^"]+)"/g)) {
      const raw = match[1]!.replaceAll('&#38;', '&').replaceAll('&amp;', '&');
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) continue; // another origin or mailto:
      // Relative links are resolved against the page, as a browser would.
      const href = raw.startsWith('#') ? raw : new URL(raw, `http://site${pageUrl}`).pathname + (raw.includes('#') ? `#${raw.split('#')[1]}` : '');
      if (!href.startsWith(base) && !href.startsWith('#')) {
        problems.push(`${relative(out, page).split(sep).join('/')}: link to ${raw} leaves the base path ${base}`);
        continue;
      }
      const [path = '', anchor] = href.split('#', 2);
      let target = page;
      if (path) {
        const rel = decodeURIComponent(path.slice(base.length));
        const candidate = join(out, rel, rel === '' || rel.endsWith('/') ? 'index.html' : '');
        const file = existsSync(candidate) && statSync(candidate).isFile() ? candidate : existsSync(join(out, rel)) && statSync(join(out, rel)).isFile() ? join(out, rel) : undefined;
        if (!file) {
          problems.push(`${relative(out, page).split(sep).join('/')}: link to ${href} leads nowhere`);
          continue;
        }
        target = file;
      }
      if (anchor && target.endsWith('.html') && !ids.get(target)?.has(decodeURIComponent(anchor))) {
        problems.push(`${relative(out, page).split(sep).join('/')}: link to ${href}: no element with id "${anchor}"`);
      }
    }
  }
  return problems;
}
