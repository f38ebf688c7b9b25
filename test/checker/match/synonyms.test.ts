/** The synonym table: classes by lemma, phrases, opposites, and a team's own words. */
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../../src/checker/match/lemma.ts';
import { buildSynonymTable, DEFAULT_SYNONYMS, memberKey } from '../../../src/checker/match/synonyms.ts';

describe('synonym table', () => {
  const table = buildSynonymTable();

  it('puts general operational verbs together, whatever their form', () => {
    for (const word of ['restart', 'bounce', 'recycle', 'rolled']) expect(table.classesOf(keyOf(word))).toContain('restart');
    for (const word of ['delete', 'removed', 'drop']) expect(table.classesOf(keyOf(word))).toContain('delete');
    expect(table.classesOf(memberKey('keep an eye on'))).toEqual(['watch']);
  });

  it('knows opposites and light verbs', () => {
    expect(table.opposite(['pause'], ['resume'])).toBe(true);
    expect(table.opposite(['pause'], ['restart'])).toBe(false);
    expect(table.isLight(keyOf('ran'))).toBe(true);
    expect(table.exclusiveGroupOf(keyOf('production'))).toBe(table.exclusiveGroupOf(keyOf('staging')));
  });

  it('lets a team extend a class or add its own', () => {
    const team = buildSynonymTable({ restart: ['kick'], ticket: ['jira'], page: ['pagerduty alert', 'incident'] });
    expect(team.classesOf(keyOf('kick'))).toContain('restart');
    expect(team.classesOf(keyOf('jira'))).toContain('ticket');
    expect(team.classesOf(keyOf('incident'))).toEqual(['page']);
    expect(team.phrases.map((phrase) => phrase.key)).toContain(memberKey('pagerduty alert'));
    // The default table is not changed by one team's config.
    expect(buildSynonymTable().classesOf(keyOf('kick'))).toEqual([]);
  });

  it('holds general vocabulary only: no member is a product name or an identifier', () => {
    for (const members of Object.values(DEFAULT_SYNONYMS)) for (const member of members) expect(member).toMatch(/^[a-z][a-z -]*$/);
  });
});
