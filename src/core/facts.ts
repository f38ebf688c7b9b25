/**
 * Facts about a playbook that the checker's rules and the site's pages both
 * state: how old its review is, who has done the work, what each prerequisite
 * resolves to. One definition each, so a page and a finding never disagree
 * (a review exactly `staleDays` old is fine in both).
 */
import { looksLikeSlug, normaliseSlugReference, type Corpus } from './corpus.ts';
import type { Playbook, Prerequisite } from './model.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since `last_reviewed` (calendar days, UTC), or undefined when it was never reviewed. */
export function reviewAgeDays(playbook: Playbook, now: Date): number | undefined {
  const reviewed = playbook.meta.last_reviewed;
  if (!reviewed) return undefined;
  return Math.floor((now.getTime() - Date.parse(`${reviewed}T00:00:00Z`)) / DAY_MS);
}

/** How often a playbook is reviewed: its own `review_every`, else the site-wide `staleDays`. */
export function reviewIntervalOf(playbook: Playbook, staleDays: number): number {
  return playbook.reviewEveryDays ?? staleDays;
}

/** A review older than the playbook's interval in whole days; a deprecated playbook is never stale (nobody should follow it). */
export function isStale(playbook: Playbook, now: Date, staleDays: number): boolean {
  if (playbook.status === 'deprecated') return false;
  const age = reviewAgeDays(playbook, now);
  return age !== undefined && age > reviewIntervalOf(playbook, staleDays);
}

/** Everyone but the owner who has done the work in a shadowing session (the doer: lead in shadow mode, shadow in reverse). */
export function othersWhoHaveDoneIt(playbook: Playbook): string[] {
  const doers = new Set(playbook.shadowing.map((session) => session.doer));
  if (playbook.meta.owner) doers.delete(playbook.meta.owner);
  return [...doers].sort();
}

/** An active playbook that only its owner has ever done: the team's single point of failure. */
export function onlyOwnerHasDoneIt(playbook: Playbook): boolean {
  return playbook.status === 'active' && Boolean(playbook.meta.owner) && othersWhoHaveDoneIt(playbook).length === 0;
}

/** A prerequisite with its playbook references resolved against the corpus. */
export interface ResolvedPrerequisite {
  prerequisite: Prerequisite;
  /** For `playbook:` entries: the playbook needed, or undefined when no playbook has that slug. */
  playbook?: Playbook;
  /** For `install`/`request`/`learn`: the playbook it names, when the value is a slug. */
  howPlaybook?: Playbook;
  /** `how` is a web link. */
  howUrl?: string;
  /** A playbook slug that names no playbook (the `unknown-playbook` finding says so). */
  missing: boolean;
}

/** Every prerequisite of a playbook, resolved. */
export function resolvedPrerequisites(playbook: Playbook, corpus: Pick<Corpus, 'bySlug'>): ResolvedPrerequisite[] {
  return playbook.prerequisites.map((prerequisite) => {
    if (prerequisite.kind === 'playbook') {
      const target = corpus.bySlug.get(normaliseSlugReference(prerequisite.value));
      return target ? { prerequisite, playbook: target, missing: false } : { prerequisite, missing: true };
    }
    const how = prerequisite.how;
    if (!how) return { prerequisite, missing: false };
    if (/^https?:\/\//i.test(how)) return { prerequisite, howUrl: how, missing: false };
    if (looksLikeSlug(how)) {
      const target = corpus.bySlug.get(normaliseSlugReference(how));
      return target ? { prerequisite, howPlaybook: target, missing: false } : { prerequisite, missing: true };
    }
    return { prerequisite, missing: false };
  });
}
