/**
 * The generated lexicon (src/checker/match/lexicon.json): up to date with its
 * generator, the expected shape and size, loaded lazily, and what it knows.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexicon, lexiconLoaded } from '../../../src/checker/match/lexicon.ts';
import { wordVectorsLoaded } from '../../../src/checker/match/vectors.ts';
import { findUndocumentedActions } from '../../../src/checker/match/index.ts';
import { keyOf, morphy } from '../../../src/checker/match/lemma.ts';
import { parsePlaybook } from '../../../src/core/parse.ts';

const FILE = 'src/checker/match/lexicon.json';

describe('lexicon', () => {
  it('is loaded only when a playbook has observed entries', () => {
    expect(lexiconLoaded()).toBe(false);
    const steps = '## Steps\n\n1. Restart the consumer.\n';
    const none = parsePlaybook('content/a.md', `---\ntitle: T\nsummary: S.\nowner: a\n---\n\n${steps}`, { path: 'a.md' });
    expect(findUndocumentedActions(none)).toEqual([]);
    expect(lexiconLoaded()).toBe(false);
    const some = parsePlaybook('content/b.md', `---\ntitle: T\nsummary: S.\nowner: a\nshadowing:\n  - date: 2026-10-01\n    lead: a\n    shadow: b\n    observed:\n      - Restarted the consumer\n---\n\n${steps}`, { path: 'b.md' });
    expect(findUndocumentedActions(some)).toEqual([]);
    expect(lexiconLoaded()).toBe(true);
  });

  it('the word vectors too, and only when a word needs them', () => {
    expect(wordVectorsLoaded()).toBe(false);
    const steps = '## Steps\n\n1. Restart the consumer.\n';
    const exact = parsePlaybook('content/c.md', `---\ntitle: T\nsummary: S.\nowner: a\nshadowing:\n  - date: 2026-10-01\n    lead: a\n    shadow: b\n    observed:\n      - Restarted the consumer\n---\n\n${steps}`, { path: 'c.md' });
    findUndocumentedActions(exact);
    expect(wordVectorsLoaded()).toBe(false);
    const other = parsePlaybook('content/d.md', `---\ntitle: T\nsummary: S.\nowner: a\nshadowing:\n  - date: 2026-10-01\n    lead: a\n    shadow: b\n    observed:\n      - Drew the curtains\n---\n\n${steps}`, { path: 'd.md' });
    findUndocumentedActions(other);
    expect(wordVectorsLoaded()).toBe(true);
  });

  it('is up to date with scripts/build-lexicon.ts', () => {
    const result = spawnSync(process.execPath, ['scripts/build-lexicon.ts', '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('is small, and loads in a fresh process (its load time is measured by `npm run bench -- match`, not here)', () => {
    expect(statSync(FILE).size).toBeLessThan(4 * 1024 * 1024);
    const cold = spawnSync(process.execPath, ['--input-type=module', '-e', "const { lexicon } = await import('./src/checker/match/lexicon.ts'); console.log(lexicon().loadMs);"], { encoding: 'utf8' });
    expect(cold.status, cold.stderr).toBe(0);
    expect(Number(cold.stdout)).toBeGreaterThan(0);
  });

  it('holds verbs and nouns with their common senses, hypernyms and families', () => {
    const lex = lexicon();
    const run = lex.entry('run')!;
    expect(run.pos).toContain('v');
    // Common senses only: WordNet has 41 verb senses of "run".
    expect(run.verbSenses.length).toBeLessThanOrEqual(8);
    expect(run.verbSenses.reduce((sum, sense) => sum + sense.share, 0)).toBeLessThanOrEqual(1.01);
    // Phrasal verbs are lemmas of their own.
    expect(lex.entry('shut down')?.verbSenses.length).toBeGreaterThan(0);
    expect(lex.phrasalVerbs()).toContain('log in');
    // A flask is a kind of container, a few levels up.
    const container = lex.entry('container')!.nounSenses[0]!.synset;
    expect([...lex.ancestors(lex.entry('flask')!.nounSenses[0]!.synset, 4).keys()]).toContain(container);
    // Derivational families and antonyms.
    expect(lex.entry('approve')!.family).toContain('approval');
    expect(lex.entry('start')!.antonyms).toContain('stop');
    // Irregular forms from the exception lists.
    expect(lex.exception('took', 'v')).toBe('take');
  });

  it('gives WordNet lemmas the way morphy does, and Porter stems for words it does not know', () => {
    expect(morphy('scraped', 'v')).toEqual(['scrape', 'scrap']);
    expect(keyOf('mice')).toBe('mouse');
    expect(keyOf('ran')).toBe('run');
    expect(keyOf('onboarded')).toBe(keyOf('onboard'));
  });
});
