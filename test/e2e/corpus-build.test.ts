/**
 * The site build over existing runbooks (no frontmatter at all): it finishes, and every
 * Markdown file is a page (with its findings shown) — nothing is dropped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPlaybookFiles } from '../../src/core/load.ts';
import { slugOf } from '../../src/core/slug.ts';
import { buildFixtureSite } from './build-site.ts';

describe('building the site from the OpenShift runbooks corpus', () => {
  it('gives every file a page, showing its findings', () => {
    const content = 'test/fixtures/corpora/openshift-runbooks';
    const out = buildFixtureSite(content);
    const files = listPlaybookFiles(content).files;
    const missing = files.filter((file) => !existsSync(join(out, slugOf(file.path), 'index.html')));
    expect(missing.map((file) => file.path)).toEqual([]);
    const page = readFileSync(join(out, slugOf(files[0]!.path), 'index.html'), 'utf8');
    expect(page).toContain('no frontmatter');
    // Without tags the home page and the sidebar still browse the corpus: by folder.
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('id="by-area"');
    expect(home).toMatch(/<nav class="sidebar" aria-label="Playbooks by area">[\s\S]*alerts/);
    expect(existsSync(join(out, 'areas/alerts/index.html'))).toBe(true);
    // No playbook lists another as a prerequisite: no drawing, and never an SVG of size -Infinity.
    const graph = readFileSync(join(out, 'graph/index.html'), 'utf8');
    expect(graph).not.toContain('Infinity');
    expect(graph).not.toContain('<svg width');
    expect(graph).toContain('nothing to draw');
    // The site's frame around a runbook (header, sidebar, outline, sections) stays small at any corpus size; the
    // runbook's own body is as long as its author wrote it.
    const frames = files.map((file) => {
      const html = readFileSync(join(out, slugOf(file.path), 'index.html'), 'utf8');
      const body = /<div class="body">([\s\S]*?)<\/div>\s*<section aria-labelledby="(?:shadowing-history|gaps|findings)"/.exec(html)?.[1] ?? '';
      return [file.path, html.length - body.length] as const;
    });
    expect(frames.filter(([, size]) => size > 14 * 1024)).toEqual([]);
  }, 300_000);
});
