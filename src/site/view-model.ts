/**
 * What the site shows, computed once from the corpus and the checker's
 * findings: plain, serialisable data per playbook (the content loader stores
 * it), plus the corpus-wide views (people, coaching tree, readiness).
 * Pure: no I/O. Every string is raw text; Astro escapes it where it is shown.
 */
import { startFromZero, usedBy, type Corpus } from '../core/corpus.ts';
import { isStale, onlyOwnerHasDoneIt, resolvedPrerequisites } from '../core/facts.ts';
import { groupBy } from '../core/group.ts';
import { allSteps, everyStep, findStep, type Playbook } from '../core/model.ts';
import { playbookUrl } from '../core/render.ts';
import { bodyId } from '../core/links.ts';
import { personSlugs } from '../core/people.ts';
import { withoutTemplateTags } from '../core/templates.ts';
import { reservedRouteOf } from '../core/reserved.ts';
import type { Diagnostic } from '../checker/diagnostic.ts';
import type { LastChanged } from './git-dates.ts';

export interface SiteOptions {
  base: string;
  /** Pattern of the edit link; `{path}` is the file's path in the repository. */
  editUrl?: string;
  /** "Today", for readiness. */
  now: Date;
  staleDays: number;
  lastChanged?: Map<string, LastChanged>;
}

export interface LinkRef {
  slug: string;
  title: string;
  href: string;
}

export interface SitePrerequisite {
  kind: string;
  value: string;
  /** Link to the playbook (kind playbook) or to how to get it. */
  href?: string;
  how?: string;
  howHref?: string;
  missing?: boolean;
}

export interface SiteGap {
  id?: string;
  found: string;
  status: string;
  step?: string;
  stepAnchor?: string;
  date: string;
}

export interface SiteFinding {
  line: number;
  column: number;
  ruleId: string;
  severity: string;
  message: string;
  fix?: string;
  url?: string;
}

export interface SitePlaybook {
  slug: string;
  /** False when the slug is a route the site needs: the playbook has no page of its own. */
  routable: boolean;
  href: string;
  file: string;
  title: string;
  summary: string;
  owner: string;
  tags: string[];
  status: string;
  lastReviewed?: string;
  stale: boolean;
  lastChanged: LastChanged;
  editHref?: string;
  prerequisites: SitePrerequisite[];
  /** The last (closest) LIST_LIMIT playbooks of the path; `startFromZeroTotal` is its full length. */
  startFromZero: LinkRef[];
  startFromZeroTotal: number;
  usedBy: LinkRef[];
  usedByTotal: number;
  steps: { number: string; anchor: string; title: string }[];
  gaps: SiteGap[];
  openGaps: number;
  sessions: { date: string; lead: string; shadow: string; mode: string; doer: string; observed: string[]; gaps: number }[];
  onlyOwnerHasDoneIt: boolean;
  findings: SiteFinding[];
  html: string;
  /** Changes whenever the playbook's text does: run mode resets its progress when it changes. */
  version: string;
  /** Searchable text of the steps, for Pagefind weighting. */
  valid: boolean;
}

function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value.toString(36);
}

function ref(corpus: Corpus, slug: string, base: string): LinkRef {
  const playbook = corpus.bySlug.get(slug);
  return { slug, title: playbook?.displayTitle ?? slug, href: playbookUrl(base, slug) };
}

/** Findings by file, so each page finds its own without scanning them all. */
export function diagnosticsByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  return groupBy(diagnostics, (diagnostic) => diagnostic.file);
}

/** Longest list a playbook page shows in full (start from zero, used by): pages stay under 30 KB at any corpus size. */
export const LIST_LIMIT = 40;

/** The view of one playbook; `html` is its rendered body (the check pipeline renders it beside the parse). */
export function sitePlaybook(playbook: Playbook, corpus: Corpus, diagnostics: readonly Diagnostic[] | Map<string, Diagnostic[]>, html: string, options: SiteOptions): SitePlaybook {
  const own = diagnostics instanceof Map ? (diagnostics.get(playbook.file) ?? []) : diagnostics.filter((d) => d.file === playbook.file);
  const path = startFromZero(corpus, playbook.slug);
  const users = usedBy(corpus, playbook.slug);
  const { base } = options;
  const owner = playbook.meta.owner ?? '';
  const reviewed = playbook.meta.last_reviewed;
  const stale = isStale(playbook, options.now, options.staleDays);
  const gaps: SiteGap[] = playbook.shadowing.flatMap((session) =>
    session.gaps.map((gap) => {
      const step = gap.step ? findStep(everyStep(playbook), gap.step) : undefined;
      const entry: SiteGap = { found: gap.found, status: gap.status, date: session.date };
      if (gap.id) entry.id = gap.id;
      if (gap.step) entry.step = gap.step;
      if (step) entry.stepAnchor = bodyId(step.anchor);
      return entry;
    }),
  );
  const view: SitePlaybook = {
    slug: playbook.slug,
    // A slug on a route the site needs has no page (its `reserved-slug` error says so): links go to that rule's page.
    routable: reservedRouteOf(playbook.slug) === undefined,
    href: reservedRouteOf(playbook.slug) === undefined ? playbookUrl(base, playbook.slug) : `${base}docs/rules/reserved-slug/`,
    file: playbook.file,
    title: playbook.displayTitle,
    summary: withoutTemplateTags(playbook.meta.summary ?? ''),
    owner,
    tags: playbook.tags,
    status: playbook.status,
    stale,
    lastChanged: options.lastChanged?.get(playbook.file) ?? { unknown: 'not looked up' },
    prerequisites: resolvedPrerequisites(playbook, corpus).map(({ prerequisite: p, playbook: target, howPlaybook, howUrl, missing }) => {
      const entry: SitePrerequisite = { kind: p.kind, value: target?.displayTitle ?? p.value };
      if (target) entry.href = playbookUrl(base, target.slug);
      if (p.how) entry.how = howPlaybook?.displayTitle ?? p.how;
      if (howPlaybook) entry.howHref = playbookUrl(base, howPlaybook.slug);
      else if (howUrl) entry.howHref = howUrl;
      if (missing) entry.missing = true;
      return entry;
    }),
    // The closest prerequisites are the end of the path: keep those when it is long.
    startFromZero: path.slice(-LIST_LIMIT).map((slug) => ref(corpus, slug, base)),
    startFromZeroTotal: path.length,
    usedBy: users.slice(0, LIST_LIMIT).map((slug) => ref(corpus, slug, base)),
    usedByTotal: users.length,
    steps: allSteps(playbook.steps).map((step) => ({ number: step.number, anchor: bodyId(step.anchor), title: withoutTemplateTags(step.title) })),
    gaps,
    openGaps: gaps.filter((gap) => gap.status === 'open').length,
    sessions: playbook.shadowing.map((s) => ({ date: s.date, lead: s.lead, shadow: s.shadow, mode: s.mode, doer: s.doer, observed: s.observed.map((o) => o.text), gaps: s.gaps.length })),
    onlyOwnerHasDoneIt: onlyOwnerHasDoneIt(playbook),
    findings: own.map((d) => ({ line: d.line, column: d.column, ruleId: d.ruleId, severity: d.severity, message: d.message, ...(d.fix ? { fix: d.fix } : {}), ...(d.url ? { url: d.url } : {}) })),
    html,
    version: hash(playbook.text),
    valid: playbook.valid,
  };
  if (reviewed) view.lastReviewed = reviewed;
  if (options.editUrl) view.editHref = options.editUrl.replace('{path}', playbook.file.split('/').map(encodeURIComponent).join('/'));
  return view;
}

export interface Person {
  handle: string;
  /** The page's path segment: unique, even for handles that slug alike (src/core/people.ts). */
  slug: string;
  owns: LinkRef[];
  led: LinkRef[];
  shadowed: LinkRef[];
  /** People this person taught: they watched or did the work in a session this person led. */
  taught: string[];
  /** People who taught this person. */
  taughtBy: string[];
}

/** People: who owns, led and shadowed what, who taught whom (every lead → shadow relation of every session). */
export function peopleOf(playbooks: readonly SitePlaybook[]): Person[] {
  const handles = new Set<string>();
  for (const playbook of playbooks) {
    if (playbook.owner) handles.add(playbook.owner);
    for (const session of playbook.sessions) handles.add(session.lead).add(session.shadow);
  }
  const slugs = personSlugs(handles);
  const people = new Map<string, Person>();
  const person = (handle: string) => {
    let entry = people.get(handle);
    if (!entry) people.set(handle, (entry = { handle, slug: slugs.get(handle)!, owns: [], led: [], shadowed: [], taught: [], taughtBy: [] }));
    return entry;
  };
  const seen = new Set<string>();
  const addOnce = (list: LinkRef[], key: string, item: LinkRef) => {
    if (seen.has(key)) return;
    seen.add(key);
    list.push(item);
  };
  for (const playbook of playbooks) {
    const item = { slug: playbook.slug, title: playbook.title, href: playbook.href };
    if (playbook.owner) addOnce(person(playbook.owner).owns, `owns ${playbook.owner} ${playbook.slug}`, item);
    for (const session of playbook.sessions) {
      addOnce(person(session.lead).led, `led ${session.lead} ${playbook.slug}`, item);
      addOnce(person(session.shadow).shadowed, `shadowed ${session.shadow} ${playbook.slug}`, item);
      if (session.shadow !== session.lead && !seen.has(`taught ${session.lead} ${session.shadow}`)) {
        seen.add(`taught ${session.lead} ${session.shadow}`);
        person(session.lead).taught.push(session.shadow);
        person(session.shadow).taughtBy.push(session.lead);
      }
    }
  }
  return [...people.values()].sort((a, b) => a.handle.localeCompare(b.handle));
}

/** One row of the coaching tree: a person under one of their teachers (or a root); each relation appears once. */
export interface CoachingRow {
  handle: string;
  slug: string;
  depth: number;
  /** The person was already shown with their own learners: this row is a reference, not expanded again. */
  repeat: boolean;
}

/**
 * The coaching tree, flat and iterative: every teaching relation is a row (a person under each of their
 * teachers, not only the first), each person's learners expanded once. Roots are people nobody taught;
 * people in a teaching cycle start from the first of them. At most `limit` rows.
 */
export function coachingRows(people: readonly Person[], limit = Number.POSITIVE_INFINITY): { rows: CoachingRow[]; total: number } {
  const byHandle = new Map(people.map((p) => [p.handle, p]));
  const rows: CoachingRow[] = [];
  const expanded = new Set<string>();
  let total = 0;
  const walk = (root: Person) => {
    const stack: { handle: string; depth: number }[] = [{ handle: root.handle, depth: 0 }];
    while (stack.length > 0) {
      const { handle, depth } = stack.pop()!;
      const current = byHandle.get(handle)!;
      const repeat = expanded.has(handle);
      total++;
      if (rows.length < limit) rows.push({ handle, slug: current.slug, depth, repeat });
      if (repeat) continue;
      expanded.add(handle);
      for (const learner of [...current.taught].reverse()) stack.push({ handle: learner, depth: depth + 1 });
    }
  };
  for (const person of people) if (person.taughtBy.length === 0 && person.taught.length > 0) walk(person);
  for (const person of people) if (!expanded.has(person.handle) && person.taught.length > 0) walk(person);
  return { rows, total };
}
