/** Typed access to the content collections for pages. */
import { getCollection } from 'astro:content';
import type { SitePlaybook } from './view-model.ts';

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
