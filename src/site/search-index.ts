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
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// Imported here, not inside the function: Astro closes the module runner that loaded this file before build:done.
import * as pagefind from 'pagefind';
import type { BuiltPage } from './built-pages.ts';
import { buildTermList, decodeFragment, MAX_TERMS, TERM_LIST_FOLDER, termFiles } from './search-terms.ts';

/** Weight of code (inline and blocks) against prose (1); titles are 10, summaries 6 (the page template). */
export const CODE_WEIGHT = 3;

/**
 * Most pages waiting in Pagefind at once: enough that it never waits for the next one (a fixed batch
 * waited for its slowest page before sending more), few enough that a large site is not held twice in memory.
 */
const IN_FLIGHT = 64;

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

/**
 * Index the built site in `out` (its `pages`, already read) into `out/pagefind/`, with the term list beside it.
 * Pagefind indexes in its own process: this thread is free meanwhile (the build verifies the pages then).
 */
export async function writeSearchIndex(out: string, pages: readonly BuiltPage[]): Promise<SearchIndexReport> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const indexed = pages.filter((page) => page.html.includes('data-pagefind-body'));
    const failed: string[] = [];
    let next = 0;
    // IN_FLIGHT senders, each sending its next page when Pagefind has answered its last.
    const sender = async () => {
      while (next < indexed.length && failed.length === 0) {
        const page = indexed[next++]!;
        const added = await index.addHTMLFile({ sourcePath: page.path, content: markForIndex(page.html) });
        failed.push(...added.errors);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, indexed.length) }, sender));
    if (failed.length > 0) throw new Error(`Pagefind could not index the site: ${failed.join('; ')}`);
    const outputPath = join(out, 'pagefind');
    // Only this run's fragments in the folder, so the count read back below is what this index holds.
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    // The fragments just written, read back from disk: asking Pagefind for its files (getFiles) built the whole index a second time.
    const fragmentFolder = join(outputPath, 'fragment');
    const fragments = readdirSync(fragmentFolder).filter((name) => name.endsWith('.pf_fragment'));
    const list = buildTermList(fragments.map((name) => decodeFragment(readFileSync(join(fragmentFolder, name)))), MAX_TERMS);
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
    return { pages: indexed.length, fragments: fragments.length, terms: { kept: list.terms.length, total: list.total, bytes, largest, files: parts.size } };
  } finally {
    await pagefind.close();
  }
}
