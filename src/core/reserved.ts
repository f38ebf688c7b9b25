/**
 * Routes the site needs for itself. A playbook whose slug would land on one
 * (`gaps.md` on the gaps page, `people/alex.md` on a person's page) is an
 * error (`reserved-slug`), never a page that silently replaces the site's or
 * vanishes: the site keeps its routes, the author renames the file.
 * test/core/reserved.test.ts keeps this list equal to src/pages and public/
 * (a file name with a dot, `favicon.svg`, can never be a slug: slugs hold no dots).
 */
export const RESERVED_FIRST_SEGMENTS: ReadonlyMap<string, string> = new Map([
  ['404', 'the site’s “page not found” page'],
  ['areas', 'the area pages'],
  ['docs', 'the documentation pages'],
  ['gaps', 'the gaps page'],
  ['graph', 'the prerequisite graph'],
  ['people', 'the people pages'],
  ['tags', 'the tag pages'],
  ['pagefind', 'the search index'],
  ['_astro', 'the site’s scripts and styles'],
  ['_files', 'the published attachments'],
]);

/** What a slug would shadow, or undefined when it is free. */
export function reservedRouteOf(slug: string): string | undefined {
  const first = slug.split('/')[0]!;
  const what = RESERVED_FIRST_SEGMENTS.get(first);
  return what ? `/${first}/ is ${what}` : undefined;
}
