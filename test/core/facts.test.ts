/** Facts stated by both a page and a finding: one definition each, so they agree at the boundaries. */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/core/corpus.ts';
import { isStale, onlyOwnerHasDoneIt, othersWhoHaveDoneIt, resolvedPrerequisites, reviewAgeDays } from '../../src/core/facts.ts';
import { staleReview } from '../../src/checker/rules/stale-review.ts';
import { sitePlaybook } from '../../src/site/view-model.ts';
import { findingsOf } from '../checker/rule-tester.ts';
import { MINIMAL, parse, playbookText } from './helpers.ts';

const NOW = new Date('2026-11-24T15:30:00Z');
const reviewed = (date: string) => parse(playbookText(`${MINIMAL}\nlast_reviewed: ${date}`));

describe('facts', () => {
  it('a review exactly staleDays old is fine on the page and in the check; one day more is stale in both', async () => {
    const exactly = reviewed('2026-05-28'); // 180 whole days before 2026-11-24
    const older = reviewed('2026-05-27');
    expect(reviewAgeDays(exactly, NOW)).toBe(180);
    expect(isStale(exactly, NOW, 180)).toBe(false);
    expect(isStale(older, NOW, 180)).toBe(true);
    const corpus = buildCorpus([exactly]);
    const page = (p: typeof exactly) => sitePlaybook(p, buildCorpus([p]), [], '', { base: '/', now: NOW, staleDays: 180 });
    expect(page(exactly).stale).toBe(false);
    expect(page(older).stale).toBe(true);
    expect(await findingsOf(staleReview, { code: exactly.text, now: NOW })).toEqual([]);
    expect(await findingsOf(staleReview, { code: older.text, now: NOW })).toHaveLength(1);
    expect(corpus.playbooks).toHaveLength(1);
  });

  it('who has done the work: the doer of each session, not the owner', () => {
    const sessions = (mode: string) => `${MINIMAL}\nshadowing:\n  - date: 2026-10-01\n    lead: alex\n    shadow: priya\n    mode: ${mode}`;
    expect(othersWhoHaveDoneIt(parse(playbookText(sessions('shadow'))))).toEqual([]);
    expect(onlyOwnerHasDoneIt(parse(playbookText(sessions('shadow'))))).toBe(true);
    expect(othersWhoHaveDoneIt(parse(playbookText(sessions('reverse'))))).toEqual(['priya']);
    expect(onlyOwnerHasDoneIt(parse(playbookText(sessions('reverse'))))).toBe(false);
  });

  it('prerequisites resolve to playbooks, links, or missing slugs', () => {
    const needs = parse(playbookText(`${MINIMAL}\nprerequisites:\n  - playbook: team/other\n  - playbook: team/gone\n  - tool: kubectl\n    install: https://k8s.example\n  - access: admin\n    request: team/other`), 'content/team/needs.md');
    const other = parse(playbookText('title: Other\nsummary: S.\nowner: alex'), 'content/team/other.md');
    const resolved = resolvedPrerequisites(needs, buildCorpus([needs, other]));
    expect(resolved.map((r) => [r.prerequisite.value, r.playbook?.slug ?? r.howPlaybook?.slug ?? r.howUrl ?? null, r.missing])).toEqual([
      ['team/other', 'team/other', false],
      ['team/gone', null, true],
      ['kubectl', 'https://k8s.example', false],
      ['admin', 'team/other', false],
    ]);
  });
});
