/**
 * The one link resolver: what a link or image URL written in a playbook points
 * at. The `broken-link` and `unpublished-attachment` rules judge links with it,
 * and the renderer rewrites them with it, so a corpus that checks clean builds
 * clean (every page, file and anchor a link names exists on the site).
 */
import { posix } from 'node:path';
import { DEFAULT_EXTENSIONS, playbookExtensionOf } from './dialect.ts';
import { slugOf } from './slug.ts';

export type LinkTarget =
  /** A web page or address elsewhere (http, https, mailto). */
  | { kind: 'external'; url: string }
  /** A scheme the site removes (`javascript:`, `data:`, `vbscript:`, `file:` …). */
  | { kind: 'unsafe'; scheme: string }
  /** An anchor on the same page. */
  | { kind: 'anchor'; anchor: string }
  /** The site's home page (`/`, the old site's root). */
  | { kind: 'home'; anchor?: string }
  /** A path that leaves the content folder. */
  | { kind: 'outside'; path: string }
  /** Another playbook (a `.md` file, or the old generator's URL of one: `page.html`, `page/`), with an optional anchor on it. */
  | { kind: 'playbook'; path: string; slug: string; anchor?: string }
  /** Any other file in the content folder (an image, a PDF): an attachment. */
  | { kind: 'file'; path: string; anchor?: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What the resolver may know beyond the link: the playbook extensions, and the slugs that exist (for links in another generator's URL form). */
export interface LinkContext {
  extensions?: readonly string[];
  slugs?: ReadonlySet<string>;
  /** The other files of the content folder: a link to one of them means the file, even where a page has that name. */
  files?: ReadonlySet<string>;
  /** The old site's URLs of playbooks (`permalink`, `redirect_from`, `aliases` in their frontmatter), normalised by `legacyUrlKey`. */
  urls?: ReadonlyMap<string, string>;
}

/** A URL path as a key: one leading `/`, no trailing `/`, `.html` or `/index.html`. */
export function legacyUrlKey(url: string): string {
  const path = url.trim().split(/[?#]/)[0]!.replace(/\/index\.html?$/i, '').replace(/\.html?$/i, '').replace(/\/+$/, '');
  return `/${path.replace(/^\/+/, '')}`;
}

/** Resolve a URL written in the playbook at `fromPath` (its path in the content folder). */
export function resolveLink(fromPath: string, written: string, context: LinkContext = {}): LinkTarget {
  // `{{ site.baseurl }}/x/`, `<%= root %>/x`: the old generator's site root, which is this site's.
  const url = written.trim().replace(/^(?:\{\{[^}]*\}\}|<%=?[^%]*%>|\{%[^%]*%\})(?=\/|$)/, '');
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme) return SAFE_SCHEMES.has(scheme) ? { kind: 'external', url } : { kind: 'unsafe', scheme };
  // `//host/x` and `/\host` are other origins to a browser.
  if (/^[/\\]{2}/.test(url)) return { kind: 'external', url };
  const hashAt = url.indexOf('#');
  const pathPart = (hashAt === -1 ? url : url.slice(0, hashAt)).split('?')[0]!;
  const anchor = hashAt === -1 ? undefined : decodeSafely(url.slice(hashAt + 1));
  if (pathPart === '') return anchor ? { kind: 'anchor', anchor } : { kind: 'anchor', anchor: '' };
  const target = decodeSafely(pathPart).replace(/\\/g, '/');
  if (target.startsWith('/')) {
    if (legacyUrlKey(target) === '/') return anchor ? { kind: 'home', anchor } : { kind: 'home' };
    const known = context.urls?.get(legacyUrlKey(target));
    if (known) return { kind: 'playbook', path: target.slice(1), slug: known, ...(anchor ? { anchor } : {}) };
  }
  const joined = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(fromPath), target);
  const path = posix.normalize(joined).replace(/\/$/, '');
  if (path === '..' || path.startsWith('../')) return { kind: 'outside', path };
  const extensions = context.extensions ?? DEFAULT_EXTENSIONS;
  const withAnchor = anchor ? { anchor } : {};
  if (playbookExtensionOf(path, extensions) || /\.(md|markdown)$/i.test(path)) return { kind: 'playbook', path, slug: slugOf(path, extensions), ...withAnchor };
  // The URL the old site gave the page (`/rotate-certificates.html`, `../rotate-certificates`, `ops/`): the playbook it meant, when there is one.
  if (context.slugs && !context.files?.has(path)) {
    const slug = legacySlug(fromPath, target, path, context.slugs, extensions);
    if (slug !== undefined) return { kind: 'playbook', path, slug, ...withAnchor };
  }
  return { kind: 'file', path, ...withAnchor };
}

/**
 * The playbook a link in another generator's URL form meant. Old sites served `a/b.md` at `/a/b/` (or
 * `/a/b.html`), so a relative link was relative to the page's own URL as well as to its file's folder, and
 * their root may have had a prefix (`/handbook/…`) or the files a folder (`pages/…`): try the file's folder,
 * then the page's URL, then a slug that ends with the path, when exactly one does.
 */
function legacySlug(fromPath: string, target: string, path: string, slugs: ReadonlySet<string>, extensions: readonly string[]): string | undefined {
  const name = path.split('/').at(-1) ?? '';
  if (!/\.html?$/i.test(name) && /\.[a-z0-9]+$/i.test(name)) return undefined; // a file type, not a page
  const strip = (p: string) => posix.normalize(p).replace(/\.html?$/i, '').replace(/\/index$/i, '').replace(/\/$/, '');
  const candidates = [strip(path)];
  if (!target.startsWith('/')) candidates.push(strip(posix.join(slugOf(fromPath, extensions), target.replace(/\.html?$/i, ''))));
  for (const candidate of candidates) {
    if (candidate.startsWith('..')) continue;
    const slug = candidate === '.' || candidate === '' ? undefined : slugOf(`${candidate}.md`, extensions);
    if (slug && slugs.has(slug)) return slug;
  }
  const wanted = slugOf(`${strip(target.replace(/^\/+/, '')).replace(/^(\.\.\/)+/, '')}.md`, extensions);
  if (!wanted || wanted === '-') return undefined;
  const ending = (slugsByLastSegment(slugs).get(wanted.split('/').at(-1)!) ?? []).filter((slug) => slug === wanted || slug.endsWith(`/${wanted}`));
  return ending.length === 1 ? ending[0] : undefined;
}

/** Slugs by their last segment, built once per set of slugs: a link's lookup does not grow with the corpus. */
const lastSegmentIndex = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

function slugsByLastSegment(slugs: ReadonlySet<string>): Map<string, string[]> {
  let index = lastSegmentIndex.get(slugs);
  if (!index) {
    index = new Map();
    for (const slug of slugs) {
      const last = slug.split('/').at(-1)!;
      const list = index.get(last);
      if (list) list.push(slug);
      else index.set(last, [slug]);
    }
    lastSegmentIndex.set(slugs, index);
  }
  return index;
}

/** Where the build publishes an attachment: under `_files/` (a route no playbook slug may take), at its path in the content folder. */
export function attachmentUrl(base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}_files/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The id an anchor of a playbook's body has on the page: every body id is prefixed, as GitHub does, so none can replace the page's own. */
export function bodyId(anchor: string): string {
  return `user-content-${anchor}`;
}
