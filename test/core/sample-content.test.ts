/** The sample content is the demo a new user meets first: it loads with zero error diagnostics and shows every feature. */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/load.ts';
import { startFromZero } from '../../src/core/corpus.ts';
import { checkCorpus } from '../../src/checker/check.ts';
import { resolveSettings } from '../../src/settings/resolve.ts';

describe('sample content', () => {
  const corpus = loadCorpus('content');
  it('has 12 to 20 playbooks in at least three areas, all valid, with zero error diagnostics', async () => {
    const run = await checkCorpus(resolveSettings({ config: {}, environment: {} }), { workers: 0 });
    expect(corpus.playbooks.length).toBeGreaterThanOrEqual(12);
    expect(corpus.playbooks.length).toBeLessThanOrEqual(20);
    expect(new Set(corpus.playbooks.map((p) => p.slug.split('/')[0])).size).toBeGreaterThanOrEqual(3);
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(corpus.playbooks.every((p) => p.valid)).toBe(true);
  });

  it('forms a prerequisite graph three or more levels deep, without cycles', () => {
    expect(corpus.cycles).toEqual([]);
    const depth = (slug: string, seen = new Set<string>()): number => {
      if (seen.has(slug)) return 0;
      seen.add(slug);
      const needs = (corpus.dependencies.get(slug) ?? []).filter((d) => d.via === 'playbook');
      return needs.length === 0 ? 0 : 1 + Math.max(...needs.map((d) => depth(d.to, new Set(seen))));
    };
    expect(Math.max(...corpus.playbooks.map((p) => depth(p.slug)))).toBeGreaterThanOrEqual(3);
    expect(Math.max(...corpus.playbooks.map((p) => startFromZero(corpus, p.slug).length))).toBeGreaterThanOrEqual(3);
  });

  it('uses every field of the format, both session modes and all gap statuses', () => {
    const metas = corpus.playbooks.map((p) => p.meta);
    for (const field of ['title', 'summary', 'owner', 'tags', 'status', 'last_reviewed'] as const) {
      expect(metas.some((meta) => meta[field] !== undefined), field).toBe(true);
    }
    expect(corpus.playbooks.some((p) => p.prerequisites.length > 0)).toBe(true);
    expect(corpus.playbooks.some((p) => p.shadowing.length > 0)).toBe(true);
    expect(new Set(corpus.playbooks.map((p) => p.status))).toEqual(new Set(['draft', 'active', 'deprecated']));
    const prerequisites = corpus.playbooks.flatMap((p) => p.prerequisites);
    expect(new Set(prerequisites.map((p) => p.kind))).toEqual(new Set(['playbook', 'tool', 'access', 'skill']));
    const sessions = corpus.playbooks.flatMap((p) => p.shadowing);
    expect(new Set(sessions.map((s) => s.mode))).toEqual(new Set(['shadow', 'reverse']));
    expect(sessions.some((s) => s.observed.length > 0)).toBe(true);
    const gaps = sessions.flatMap((s) => s.gaps);
    expect(new Set(gaps.map((g) => g.status))).toEqual(new Set(['open', 'documented', 'wontfix']));
    expect(corpus.playbooks.some((p) => p.steps.some((s) => s.id))).toBe(true);
    expect(corpus.playbooks.some((p) => p.steps.some((s) => s.children.length > 0))).toBe(true);
    expect(corpus.playbooks.some((p) => p.verify)).toBe(true);
  });
});
