import { describe, expect, it } from 'vitest';
import { editDistance, findsWord, isKnownWord, maxEdits, nearestTerms, prepareTerms } from '../../src/scripts/search-suggest.ts';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['down', 'dwon', 1],
    ['kubectl', 'kubctl', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
    ['etcdinsuficientmembers', 'etcdinsufficientmembers', 1],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('stops past the maximum, answering max + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('maxEdits', () => {
  it('allows more edits in longer words', () => {
    expect([3, 4, 5, 7, 8, 14, 15, 31, 60].map(maxEdits)).toEqual([1, 1, 2, 2, 3, 3, 3, 6, 6]);
  });
});

describe('findsWord and isKnownWord', () => {
  it('find a word by its start or its stem, as Pagefind does', () => {
    expect(findsWord('durat', 'duration')).toBe(true);
    expect(findsWord('drains', 'drain')).toBe(true);
    expect(findsWord('queries', 'query')).toBe(true);
    expect(findsWord('notifications', 'notify')).toBe(true);
  });

  it('do not take a shorter word that merely starts the query for a match (Pagefind’s fallback)', () => {
    expect(findsWord('patronictk', 'patroni')).toBe(false);
    expect(findsWord('kubctl', 'k')).toBe(false);
  });

  it('look the word up in the term list', () => {
    const terms = prepareTerms(['kubectl', 'Duration', 'drain', 'query']);
    expect(['kube', 'durations', 'DRAINS', 'queries'].map((word) => isKnownWord(word, terms))).toEqual([true, true, true, true]);
    expect(['kubctl', 'drainage'].map((word) => isKnownWord(word, terms))).toEqual([false, false]);
  });
});

describe('nearestTerms', () => {
  const terms = prepareTerms(['account', 'amount', 'accounts', 'about', 'HAControlPlaneDown', 'kubectl', 'kubelet']);

  it('gives the closest terms first, same first letter next, then the list order, in display form', () => {
    expect(nearestTerms('acount', terms)).toEqual([
      { term: 'account', distance: 1 },
      { term: 'amount', distance: 1 },
      { term: 'accounts', distance: 2 },
    ]);
    expect(nearestTerms('hacontrolplanedwon', terms, 1)).toEqual([{ term: 'HAControlPlaneDown', distance: 1 }]);
  });

  it('never offers the word itself, nor anything too far', () => {
    expect(nearestTerms('account', terms).map((s) => s.term)).toEqual(['accounts', 'amount']);
    expect(nearestTerms('zzz', terms)).toEqual([]);
  });
});
