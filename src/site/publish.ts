/**
 * Publishing attachments: the content loader (which ran the check) records
 * which files the build publishes; after Astro has written the pages, the
 * build step copies exactly those into `{outDir}/_files/`, judged again by the
 * same function with the same judges (so a sanitised SVG is what is written).
 * Nothing else of the content folder reaches the site.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { ATTACHMENT_JUDGES } from '../core/attachment-judges.ts';
import { judgeAttachment, type Attachment } from '../core/attachments.ts';
import { folderOf, type Settings } from '../settings/resolve.ts';

function manifestPath(settings: Settings): string {
  return join(folderOf(settings, settings.cacheDir), 'site', 'published-attachments.json');
}

export function writePublishManifest(settings: Settings, attachments: readonly Attachment[]): void {
  const path = manifestPath(settings);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(attachments.map((attachment) => attachment.path)));
}

/** Copy the published attachments into the built site; returns how many were written. */
export function copyPublishedAttachments(settings: Settings, out: string): number {
  let paths: string[];
  try {
    paths = JSON.parse(readFileSync(manifestPath(settings), 'utf8')) as string[];
  } catch {
    return 0; // the loader published nothing
  }
  const content = folderOf(settings, settings.content);
  const target = resolve(out, '_files');
  let written = 0;
  for (const path of paths) {
    const source = resolve(content, path);
    const destination = resolve(target, path);
    // The paths come from the content listing; a path that would leave either folder is refused, whatever wrote the manifest.
    if (!source.startsWith(content + sep) || !destination.startsWith(target + sep)) continue;
    const bytes = readFileSync(source);
    const verdict = judgeAttachment(path, bytes, ATTACHMENT_JUDGES);
    if (!verdict.publish) continue;
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(destination, verdict.output ?? bytes);
    written++;
  }
  return written;
}
