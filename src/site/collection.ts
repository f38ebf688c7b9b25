/** Typed access to the content collections for pages. */
import { getCollection } from 'astro:content';
import { slug } from 'github-slugger';
import { peopleOf, type SitePlaybook } from './view-model.ts';

export async function allPlaybooks(): Promise<SitePlaybook[]> {
  const entries = await getCollection('playbooks');
  return entries.map((entry) => entry.data as unknown as SitePlaybook).sort((a, b) => a.title.localeCompare(b.title));
}

export interface DocPage {
  id: string;
  title: string;
  rule: { description: string; severity: string } | null;
  html: string;
}

export async function allDocs(): Promise<DocPage[]> {
  const entries = await getCollection('docs');
  return entries.map((entry) => entry.data as unknown as DocPage);
}

export function groupBy<T>(items: readonly T[], keys: (item: T) => string[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) for (const key of keys(item)) groups.set(key, [...(groups.get(key) ?? []), item]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

/** The link to each person's page (unique even for handles that slug alike): one map for every page. */
export async function personLinks(): Promise<(handle: string) => string> {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const slugs = new Map(peopleOf(await allPlaybooks()).map((person) => [person.handle, person.slug]));
  return (handle) => `${base}people/${slugs.get(handle) ?? 'unnamed'}/`;
}

/** Longest list of playbooks a listing page shows before paginating or summarising (pages stay under 30 KB). */
export const PAGE_SIZE = 80;

/** A tag's page path segment: any tag text becomes a safe URL segment. */
export function tagSlug(tag: string): string {
  return slug(tag) || 'tag';
}
