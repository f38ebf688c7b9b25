/**
 * The corpus: every playbook under the content folder, their slugs, and the
 * prerequisite graph (with cycles, "start from zero" order and "used by").
 * `buildCorpus` is pure; `loadCorpus` (in load.ts) does the file I/O.
 */
import type { ModelFinding, Place } from './findings.ts';
import { compareFindings, findingAt } from './findings.ts';
import { cycleThrough, cyclicComponents, dependenciesFirst } from './graph.ts';
import type { Attachment } from './attachments.ts';
import { legacyUrlKey, resolveLink, type LinkContext } from './links.ts';
import type { Playbook } from './model.ts';
import { slugOf } from './slug.ts';

/** Why one playbook depends on another. */
export interface Dependency {
  /** Slug of the playbook depended on. */
  to: string;
  /** `playbook` for a prerequisite entry; `install`/`request`/`learn` when a playbook explains how to get a tool, access or skill. */
  via: 'playbook' | 'install' | 'request' | 'learn';
  place: Place;
}

/** A Markdown link from one playbook to another. */
export interface PlaybookLink {
  to: string;
  anchor?: string;
  place: Place;
}

export interface Corpus {
  /** Every playbook, sorted by path. Files with errors are here too, with their findings. */
  playbooks: Playbook[];
  /** Every other file of the content folder, by path, with the verdict on publishing it. */
  attachments: Map<string, Attachment>;
  /** What link resolution knows of this corpus (its slugs, its playbook extensions): one resolver for rules and pages. */
  linkContext: LinkContext;
  bySlug: Map<string, Playbook>;
  /** Prerequisite edges, from a playbook to what it needs. */
  dependencies: Map<string, Dependency[]>;
  /** Reverse prerequisite edges: who needs this playbook. */
  dependents: Map<string, string[]>;
  /** Body links between playbooks. */
  links: Map<string, PlaybookLink[]>;
  /** Each prerequisite cycle once, as a path that ends where it began. */
  cycles: string[][];
  /** Problems that only show across files: slug clashes, unknown playbooks, cycles. */
  findings: ModelFinding[];
}

/** Is a value a playbook slug rather than a URL? (`access/request-vpn`, optionally with `.md`.) */
export function looksLikeSlug(value: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('/') && !value.startsWith('#') && !/\s/.test(value.trim());
}

/** Normalise a slug reference as written (`Access/Request-VPN.md`) to a slug. */
export function normaliseSlugReference(value: string): string {
  return slugOf(value.trim().replace(/^\.\//, ''));
}

/** Build the corpus from parsed playbooks: slugs, graph, cycles, and the cross-file findings. */
export function buildCorpus(parsed: readonly Playbook[], attachments: readonly Attachment[] = [], options: { extensions?: readonly string[] } = {}): Corpus {
  const playbooks = [...parsed].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const findings: ModelFinding[] = [];
  const bySlug = new Map<string, Playbook>();
  const clashes = new Map<string, Playbook[]>();
  for (const playbook of playbooks) {
    const existing = bySlug.get(playbook.slug);
    if (!existing) bySlug.set(playbook.slug, playbook);
    else clashes.set(playbook.slug, [...(clashes.get(playbook.slug) ?? [existing]), playbook]);
  }
  for (const [slug, group] of clashes) {
    for (const playbook of group) {
      const others = group.filter((other) => other !== playbook).map((other) => `\`${other.file}\``);
      const caseOnly = group.every((other) => other.path.toLowerCase() === playbook.path.toLowerCase());
      findings.push(
        findingAt(playbook.file, { start: { line: 1, column: 1 } }, 'duplicate-slug', `\`${playbook.file}\` has the slug \`${slug}\`, like ${others.join(', ')}${caseOnly ? ' (the names differ only in case)' : ''}: two pages cannot share one URL`, {
          fix: 'rename one of the files so their slugs differ',
          data: { slug, files: group.map((other) => other.file) },
        }),
      );
    }
  }

  const linkContext: LinkContext = { slugs: new Set(bySlug.keys()), files: new Set(attachments.map((attachment) => attachment.path)), urls: legacyUrls(bySlug.values()), ...(options.extensions ? { extensions: options.extensions } : {}) };
  const dependencies = new Map<string, Dependency[]>();
  const dependents = new Map<string, string[]>();
  const links = new Map<string, PlaybookLink[]>();
  for (const playbook of bySlug.values()) {
    const needs: Dependency[] = [];
    for (const prerequisite of playbook.prerequisites) {
      if (prerequisite.kind === 'playbook') {
        needs.push({ to: normaliseSlugReference(prerequisite.value), via: 'playbook', place: prerequisite.place });
      } else if (prerequisite.how && prerequisite.howPlace && looksLikeSlug(prerequisite.how)) {
        const via = prerequisite.kind === 'tool' ? 'install' : prerequisite.kind === 'access' ? 'request' : 'learn';
        needs.push({ to: normaliseSlugReference(prerequisite.how), via, place: prerequisite.howPlace });
      }
    }
    dependencies.set(playbook.slug, needs);
    const outgoing: PlaybookLink[] = [];
    for (const link of playbook.links) {
      const resolved = resolveLink(playbook.path, link.url, linkContext);
      if (resolved.kind !== 'playbook') continue;
      const entry: PlaybookLink = { to: resolved.slug, place: link.place };
      if (resolved.anchor) entry.anchor = resolved.anchor;
      outgoing.push(entry);
    }
    links.set(playbook.slug, outgoing);
  }

  for (const [from, needs] of dependencies) {
    const playbook = bySlug.get(from)!;
    for (const need of needs) {
      const target = bySlug.get(need.to);
      if (!target) {
        findings.push(
          findingAt(playbook.file, need.place, 'unknown-playbook', `prerequisite \`${need.to}\` is not a playbook in the content folder${suggestSlug(need.to, bySlug)}`, {
            fix: 'correct the slug (the path under the content folder without `.md`) or write that playbook',
            data: { slug: need.to },
          }),
        );
        continue;
      }
      const users = dependents.get(need.to);
      if (!users) dependents.set(need.to, [from]);
      else if (users.at(-1) !== from) users.push(from);
      if (target.status === 'deprecated' && need.via === 'playbook') {
        findings.push(
          findingAt(playbook.file, need.place, 'deprecated-prerequisite', `prerequisite \`${need.to}\` is deprecated`, {
            fix: 'point to the playbook that replaced it, or remove the prerequisite',
            data: { slug: need.to },
          }),
        );
      }
    }
  }

  const edges = (slug: string): string[] => (dependencies.get(slug) ?? []).map((need) => need.to).filter((to) => bySlug.has(to));
  const cycles: string[][] = [];
  for (const component of cyclicComponents([...bySlug.keys()], edges)) {
    const members = new Set(component);
    const cycle = cycleThrough(component[0]!, members, edges);
    cycles.push(cycle);
    // One finding per cycle, on the member whose file sorts first: a cycle of N playbooks is one report of size N, not N of size N.
    const first = component.map((slug) => bySlug.get(slug)!).sort((a, b) => (a.file < b.file ? -1 : 1))[0]!;
    const need = (dependencies.get(first.slug) ?? []).find((dependency) => members.has(dependency.to))!;
    findings.push(
      findingAt(first.file, need.place, 'prerequisite-cycle', `prerequisites form a cycle of ${component.length === 1 ? 'one playbook' : `${component.length} playbooks`}: ${namedCycle(cycle)}`, {
        fix: 'remove the prerequisite that points back; a reader cannot start a cycle from zero',
        data: { cycle, members: [...component].sort() },
      }),
    );
  }

  findings.sort(compareFindings);
  return { playbooks, linkContext, attachments: new Map(attachments.map((attachment) => [attachment.path, attachment])), bySlug, dependencies, dependents, links, cycles, findings };
}

/** The old site's URLs of every playbook, by key (the first playbook to claim a URL keeps it). */
export function legacyUrls(playbooks: Iterable<Pick<Playbook, 'slug' | 'legacyUrls'>>): Map<string, string> {
  const urls = new Map<string, string>();
  for (const playbook of playbooks) for (const url of playbook.legacyUrls) if (!urls.has(legacyUrlKey(url))) urls.set(legacyUrlKey(url), playbook.slug);
  return urls;
}

/** A cycle as `a` → `b` → `a`, shortened in the middle when it is long. */
function namedCycle(cycle: readonly string[]): string {
  const named = (slugs: readonly string[]) => slugs.map((slug) => `\`${slug}\``).join(' → ');
  return cycle.length <= 12 ? named(cycle) : `${named(cycle.slice(0, 6))} → … ${cycle.length - 11} more … → ${named(cycle.slice(-5))}`;
}

/** Slugs by their last segment, built once per corpus on the first unknown prerequisite. */
const slugsByName = new WeakMap<Map<string, Playbook>, Map<string, string[]>>();

function suggestSlug(slug: string, bySlug: Map<string, Playbook>): string {
  let byName = slugsByName.get(bySlug);
  if (!byName) {
    byName = new Map();
    for (const other of bySlug.keys()) {
      const name = other.split('/').at(-1)!;
      byName.set(name, [...(byName.get(name) ?? []), other].slice(0, 2));
    }
    slugsByName.set(bySlug, byName);
  }
  const candidates = byName.get(slug.split('/').at(-1) ?? '') ?? [];
  return candidates.length === 1 ? `; did you mean \`${candidates[0]}\`?` : '';
}

/** Every playbook a reader must go through before this one, dependencies first ("start from zero"). */
export function startFromZero(corpus: Corpus, slug: string): string[] {
  return dependenciesFirst(slug, (node) => (corpus.dependencies.get(node) ?? []).map((need) => need.to).filter((to) => corpus.bySlug.has(to)));
}

/** Playbooks that list this one as a prerequisite (directly). */
export function usedBy(corpus: Corpus, slug: string): string[] {
  return [...(corpus.dependents.get(slug) ?? [])].sort();
}

/** Playbooks that depend on or link to any of `slugs`, transitively through prerequisites: what `--changed-since` must re-check. */
export function affectedBy(corpus: Corpus, slugs: Iterable<string>): Set<string> {
  const affected = new Set<string>();
  const queue = [...slugs];
  const linkedFrom = new Map<string, string[]>();
  for (const [from, outgoing] of corpus.links) {
    for (const link of outgoing) {
      const sources = linkedFrom.get(link.to);
      if (sources) sources.push(from);
      else linkedFrom.set(link.to, [from]);
    }
  }
  for (let next = 0; next < queue.length; next++) {
    const slug = queue[next]!;
    if (affected.has(slug)) continue;
    affected.add(slug);
    queue.push(...(corpus.dependents.get(slug) ?? []));
    for (const from of linkedFrom.get(slug) ?? []) affected.add(from);
  }
  return affected;
}
