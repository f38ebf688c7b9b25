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
  }, 300_000);
});
