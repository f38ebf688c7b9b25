/**
 * "Nothing lost", checked on the built site with a real HTML parser (parse5):
 * the search index holds every playbook page, and every internal link (`href`
 * under the base path) and `#anchor` resolves to a page and an element id.
 *
 * The pages are parsed while Pagefind indexes them in its own process
 * (`pageFactsOf` yields to the event loop between pages, so Pagefind is fed
 * and answered meanwhile); the links are checked once the index is written.
 */
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { BuiltPage } from './built-pages.ts';

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

/** Pages parsed between two turns of the event loop. */
const PAGES_PER_TURN = 8;

/** The facts of every page, by its path under the output folder. */
export async function pageFactsOf(pages: readonly BuiltPage[]): Promise<Map<string, PageFacts>> {
  const facts = new Map<string, PageFacts>();
  for (const [index, page] of pages.entries()) {
    if (index % PAGES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    facts.set(page.path, pageFacts(page.html));
  }
  return facts;
}

/** Problems of the built site in `out` (its pages' `facts`) served under `base`; empty when nothing is lost. */
export function verifyBuiltSite(out: string, base: string, facts: ReadonlyMap<string, PageFacts>, indexedFragments: number): string[] {
  const problems: string[] = [];
  const playbookPages = [...facts.values()].filter((page) => page.playbookPage).length;
  if (indexedFragments < playbookPages) problems.push(`search index holds ${indexedFragments} pages but there are ${playbookPages} playbook pages`);
  // A link's target: a page just parsed, else any other file of the site (attachments, the index, assets), looked up once.
  const files = new Map<string, boolean>();
  const isFile = (rel: string) => {
    let known = files.get(rel);
    if (known === undefined) {
      const path = join(out, rel);
      known = existsSync(path) && statSync(path).isFile();
      files.set(rel, known);
    }
    return known;
  };
  // A path ending in `/` is its folder's index.html; any other names a file (trailingSlash: 'always').
  const targetOf = (rel: string): string | undefined => {
    const candidate = posix.join(rel, rel === '' || rel.endsWith('/') ? 'index.html' : '');
    return facts.has(candidate) || isFile(candidate) ? candidate : undefined;
  };
  for (const [shown, page] of facts) {
    const pageUrl = `${base}${shown.replace(/index\.html$/, '')}`;
    for (const raw of page.hrefs) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) continue; // another origin, or mailto:
      // Relative links are resolved against the page, as a browser would.
      const url = new URL(raw, `http://site${pageUrl}`);
      const href = raw.startsWith('#') ? raw : url.pathname + url.hash;
      if (!href.startsWith(base) && !href.startsWith('#')) {
        problems.push(`${shown}: link to ${raw} leaves the base path ${base}`);
        continue;
      }
      const [path = '', anchor] = href.split('#', 2);
      let target = shown;
      if (path) {
        const found = targetOf(decodeURIComponent(path.slice(base.length)));
        if (found === undefined) {
          problems.push(`${shown}: link to ${href} leads nowhere`);
          continue;
        }
        target = found;
      }
      if (anchor && target.endsWith('.html') && !facts.get(target)?.ids.has(decodeURIComponent(anchor))) {
        problems.push(`${shown}: link to ${href}: no element with id "${anchor}"`);
      }
    }
  }
  return problems;
}
