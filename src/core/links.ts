/**
 * The one link resolver: what a link or image URL written in a playbook points
 * at. The `broken-link` and `unpublished-attachment` rules judge links with it,
 * and the renderer rewrites them with it, so a corpus that checks clean builds
 * clean (every page, file and anchor a link names exists on the site).
 */
import { posix } from 'node:path';
import { slugOf } from './slug.ts';

export type LinkTarget =
  /** A web page or address elsewhere (http, https, mailto). */
  | { kind: 'external'; url: string }
  /** A scheme the site removes (`javascript:`, `data:`, `vbscript:`, `file:` …). */
  | { kind: 'unsafe'; scheme: string }
  /** An anchor on the same page. */
  | { kind: 'anchor'; anchor: string }
  /** A path that leaves the content folder. */
  | { kind: 'outside'; path: string }
  /** Another playbook (a `.md` file), with an optional anchor on it. */
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

/** Resolve a URL written in the playbook at `fromPath` (its path in the content folder). */
export function resolveLink(fromPath: string, written: string): LinkTarget {
  const url = written.trim();
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme) return SAFE_SCHEMES.has(scheme) ? { kind: 'external', url } : { kind: 'unsafe', scheme };
  // `//host/x` and `/\host` are other origins to a browser.
  if (/^[/\\]{2}/.test(url)) return { kind: 'external', url };
  const hashAt = url.indexOf('#');
  const pathPart = (hashAt === -1 ? url : url.slice(0, hashAt)).split('?')[0]!;
  const anchor = hashAt === -1 ? undefined : decodeSafely(url.slice(hashAt + 1));
  if (pathPart === '') return anchor ? { kind: 'anchor', anchor } : { kind: 'anchor', anchor: '' };
  const target = decodeSafely(pathPart).replace(/\\/g, '/');
  const joined = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(fromPath), target);
  const path = posix.normalize(joined).replace(/\/$/, '');
  if (path === '..' || path.startsWith('../')) return { kind: 'outside', path };
  if (/\.(md|markdown)$/i.test(path)) return { kind: 'playbook', path, slug: slugOf(path), ...(anchor ? { anchor } : {}) };
  return { kind: 'file', path, ...(anchor ? { anchor } : {}) };
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
