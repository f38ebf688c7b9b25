/**
 * The search index of the built site: Pagefind's Node API over the playbook
 * pages (those marked `data-pagefind-body`; site chrome, findings and forms are
 * `data-pagefind-ignore` in the page), with two marks added to the copy it
 * indexes — the served pages stay as they are, and as small:
 *   - each step (`li.step`) is a section of its own (`data-pagefind-title`), so a
 *     result links to the step that matched, not to the heading above it;
 *   - code weighs more than prose (`data-pagefind-weight`), so a command or an
 *     alert name in backticks ranks its playbook above one that mentions it.
 * Beside the index it writes the term list for "did you mean" (search-terms.ts),
 * one file per first letter in `pagefind/playbook-terms/`.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
// Imported here, not inside the function: Astro closes the module runner that loaded this file before build:done.
import * as pagefind from 'pagefind';
import { buildTermList, decodeFragment, MAX_TERMS, TERM_LIST_FOLDER, termFiles } from './search-terms.ts';

/** Weight of code (inline and blocks) against prose (1); titles are 10, summaries 6 (the page template). */
export const CODE_WEIGHT = 3;

/** Pages sent to Pagefind at once. */
const BATCH = 32;

export interface SearchIndexReport {
  /** Playbook pages indexed. */
  pages: number;
  /** Fragment files written (one per indexed page). */
  fragments: number;
  /** The term list: terms kept of those the index holds; bytes in all, and of the largest file (the most a query loads for a word). */
  terms: { kept: number; total: number; bytes: number; largest: number; files: number };
}

/** The copy of a page that Pagefind indexes: steps titled as sections, code weighted. Pure. */
export function markForIndex(html: string, codeWeight = CODE_WEIGHT): string {
  return html
    .replace(/<li\b([^>]*?)\sdata-step="([^"]*)"([^>]*)>/g, (_all, before: string, step: string, after: string) => `<li${before} data-step="${step}"${after} data-pagefind-title="Step ${step}">`)
    .replace(/<code(?=[\s>])/g, `<code data-pagefind-weight="${codeWeight}"`);
}

/** Every HTML page of the built site, outside the index's and the assets' folders. */
function htmlPages(root: string): string[] {
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

/** Index the built site in `out` into `out/pagefind/`, with the term list beside it. */
export async function writeSearchIndex(out: string): Promise<SearchIndexReport> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const pages = htmlPages(out)
      .map((path) => ({ path, html: readFileSync(path, 'utf8') }))
      .filter((page) => page.html.includes('data-pagefind-body'));
    for (let start = 0; start < pages.length; start += BATCH) {
      const added = await Promise.all(pages.slice(start, start + BATCH).map((page) => index.addHTMLFile({ sourcePath: relative(out, page.path).split(sep).join('/'), content: markForIndex(page.html) })));
      const failed = added.flatMap((result) => result.errors);
      if (failed.length > 0) throw new Error(`Pagefind could not index the site: ${failed.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    const files = await index.getFiles();
    if (files.errors.length > 0) throw new Error(`Pagefind could not list its index: ${files.errors.join('; ')}`);
    const fragments = files.files.filter((file) => file.path.startsWith('fragment/'));
    const list = buildTermList(fragments.map((file) => decodeFragment(file.content)), MAX_TERMS);
    const folder = join(out, 'pagefind', TERM_LIST_FOLDER);
    mkdirSync(folder, { recursive: true });
    let bytes = 0;
    let largest = 0;
    const parts = termFiles(list);
    for (const [shard, file] of parts) {
      const json = JSON.stringify(file);
      writeFileSync(join(folder, `${shard}.json`), json);
      bytes += Buffer.byteLength(json);
      largest = Math.max(largest, Buffer.byteLength(json));
    }
    return { pages: pages.length, fragments: fragments.length, terms: { kept: list.terms.length, total: list.total, bytes, largest, files: parts.size } };
  } finally {
    await pagefind.close();
  }
}
