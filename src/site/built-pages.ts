/**
 * The HTML pages of a built site, read once: the search index and the build
 * verification both go through every page, and reading (and walking) dist/
 * twice cost as much as a parse.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BuiltPage {
  /** Absolute path of the file. */
  file: string;
  /** Path under the output folder, with `/` (`tags/index.html`). */
  path: string;
  html: string;
}

/** Every HTML page of the built site in `out`, outside the index's and the assets' folders. */
export function readBuiltPages(out: string): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = join(folder, entry.name);
      // A link is followed, as a server would.
      const stat = entry.isSymbolicLink() ? statSync(file) : entry;
      if (stat.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(file);
      } else if (entry.name.endsWith('.html')) {
        pages.push({ file, path: relative(out, file).split(sep).join('/'), html: readFileSync(file, 'utf8') });
      }
    }
  };
  walk(out);
  return pages;
}
