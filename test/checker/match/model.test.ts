/**
 * The decision model (src/checker/match/model.json): up to date with its
 * training script, small, with the figures it was chosen by; and the word
 * vectors it reads (src/checker/match/vectors.bin).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, featuresOf, softMatch } from '../../../src/checker/match/features.ts';
import { contributions, matchModel, probabilityUndocumented } from '../../../src/checker/match/model.ts';
import { vectorsFrom, wordVectors } from '../../../src/checker/match/vectors.ts';
import { buildSynonymTable } from '../../../src/checker/match/synonyms.ts';
import { termsOf } from '../../../src/checker/match/tokens.ts';

describe('decision model', () => {
  it('is what scripts/train-match.ts fits for the configuration it records', () => {
    const result = spawnSync(process.execPath, ['scripts/train-match.ts', '--check-fit'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('is small and records how it was chosen', () => {
    const model = matchModel();
    expect(model.format).toBe(1);
    expect(model.features.length).toBeLessThanOrEqual(20);
    for (const name of model.features) expect(FEATURE_NAMES).toContain(name);
    expect(model.weights).toHaveLength(model.features.length);
    expect(model.mean).toHaveLength(model.features.length);
    expect(model.scale.every((scale) => scale > 0)).toBe(true);
    expect(model.cut).toBeGreaterThan(0);
    expect(model.cut).toBeLessThan(1);
    const training = model.training as { crossValidated: Record<string, { precision: number; recall: number }>; fitted: Record<string, unknown> };
    expect(Object.keys(training.crossValidated)).toEqual(expect.arrayContaining(['visible', 'own', 'tune', 'all']));
    expect(Object.keys(training.fitted)).toEqual(expect.arrayContaining(['visible', 'own', 'tune', 'all']));
  });

  it('reads a better alignment as documented, and the penalties as undocumented', () => {
    const model = matchModel();
    const at = (name: string) => model.features.indexOf(name as (typeof model.features)[number]);
    // The alignment's margin: an action that fits where it sits is documented.
    if (at('margin') >= 0) expect(model.weights[at('margin')]).toBeLessThan(0);
    // A step that describes it better: documented.
    if (at('anywhere') >= 0) expect(model.weights[at('anywhere')]).toBeLessThan(0);
    // Done in addition, or to another target: undocumented.
    if (at('extra') >= 0) expect(model.weights[at('extra')]).toBeGreaterThan(0);
    if (at('otherTarget') >= 0) expect(model.weights[at('otherTarget')]).toBeGreaterThan(0);
  });

  it('gives a probability, and each feature’s part in it', () => {
    const model = matchModel();
    const terms = termsOf('Restarted the consumer', buildSynonymTable());
    const features = featuresOf({ scores: [0.9], soft: [0.9], terms, weights: terms.terms.map(() => 1), repeat: false, refers: false, named: 1 }, 0.5, 1);
    const p = probabilityUndocumented(model, features);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(model.cut);
    const parts = contributions(model, features);
    expect(parts).toHaveLength(model.features.length);
    const z = Math.log(p / (1 - p));
    expect(parts.reduce((sum, part) => sum + part.value, model.bias)).toBeCloseTo(z, 6);
  });
});

describe('word vectors', () => {
  it('are a compact subset: lemmas of the lexicon, bytes per dimension', () => {
    const file = 'src/checker/match/vectors.bin';
    expect(statSync(file).size).toBeLessThan(4 * 1024 * 1024);
    const vectors = wordVectors();
    expect(vectors.dimensions).toBe(100);
    expect(vectors.size).toBeGreaterThan(30_000);
    expect(vectors.rowOf('curtain')).toBeGreaterThanOrEqual(0);
    expect(vectors.rowOf('curtains')).toBe(-1);
  });

  it('give a cosine that does not depend on what was asked before (one thread and workers ask in other orders)', () => {
    const bytes = readFileSync('src/checker/match/vectors.bin');
    const fresh = vectorsFrom(bytes);
    const primed = vectorsFrom(bytes);
    const [close, drew, restart, reboot] = ['close', 'drew', 'restart', 'reboot'].map((word) => fresh.rowOf(word)) as [number, number, number, number];
    const first = fresh.cosine(close, drew);
    // The other asks about both words with others first, so their norms are already stored when it asks.
    primed.cosine(close, restart);
    primed.cosine(drew, reboot);
    expect(primed.cosine(close, drew)).toBe(first);
    expect(primed.cosine(drew, close)).toBe(first);
    expect(fresh.cosine(close, drew)).toBe(first);
  });

  it('say which words are used alike, antonyms included (which is why the penalties stay)', () => {
    const v = wordVectors();
    const cos = (a: string, b: string) => v.cosine(v.rowOf(a), v.rowOf(b));
    expect(cos('lamp', 'lamp')).toBeCloseTo(1, 6);
    expect(cos('draw', 'close')).toBeGreaterThan(cos('draw', 'invoice'));
    expect(cos('start', 'stop')).toBeGreaterThan(0.6);
  });

  it('load cold, in a fresh process, with the lexicon and the model (how fast: npm run bench -- match)', () => {
    const script = "const { lexicon } = await import('./src/checker/match/lexicon.ts'); const { wordVectors } = await import('./src/checker/match/vectors.ts'); const { matchModel } = await import('./src/checker/match/model.ts'); const t = performance.now(); lexicon(); wordVectors(); matchModel(); console.log(performance.now() - t);";
    const cold = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(cold.stderr).toBe('');
    expect(cold.status).toBe(0);
    expect(Number(cold.stdout)).toBeGreaterThan(0);
  });

  it('refuse a file of another format', () => {
    expect(() => vectorsFrom(new Uint8Array(32))).toThrow(/not a vector file/);
  });

  it('match a term of the action to a unit’s words softly, 0 for names', () => {
    const table = buildSynonymTable();
    const step = termsOf('Close the curtains', table);
    const unit = { keys: new Set(step.stream) } as unknown as Parameters<typeof softMatch>[1];
    const [drew] = termsOf('Drew them', table).terms;
    expect(softMatch(drew!, unit)).toBeGreaterThan(0);
    const [name] = termsOf('PRN-3F-EAST', table).terms;
    expect(softMatch(name!, unit)).toBe(0);
  });
});
