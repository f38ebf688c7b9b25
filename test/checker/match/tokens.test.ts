/** Text → terms: lemmas, identifiers, phrases, verbs. */
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../../src/checker/match/lemma.ts';
import { buildSynonymTable } from '../../../src/checker/match/synonyms.ts';
import { nestedNamesOf, termsOf } from '../../../src/checker/match/tokens.ts';

const table = buildSynonymTable();
const terms = (text: string) => termsOf(text, table).terms;
const byText = (text: string, word: string) => terms(text).find((term) => term.text === word)!;

describe('keys', () => {
  it('conflate tense, person and number, irregular forms included', () => {
    expect(keyOf('Restarted')).toBe(keyOf('restart'));
    expect(keyOf('restarts')).toBe(keyOf('restart'));
    for (const [past, base] of [['took', 'take'], ['ran', 'run'], ['kept', 'keep'], ['sent', 'send'], ['struck', 'strike'], ['built', 'build']]) expect(keyOf(past!)).toBe(keyOf(base!));
    expect(keyOf('pods')).toBe(keyOf('pod'));
  });

  it('keep a word whose lemma is ambiguous reachable by its plain stem', () => {
    const scraped = byText('Scraped the grill', 'Scraped');
    expect([scraped.key, ...scraped.alternatives]).toContain(keyOf('scrape'));
  });

  it('read a tool used as a verb as the tool', () => {
    expect(byText('SSHed into the bastion', 'SSHed').alternatives).toContain('ssh');
  });
});

describe('terms', () => {
  it('drop stop words and mark the first word as the verb', () => {
    const found = terms('Rolled the consumer pods');
    expect(found.map((term) => term.text)).toEqual(['Rolled', 'consumer', 'pods']);
    expect(found[0]!.verb).toBe(true);
    expect(found[0]!.classes).toContain('restart');
  });

  it('find verbs after "and", "to" and commas, not nouns', () => {
    const found = terms('Printed the badge and tapped it, then logged to confirm the lines');
    expect(found.filter((term) => term.verb).map((term) => term.text)).toEqual(['Printed', 'tapped', 'logged', 'confirm']);
  });

  it('treat identifiers as one name, digits folded so versions compare by shape', () => {
    expect(byText('Restarted order-consumer', 'order-consumer')).toMatchObject({ kind: 'identifier', compound: true, parts: [keyOf('order'), keyOf('consumer')] });
    expect(byText('Paused daily_revenue', 'daily_revenue')).toMatchObject({ kind: 'identifier', compound: false });
    expect(byText('Tagged v2026.12.0', 'v2026.12.0').key).toBe(byText('Tag v2026.11.0', 'v2026.11.0').key);
    expect(byText('Checked GuardDuty findings', 'GuardDuty')).toMatchObject({ kind: 'identifier', key: 'guardduty' });
    expect(byText('Listed the IAM users', 'IAM')).toMatchObject({ kind: 'identifier', key: 'iam' });
    expect(byText('Posted in #orders-oncall', '#orders-oncall').kind).toBe('identifier');
  });

  it('mark names mid-sentence as proper, and dates and numbers as weak', () => {
    expect(byText('Chased the owners in Slack', 'Slack').proper).toBe(true);
    expect(byText('Kicked off the backfill for 14 September', 'September').weak).toBe(true);
    expect(byText('Set the TTL to 300', '300').kind).toBe('number');
  });

  it('read phrasal verbs, also split by their object', () => {
    expect(terms('Kept an eye on the queue depth')[0]).toMatchObject({ kind: 'phrase', classes: ['watch'] });
    expect(terms('Turned the fryers off')[0]).toMatchObject({ kind: 'phrase', classes: expect.arrayContaining(['disable']) });
    expect(terms('Let the billing engineers know')[0]).toMatchObject({ kind: 'phrase', classes: ['notify'] });
    // "in" does not close a split phrase: "signed … in" is not "sign in".
    expect(terms('Filed the signed NDA in the repository').some((term) => term.kind === 'phrase')).toBe(false);
  });

  it('find names nested in paths and connection strings', () => {
    const [url] = terms('sqitch deploy db:pg://ops@billing-primary-1/billing').filter((term) => term.text.startsWith('db:'));
    expect(nestedNamesOf(url!).map((term) => term.text)).toEqual(['billing-primary-1']);
  });
});

describe('additions and readings', () => {
  it('"too" adds only where it ends its clause; before a word it is a degree', async () => {
    const { termsOf } = await import('../../../src/checker/match/tokens.ts');
    const { createMatcher } = await import('../../../src/checker/match/index.ts');
    const table = createMatcher().table;
    expect(termsOf('checked the backups too', table).additive).toBe(true);
    expect(termsOf('did the second printer too, then left', table).additive).toBe(true);
    expect(termsOf('Probed the monk - 5.2C, too warm', table).additive).toBe(false);
    expect(termsOf('too many boxes on the pallet', table).additive).toBe(false);
  });

  it('a reading says what it measures by its unit', async () => {
    const { measuredBy } = await import('../../../src/checker/match/similarity.ts');
    expect(measuredBy('2.8C')).toContain('temperature');
    expect(measuredBy('5 °C')).toContain('temperature');
    expect(measuredBy('4.2kg')).toContain('weight');
    expect(measuredBy('30psi')).toContain('pressure');
    expect(measuredBy('12')).toBeUndefined();
    expect(measuredBy('S-118')).toBeUndefined();
  });
});
