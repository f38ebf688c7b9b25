/** Typed access to the content collections for pages, and the corpus-wide views every page shares (computed once per build). */
import { getCollection } from 'astro:content';
import { slug } from 'github-slugger';
import type { Settings } from '../settings/resolve.ts';
import { siteSettings } from './settings.ts';
import { peopleOf, type Person, type SitePlaybook } from './view-model.ts';

/**
 * One value per build: every page of a 10,000-playbook build asks for the same lists, so they are computed
 * once (in `astro dev` content can change between requests, so nothing is kept there).
 */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    if (import.meta.env.DEV) return make();
    kept ??= make();
    return kept;
  };
}

let settings: Settings | undefined;
/** The settings, resolved once per build: resolving reads playbook.config.json, and every page's layout asks. */
export function pageSettings(): Settings {
  if (import.meta.env.DEV) return siteSettings();
  settings ??= siteSettings();
  return settings;
}

export const allPlaybooks = once(async (): Promise<SitePlaybook[]> => {
  const entries = await getCollection('playbooks');
  return entries.map((entry) => entry.data as unknown as SitePlaybook).sort((a, b) => a.title.localeCompare(b.title));
});

export interface DocPage {
  id: string;
  title: string;
  rule: { description: string; severity: string } | null;
  html: string;
}

export const allDocs = once(async (): Promise<DocPage[]> => {
  const entries = await getCollection('docs');
  return entries.map((entry) => entry.data as unknown as DocPage);
});

export function groupBy<T>(items: readonly T[], keys: (item: T) => string[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

const basePath = () => (import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`);

export const allPeople = once(async (): Promise<Person[]> => peopleOf(await allPlaybooks()));

/** The link to each person's page (unique even for handles that slug alike): one map for every page. */
export const personLinks = once(async (): Promise<(handle: string) => string> => {
  const base = basePath();
  const slugs = new Map((await allPeople()).map((person) => [person.handle, person.slug]));
  return (handle) => `${base}people/${slugs.get(handle) ?? 'unnamed'}/`;
});

/** Longest list of playbooks a listing page shows before paginating or summarising (pages stay under 30 KB). */
export const PAGE_SIZE = 80;

/** A tag's page path segment: any tag text becomes a safe URL segment. */
export function tagSlug(tag: string): string {
  return slug(tag) || 'tag';
}

/** Playbooks at the top of the content folder, in no folder. */
export const TOP_LEVEL = '(top level)';

/** A playbook's area: the first folder of its slug. */
export function areaOf(playbookSlug: string): string {
  return playbookSlug.includes('/') ? playbookSlug.split('/')[0]! : TOP_LEVEL;
}

export interface Area {
  name: string;
  /** The area page's path segment, unique among areas. */
  slug: string;
  href: string;
  playbooks: SitePlaybook[];
}

/** Every area (first folder), sorted by name, the top level last; each with its playbooks by title. */
export const allAreas = once(async (): Promise<Area[]> => {
  const base = basePath();
  const groups = groupBy(await allPlaybooks(), (p) => [areaOf(p.slug)]);
  groups.sort(([a], [b]) => (a === TOP_LEVEL ? 1 : b === TOP_LEVEL ? -1 : a.localeCompare(b)));
  const used = new Set<string>();
  return groups.map(([name, playbooks]) => {
    let segment = name === TOP_LEVEL ? 'top-level' : slug(name) || 'area';
    for (let n = 2; used.has(segment); n++) segment = `${segment.replace(/-\d+$/, '')}-${n}`;
    used.add(segment);
    return { name, slug: segment, href: `${base}areas/${segment}/`, playbooks };
  });
});

/** A small corpus is listed whole in the sidebar, every area open; past this, areas with counts and the current area's playbooks. */
export const SIDEBAR_ALL_LIMIT = 60;
/** Most areas the sidebar names; the rest are on the areas page. */
export const SIDEBAR_AREAS = 30;
/** Most playbooks of the current area the sidebar lists (around the current one); the area page has them all. */
export const SIDEBAR_AREA_PLAYBOOKS = 11;

export interface SidebarLink {
  label: string;
  href: string;
  current: boolean;
  badge?: string;
}

export interface SidebarGroup {
  label: string;
  href: string;
  count: number;
  /** Open when it holds the current page, or when the whole corpus is listed. */
  open: boolean;
  current: boolean;
  links: SidebarLink[];
  /** Playbooks of the group not listed. */
  more: number;
}

export interface Sidebar {
  label: string;
  groups: SidebarGroup[];
  /** Areas not named (only past SIDEBAR_AREAS). */
  moreAreas: number;
  allHref: string;
}

const linkOf = (p: SitePlaybook, currentSlug: string | undefined): SidebarLink => ({ label: p.title, href: p.href, current: p.slug === currentSlug, ...(p.status !== 'active' ? { badge: p.status } : {}) });

/** The playbook sidebar of a page: `currentSlug` is the playbook shown, `currentArea` the area page shown. */
export async function playbookSidebar(current: { slug?: string; area?: string } = {}): Promise<Sidebar> {
  const areas = await allAreas();
  const total = areas.reduce((n, a) => n + a.playbooks.length, 0);
  const currentArea = current.area ?? (current.slug !== undefined ? areaOf(current.slug) : undefined);
  const whole = total <= SIDEBAR_ALL_LIMIT;
  let shown = areas;
  if (areas.length > SIDEBAR_AREAS) {
    shown = areas.slice(0, SIDEBAR_AREAS);
    const own = areas.find((a) => a.name === currentArea);
    if (own && !shown.includes(own)) shown = [...shown.slice(0, -1), own];
  }
  const groups = shown.map((area): SidebarGroup => {
    const isCurrent = area.name === currentArea;
    let links: SidebarLink[] = [];
    if (whole) links = area.playbooks.map((p) => linkOf(p, current.slug));
    else if (isCurrent) {
      // A window of the area around the playbook shown, so it is always listed.
      const at = Math.max(0, area.playbooks.findIndex((p) => p.slug === current.slug));
      const start = Math.max(0, Math.min(at - Math.floor(SIDEBAR_AREA_PLAYBOOKS / 2), area.playbooks.length - SIDEBAR_AREA_PLAYBOOKS));
      links = area.playbooks.slice(start, start + SIDEBAR_AREA_PLAYBOOKS).map((p) => linkOf(p, current.slug));
    }
    return { label: area.name, href: area.href, count: area.playbooks.length, open: isCurrent || (whole && areas.length <= 8), current: isCurrent && current.area !== undefined, links, more: area.playbooks.length - links.length };
  });
  return { label: 'Playbooks by area', groups, moreAreas: areas.length - shown.length, allHref: `${basePath()}areas/` };
}

/** The docs sidebar: the guides, then the checker's rules. */
export async function docsSidebar(currentId?: string): Promise<Sidebar> {
  const base = basePath();
  const docs = await allDocs();
  const guides = DOC_ORDER.map((id) => docs.find((d) => d.id === id)).filter((d): d is DocPage => Boolean(d));
  const others = docs.filter((d) => !d.rule && !DOC_ORDER.includes(d.id)).sort((a, b) => a.title.localeCompare(b.title));
  const rules = docs.filter((d) => d.rule).sort((a, b) => a.id.localeCompare(b.id));
  const link = (d: DocPage): SidebarLink => ({ label: d.rule ? d.id.replace('rules/', '') : d.title, href: `${base}docs/${d.id}/`, current: d.id === currentId });
  return {
    label: 'Docs',
    groups: [
      { label: 'Guides', href: `${base}docs/`, count: guides.length + others.length, open: true, current: currentId === '', links: [...guides, ...others].map(link), more: 0 },
      { label: 'Checker rules', href: `${base}docs/rules/`, count: rules.length, open: currentId?.startsWith('rules/') ?? false, current: currentId === 'rules', links: rules.map(link), more: 0 },
    ],
    moreAreas: 0,
    allHref: `${base}docs/`,
  };
}

/** The guides in reading order (docs/*.md); any other page of docs/ follows them by title. */
export const DOC_ORDER = ['format', 'authoring', 'adopting', 'configuration', 'site', 'ci', 'deploy', 'architecture', 'matcher'];

/** What each guide is for, on the docs index. */
export const DOC_SUMMARIES: Record<string, string> = {
  format: 'The playbook file: frontmatter fields, steps, step ids, shadowing sessions and gaps.',
  authoring: 'Writing a playbook someone starting from zero can follow.',
  adopting: 'Bringing existing runbooks in without rewriting them first.',
  configuration: 'playbook.config.json, environment variables and flags.',
  site: 'The site: its pages, run and shadowing modes, settings, safety.',
  ci: 'The check in CI: exit codes, SARIF, JUnit, annotations.',
  deploy: 'Hosting the site on an ordinary static web server.',
  matcher: 'How undocumented-step matches observed actions to steps, and how good it is.',
  architecture: 'How the code is laid out, for contributors.',
};
