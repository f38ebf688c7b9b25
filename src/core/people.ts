/**
 * People named in playbooks (owners, and the lead and shadow of each session)
 * and the page slug of each. Two handles that slug alike (`alex.smith`,
 * `alexsmith`) get different pages (`alexsmith`, `alexsmith-2`, in handle
 * order) and the `person-handle-clash` rule says they look like one person
 * written two ways.
 */
import { slug } from 'github-slugger';
import type { Place } from './findings.ts';
import type { Playbook } from './model.ts';

export interface PersonMention {
  handle: string;
  role: 'owner' | 'lead' | 'shadow';
  place: Place;
}

/** Every person a playbook names, with where. */
export function mentionsOf(playbook: Playbook): PersonMention[] {
  const mentions: PersonMention[] = [];
  if (playbook.meta.owner) mentions.push({ handle: playbook.meta.owner, role: 'owner', place: playbook.frontmatter?.keys['owner'] ?? { start: { line: 1, column: 1 } } });
  for (const session of playbook.shadowing) {
    mentions.push({ handle: session.lead, role: 'lead', place: session.place });
    mentions.push({ handle: session.shadow, role: 'shadow', place: session.place });
  }
  return mentions;
}

/** The base slug of a handle (before collisions are told apart). */
export function personSlugOf(handle: string): string {
  return slug(handle) || 'unnamed';
}

/** A unique page slug for every handle: handles in code-point order, the second of a clash gets `-2`, and so on. */
export function personSlugs(handles: Iterable<string>): Map<string, string> {
  const result = new Map<string, string>();
  const taken = new Set<string>();
  for (const handle of [...new Set(handles)].sort()) {
    const base = personSlugOf(handle);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
    taken.add(candidate);
    result.set(handle, candidate);
  }
  return result;
}

/** Handles that share a base slug with another handle: each with the others it clashes with. */
export function clashingHandles(handles: Iterable<string>): Map<string, string[]> {
  const byBase = new Map<string, string[]>();
  for (const handle of new Set(handles)) {
    const base = personSlugOf(handle);
    byBase.set(base, [...(byBase.get(base) ?? []), handle]);
  }
  const clashes = new Map<string, string[]>();
  for (const group of byBase.values()) if (group.length > 1) for (const handle of group) clashes.set(handle, group.filter((other) => other !== handle).sort());
  return clashes;
}
