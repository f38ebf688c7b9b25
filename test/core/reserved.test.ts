/** The reserved routes are the site's own: every top-level page and public file, nothing more. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESERVED_FIRST_SEGMENTS, reservedRouteOf } from '../../src/core/reserved.ts';
import { slugOf } from '../../src/core/slug.ts';
import { parse, MINIMAL, playbookText } from './helpers.ts';

describe('reserved routes', () => {
  it('cover every route of src/pages and every file of public/, and the folders the build writes', () => {
    const pages = readdirSync('src/pages').filter((name) => !/^(index\.astro|\[\.\.\.slug\]\.astro)$/.test(name)).map((name) => slugOf(name.replace(/\.(astro|ts)$/, '').replace(/\.json$/, '')));
    const publicFiles = readdirSync('public').filter((name) => !name.includes('.')).map((name) => slugOf(name));
    const expected = new Set([...pages, ...publicFiles, 'pagefind', '_astro', '_files']);
    expect(new Set(RESERVED_FIRST_SEGMENTS.keys())).toEqual(expected);
  });
  it.each(['gaps', 'graph', 'people/alex', 'docs/rules/schema', 'tags/x', '404', '_files/a', 'pagefind'])('%s is reserved', (slug) => {
    expect(reservedRouteOf(slug)).toBeDefined();
  });
  it.each(['on-call/gaps', 'gaps-review', 'graphs', 'peoples/alex'])('%s is free', (slug) => {
    expect(reservedRouteOf(slug)).toBeUndefined();
  });
  it('a playbook at a reserved route is a reserved-slug finding naming the route', () => {
    const findings = parse(playbookText(MINIMAL), 'content/people/alex.md').findings.filter((f) => f.ruleId === 'reserved-slug');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('/people/alex/');
    expect(findings[0]!.message).toContain('people pages');
  });
});
