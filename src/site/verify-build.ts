/**
 * "Nothing lost", checked on the built site with a real HTML parser (parse5):
 * the search index holds every playbook page, and every internal link (`href`
 * under the base path) and `#anchor` resolves to a page and an element id.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

/** What a page holds that the check reads: its ids, its links, whether it is a playbook page. */
export interface PageFacts {
  ids: Set<string>;
  hrefs: string[];
  playbookPage: boolean;
}

/** Read one HTML page: element ids, link targets, the playbook-page marker. */
export function pageFacts(html: string): PageFacts {
  const facts: PageFacts = { ids: new Set(), hrefs: [], playbookPage: false };
  const pending: Node[] = [parse(html)];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if ('attrs' in node) {
      for (const attribute of node.attrs) {
        if (attribute.name === 'id') facts.ids.add(attribute.value);
        else if (attribute.name === 'href' && node.tagName === 'a') facts.hrefs.push(attribute.value);
        else if (attribute.name === 'data-playbook-page') facts.playbookPage = true;
      }
    }
    if ('childNodes' in node) pending.push(...node.childNodes);
    if ('content' in node) pending.push(node.content as Node);
  }
  return facts;
}

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

/** Problems of the built site in `out` served under `base`; empty when nothing is lost. */
export function verifyBuiltSite(out: string, base: string, indexedFragments: number): string[] {
  const problems: string[] = [];
  const pages = new Map(htmlFiles(out).map((page) => [page, pageFacts(readFileSync(page, 'utf8'))]));
  const playbookPages = [...pages.values()].filter((facts) => facts.playbookPage).length;
  if (indexedFragments < playbookPages) problems.push(`search index holds ${indexedFragments} pages but there are ${playbookPages} playbook pages`);
  const shown = (page: string) => relative(out, page).split(sep).join('/');
  for (const [page, facts] of pages) {
    const pageUrl = `${base}${shown(page).replace(/index\.html$/, '')}`;
    for (const raw of facts.hrefs) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) continue; // another origin, or mailto:
      // Relative links are resolved against the page, as a browser would.
      const url = new URL(raw, `http://site${pageUrl}`);
      const href = raw.startsWith('#') ? raw : url.pathname + url.hash;
      if (!href.startsWith(base) && !href.startsWith('#')) {
        problems.push(`${shown(page)}: link to ${raw} leaves the base path ${base}`);
        continue;
      }
      const [path = '', anchor] = href.split('#', 2);
      let target = page;
      if (path) {
        const rel = decodeURIComponent(path.slice(base.length));
        const candidate = join(out, rel, rel === '' || rel.endsWith('/') ? 'index.html' : '');
        const file = existsSync(candidate) && statSync(candidate).isFile() ? candidate : existsSync(join(out, rel)) && statSync(join(out, rel)).isFile() ? join(out, rel) : undefined;
        if (!file) {
          problems.push(`${shown(page)}: link to ${href} leads nowhere`);
          continue;
        }
        target = file;
      }
      if (anchor && target.endsWith('.html') && !pages.get(target)?.ids.has(decodeURIComponent(anchor))) {
        problems.push(`${shown(page)}: link to ${href}: no element with id "${anchor}"`);
      }
    }
  }
  return problems;
}
