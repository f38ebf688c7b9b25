/**
 * Slugs: the identifier of a playbook, from its path under the content folder
 * without its extension (`.md`, or a double one such as `.html.md.erb`), each
 * segment slugged the GitHub way (lowercase, spaces to `-`, punctuation such
 * as `#`, `?`, `%` removed) so every slug is a working URL. A folder's
 * `index.md` or `README.md` is the folder's page: `ops/index.md` → `ops`.
 */
import { slug as slugSegment } from 'github-slugger';
import { DEFAULT_EXTENSIONS, playbookExtensionOf } from './dialect.ts';

/** The path without its playbook extension: `ops/Rotate Keys.html.md.erb` → `ops/Rotate Keys`. */
export function withoutExtension(pathInContent: string, extensions: readonly string[] = DEFAULT_EXTENSIONS): string {
  const extension = playbookExtensionOf(pathInContent.split('/').at(-1) ?? '', extensions) ?? (/\.(md|markdown)$/i.exec(pathInContent)?.[0] ?? '');
  return extension ? pathInContent.slice(0, -extension.length) : pathInContent;
}

/** Whether a file is its folder's page (`index.md`, `README.md`, in a folder). */
export function isFolderPage(pathInContent: string, extensions: readonly string[] = DEFAULT_EXTENSIONS): boolean {
  const segments = withoutExtension(pathInContent, extensions).split('/');
  return segments.length > 1 && /^(index|readme)$/i.test(segments.at(-1)!);
}

/** `On-Call/Rotate Schedule.md` → `on-call/rotate-schedule`; `ops/index.md` → `ops`. */
export function slugOf(pathInContent: string, extensions: readonly string[] = DEFAULT_EXTENSIONS): string {
  const segments = withoutExtension(pathInContent, extensions).split('/');
  if (isFolderPage(pathInContent, extensions)) segments.pop();
  return segments.map((segment) => slugSegment(segment) || '-').join('/');
}
