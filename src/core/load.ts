/**
 * File I/O for the corpus: find every Markdown file under the content folder
 * (never following a symlink out of it, each real file once), read it as
 * bytes and parse it. Non-playbook files follow one documented rule
 * (`isNonPlaybookFile`), so nothing is silently half-built.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { buildCorpus, type Corpus } from './corpus.ts';
import { findingAt, type ModelFinding } from './findings.ts';
import type { Playbook } from './model.ts';
import picomatch from 'picomatch';
import { DEFAULT_EXTENSIONS, playbookExtensionOf } from './dialect.ts';
import { parsePlaybookBytes } from './parse.ts';
import { withoutExtension } from './slug.ts';

/** Raised when the content folder itself is unusable: the tool cannot run (exit 2). */
export class ContentFolderError extends Error {
  override name = 'ContentFolderError';
}

/**
 * Repository files that live beside playbooks but are not playbooks: the
 * upper-case convention names (LICENSE.md, SOURCE.md, …), the README at the
 * root of the content folder (it describes the repository; a README in a
 * subfolder is that folder's page), and `_`-prefixed files. A lower-case
 * `security.md` is a page like any other.
 */
const NON_PLAYBOOK_NAMES = /^(?:LICENSE|LICENCE|SOURCE|CHANGELOG|CONTRIBUTING|CODE_OF_CONDUCT|SECURITY|AUTHORS|NOTICE)$/;

/**
 * The documented rule for non-playbook files (BAD-INPUTS E10, docs/format.md): skipped, and listed as skipped.
 * `opening` reads the file's first bytes: a repository file (`CONTRIBUTING.md`) that opens with frontmatter
 * was made a page by its author (the 18F handbook's `pages/CONTRIBUTING.md`) and is a playbook like any other.
 */
export function isNonPlaybookFile(pathInContent: string, extensions: readonly string[] = DEFAULT_EXTENSIONS, opening?: () => string): boolean {
  const name = pathInContent.split('/').at(-1) ?? '';
  const stem = withoutExtension(name, extensions);
  if (name.startsWith('_') || (!pathInContent.includes('/') && /^(readme|index)$/i.test(stem))) return true;
  if (!NON_PLAYBOOK_NAMES.test(stem)) return false;
  return !(opening && /^\uFEFF?---\r?\n/.test(opening()));
}

/** The first bytes of a file, as text ('' when it cannot be read: the loader reports that file itself). */
export function openingOf(absolute: string, bytes = 8): string {
  try {
    const handle = openSync(absolute, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      return buffer.toString('utf8', 0, readSync(handle, buffer, 0, bytes, 0));
    } finally {
      closeSync(handle);
    }
  } catch {
    return '';
  }
}

/** Which files of the content folder are playbooks: extensions read, globs left out. */
export interface ListingOptions {
  extensions?: readonly string[];
  exclude?: readonly string[];
}

/** One Markdown file found under the content folder. */
export interface PlaybookFile {
  /** Absolute path. */
  absolute: string;
  /** Path relative to the working directory, with `/` (what findings show). */
  file: string;
  /** Path relative to the content folder, with `/`. */
  path: string;
}

export interface FileListing {
  files: PlaybookFile[];
  /** Every other file under the folder (not a dot-file, not a symlink): what a playbook may link or embed. */
  attachments: PlaybookFile[];
  /** Non-playbook Markdown files that were skipped by rule. */
  ignored: string[];
  /** Files that could not be listed or are symlinks leaving the folder. */
  findings: ModelFinding[];
}

const toPosix = (path: string) => path.split(sep).join('/');

/** List the Markdown files of a content folder. Throws `ContentFolderError` when the folder is missing. */
export function listPlaybookFiles(contentDir: string, cwd: string = process.cwd(), options: ListingOptions = {}): FileListing {
  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  const excluded = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const root = resolve(cwd, contentDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ContentFolderError(`content folder \`${toPosix(relative(cwd, root)) || '.'}\` does not exist or is not a folder. Pass the folder that holds your playbooks with \`--content DIR\` (or set PLAYBOOK_CONTENT), or create \`content/\` with \`playbook new <slug>\`.`);
  }
  const realRoot = realpathSync(root);
  const { found, links, others } = filesUnder(root, extensions);
  const files: PlaybookFile[] = [];
  const ignored: string[] = [];
  const findings: ModelFinding[] = [];
  const seenReal = new Set<string>();
  for (const path of [...found, ...links]) {
    const absolute = resolve(root, path);
    const file = toPosix(relative(cwd, absolute));
    if (isNonPlaybookFile(path, extensions, () => openingOf(absolute)) || excluded(path)) {
      ignored.push(file);
      continue;
    }
    let real: string;
    try {
      // Folders are never followed through a link, so only a linked file can lead elsewhere
      // (resolving every file costs an lstat per path segment: 0.2 s for 10,000 files).
      real = links.has(path) ? realpathSync(absolute) : resolve(realRoot, path);
    } catch (error) {
      findings.push(findingAt(file, { start: { line: 1, column: 1 } }, 'unreadable-file', `\`${file}\` cannot be resolved (${(error as NodeJS.ErrnoException).code ?? 'error'}): a broken symlink?`, { fix: 'remove the link or point it at a playbook inside the content folder' }));
      continue;
    }
    if (real !== realRoot && !real.startsWith(realRoot + sep)) {
      findings.push(findingAt(file, { start: { line: 1, column: 1 } }, 'unreadable-file', `\`${file}\` is a symlink to a file outside the content folder; it was not read`, { fix: 'copy the playbook into the content folder instead of linking to it' }));
      continue;
    }
    if (seenReal.has(real)) continue;
    seenReal.add(real);
    files.push({ absolute, file, path: toPosix(path) });
  }
  const attachments = others.map((path) => {
    const absolute = resolve(root, path);
    return { absolute, file: toPosix(relative(cwd, absolute)), path };
  });
  return { files, attachments, ignored, findings };
}

/**
 * Files under a folder: Markdown files (symlinked ones included: they are checked against the folder's
 * real path by the caller) and every other regular file. Symlinked folders are never followed: glob
 * libraries either drop symlinks silently or follow loops. Dot-files and dot-folders (`.git`,
 * `.obsidian`) are skipped. Sorted, with `/`; Markdown files that are links apart (the caller takes them last).
 */
function filesUnder(root: string, extensions: readonly string[]): { found: string[]; links: Set<string>; others: string[] } {
  const found: string[] = [];
  const links: string[] = [];
  const others: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(path);
      else if (!playbookExtensionOf(entry.name, extensions)) {
        if (entry.isFile()) others.push(path);
      } else if (entry.isFile()) found.push(path);
      else if (entry.isSymbolicLink()) links.push(path);
    }
  }
  // Real files first, so a link to a file inside the folder never hides the file itself.
  return { found: found.sort(), links: new Set(links.sort()), others: others.sort() };
}

/** The finding for a file listed in the content folder that cannot be read. */
export function unreadableFileFinding(file: string, code: string): ModelFinding {
  return findingAt(file, { start: { line: 1, column: 1 } }, 'unreadable-file', `\`${file}\` cannot be read (${code})`, { fix: 'make the file readable (check its permissions) or remove it' });
}

/** Read and parse one file; an unreadable file becomes a playbook-shaped error so nothing is dropped. */
export function readPlaybookFile(entry: PlaybookFile): Playbook {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(entry.absolute);
  } catch (error) {
    const playbook = parsePlaybookBytes(entry.file, new Uint8Array(), { path: entry.path });
    playbook.findings = [unreadableFileFinding(entry.file, (error as NodeJS.ErrnoException).code ?? String(error))];
    return playbook;
  }
  return parsePlaybookBytes(entry.file, bytes, { path: entry.path });
}


export interface LoadedCorpus extends Corpus {
  contentDir: string;
  ignored: string[];
}

/** Load every playbook under a content folder into a corpus. */
export function loadCorpus(contentDir: string, cwd: string = process.cwd()): LoadedCorpus {
  const listing = listPlaybookFiles(contentDir, cwd);
  const corpus = buildCorpus(listing.files.map(readPlaybookFile));
  corpus.findings.unshift(...listing.findings);
  return { ...corpus, contentDir, ignored: listing.ignored };
}
