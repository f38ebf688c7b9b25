/**
 * Slugs: the identifier of a playbook, from its path under the content folder
 * without `.md`, each segment slugged the GitHub way (lowercase, spaces to
 * `-`, punctuation such as `#`, `?`, `%` removed) so every slug is a working URL.
 */
import { slug as slugSegment } from 'github-slugger';

/** `On-Call/Rotate Schedule.md` → `on-call/rotate-schedule`. */
export function slugOf(pathInContent: string): string {
  return pathInContent
    .replace(/\.(md|markdown)$/i, '')
    .split('/')
    .map((segment) => slugSegment(segment) || '-')
    .join('/');
}
