/**
 * What the build publishes beside the pages: the one rule (docs/format.md,
 * "Attachments"). Only files a playbook links or embeds, of an allowlist of
 * inert types, checked by their bytes as well as their name, at
 * `{base}_files/<path>` where no page or asset of the site can be. A file that
 * looks like a credential is never published; text is scanned for secrets;
 * SVG is published only sanitised.
 */
import { resolveLink, type LinkContext } from './links.ts';
import type { Playbook } from './model.ts';
import { findSecrets } from './secrets.ts';

export type AttachmentKind = 'image' | 'svg' | 'pdf' | 'text';

/** The allowlist: extension → kind, and how its bytes must start. */
const TYPES: Record<string, { kind: AttachmentKind; magic?: (bytes: Uint8Array) => boolean }> = {
  png: { kind: 'image', magic: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { kind: 'image', magic: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  jpeg: { kind: 'image', magic: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  gif: { kind: 'image', magic: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  webp: { kind: 'image', magic: (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]) },
  avif: { kind: 'image', magic: (b) => startsWith(b.subarray(4), [0x66, 0x74, 0x79, 0x70]) },
  svg: { kind: 'svg' },
  pdf: { kind: 'pdf', magic: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  txt: { kind: 'text' },
  csv: { kind: 'text' },
};

/** Larger attachments are not published: a playbook's diagram or form is well under this. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The verdict on one file of the content folder. */
export type AttachmentVerdict =
  | { publish: true; kind: AttachmentKind; /** What to write (a sanitised SVG); the file's own bytes when absent. */ output?: Uint8Array }
  | { publish: false; reason: string };

/** A file of the content folder that is not a playbook. */
export interface Attachment {
  /** Path in the content folder, with `/`. */
  path: string;
  /** Path relative to the working directory. */
  file: string;
  verdict: AttachmentVerdict;
}

export interface AttachmentJudges {
  /** A credential file by name or content (service-account JSON, kubeconfig, `.env`, …): the reason, or undefined. */
  credential?: (path: string, bytes: Uint8Array) => string | undefined;
  /** Sanitise an SVG: the file to publish, or why it cannot be. */
  svg?: (text: string) => { ok: true; svg: string } | { ok: false; reason: string };
}

/** Judge one file by its name and bytes. */
export function judgeAttachment(path: string, bytes: Uint8Array, judges: AttachmentJudges = {}): AttachmentVerdict {
  const name = path.split('/').at(-1) ?? path;
  const credential = judges.credential?.(path, bytes);
  if (credential) return { publish: false, reason: `${credential}; it is never published` };
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const type = extension ? TYPES[extension] : undefined;
  if (!type) return { publish: false, reason: `\`.${extension ?? name}\` files are not published (published: ${Object.keys(TYPES).map((e) => `.${e}`).join(', ')})` };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { publish: false, reason: `it is ${Math.round(bytes.length / 1024 / 1024)} MB; attachments over ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB are not published` };
  if (type.magic && !type.magic(bytes)) return { publish: false, reason: `its bytes are not a ${extension!.toUpperCase()} file, whatever its name says` };
  if (type.kind === 'text' || type.kind === 'svg') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { publish: false, reason: 'it is not UTF-8 text' };
    }
    if (/<\s*(script|html|body|iframe)\b/i.test(text) && type.kind === 'text') return { publish: false, reason: 'it holds HTML, which a browser may run as a page' };
    const secret = findSecrets(text)[0];
    if (secret) {
      const line = text.slice(0, secret.start).split('\n').length;
      return { publish: false, reason: `line ${line} holds what looks like a ${secret.label}; it is never published` };
    }
    if (type.kind === 'svg') {
      if (!judges.svg) return { publish: false, reason: 'SVG is published only sanitised, and no sanitiser is available' };
      const sanitised = judges.svg(text);
      if (!sanitised.ok) return { publish: false, reason: `the SVG cannot be published safely: ${sanitised.reason}` };
      return { publish: true, kind: 'svg', output: new TextEncoder().encode(sanitised.svg) };
    }
  }
  return { publish: true, kind: type.kind };
}

/** The attachments the build publishes: linked or embedded by some playbook, and allowed. */
export function publishedAttachments(corpus: { playbooks: readonly Playbook[]; attachments: ReadonlyMap<string, Attachment>; linkContext?: LinkContext }): Attachment[] {
  const linked = new Set<string>();
  for (const playbook of corpus.playbooks) {
    for (const link of playbook.links) {
      const target = resolveLink(playbook.path, link.url, corpus.linkContext);
      if (target.kind === 'file') linked.add(target.path);
    }
  }
  return [...linked].sort().flatMap((path) => {
    const attachment = corpus.attachments.get(path);
    return attachment?.verdict.publish ? [attachment] : [];
  });
}
