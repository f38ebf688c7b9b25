/**
 * What the build publishes, decided by the check: from a content folder holding every hostile file of
 * issue 10, only the linked, inert attachments; every refused link is an error at its position; the
 * check renders every page without crashing; a slow file costs one finding in every run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedAttachments } from '../../src/core/attachments.ts';
import { checkCorpus } from '../../src/checker/check.ts';
import { resolveSettings } from '../../src/settings/resolve.ts';
import { PUBLISHED, REFUSED, writeHostileContent } from '../support/hostile-content.ts';
import { NOW } from './helpers.ts';

describe('publishing', () => {
  const root = mkdtempSync(join(tmpdir(), 'playbook-publish-'));
  writeHostileContent(root);
  const settings = resolveSettings({ root, config: {}, environment: {} });

  it('publishes only linked files of inert types, and refuses every other link with a reason', async () => {
    const run = await checkCorpus(settings, { now: NOW, render: { base: '/pb/' } });
    expect(publishedAttachments(run.corpus).map((a) => a.path)).toEqual(PUBLISHED);
    const refused = run.diagnostics.filter((d) => d.ruleId === 'unpublished-attachment');
    expect([...new Set(refused.map((d) => d.data?.['path']))].sort()).toEqual(REFUSED);
    expect(refused.every((d) => d.file === 'content/ops/deploy.md' && d.line === 16 && d.severity === 'error')).toBe(true);
    const reasons = Object.fromEntries(refused.map((d) => [d.data?.['path'], d.message]));
    expect(reasons['ops/notes.txt']).toMatch(/GitHub token \(line 2\)/);
    expect(reasons['ops/fake.png']).toMatch(/not a PNG file/);
    expect(reasons['ops/service-account.json']).toMatch(/credential/);
    expect(reasons['ops/prod.env']).toMatch(/credential/);
    expect(reasons['evil.html']).toMatch(/`\.html` files are not published/);
    // No secret from an attachment reaches any output.
    expect(JSON.stringify(run.diagnostics)).not.toMatch(/ghp_[A-Za-z0-9]{10}/);
  });

  it('renders every page: refused links are text, nested HTML is text, gap text is text', async () => {
    const run = await checkCorpus(settings, { now: NOW, render: { base: '/pb/' } });
    const deploy = run.html.get('content/ops/deploy.md')!;
    expect(deploy).toContain('href="/pb/_files/ops/figures.csv"');
    expect(deploy).toContain('src="/pb/_files/ops/diagram.png"');
    expect(deploy).not.toMatch(/href="[^"]*(evil\.html|service-account|kubeconfig|prod\.env|tfstate|id_rsa|notes\.txt|index\.html)/);
    expect(deploy.match(/Used \$&#x26; and \$1/g)).toHaveLength(1);
    expect(run.html.get('content/ops/nested-html.md')).toContain('&#x3C;div>');
    expect(run.diagnostics.some((d) => d.file === 'content/ops/nested-html.md' && d.ruleId === 'parse-limit')).toBe(true);
  });

  it('playbooks at the site own routes are errors naming the route, and still listed', async () => {
    const run = await checkCorpus(settings, { now: NOW });
    const reserved = run.diagnostics.filter((d) => d.ruleId === 'reserved-slug').map((d) => d.file).sort();
    expect(reserved).toEqual(['content/gaps.md', 'content/people/alex.md']);
    expect(run.corpus.playbooks.map((p) => p.file)).toEqual(expect.arrayContaining(reserved));
  });

  it('a file the parser chokes on costs one parse-limit finding, in a small run too', async () => {
    const slow = mkdtempSync(join(tmpdir(), 'playbook-slow-'));
    writeHostileContent(slow);
    writeFileSync(join(slow, 'content/slow.md'), `---\ntitle: Slow\nsummary: S.\nowner: a\n---\n\n${'~a'.repeat(60_000)}\n`);
    const run = await checkCorpus(resolveSettings({ root: slow, config: {}, environment: {} }), { now: NOW, timeoutMs: 300 });
    const limit = run.diagnostics.filter((d) => d.file === 'content/slow.md');
    expect(limit.map((d) => d.ruleId)).toEqual(['parse-limit']);
    expect(limit[0]!.message).toMatch(/took more than 0\.3 s to parse/);
  }, 30_000);
});
