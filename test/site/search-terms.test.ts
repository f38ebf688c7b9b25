import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTermList, decodeFragment, isUsefulTerm, termFiles, wordsOf } from '../../src/site/search-terms.ts';

describe('the "did you mean" term list', () => {
  it('splits text into words as the search splits a query', () => {
    expect(wordsOf('Run `sum(rate(netobserv_loki_total[1m]))` on pg-orders-2.')).toEqual(['Run', 'sum', 'rate', 'netobserv', 'loki', 'total', '1m', 'on', 'pg', 'orders', '2']);
  });

  it('keeps words worth suggesting: no short words, numbers, hashes or ids', () => {
    expect(['kubectl', 'etcdMembersDown', 'x509'].map(isUsefulTerm)).toEqual([true, true, true]);
    expect(['ab', '2026', '4f3a2b1c9d', 'a1234567', 'x'.repeat(41)].map(isUsefulTerm)).toEqual([false, false, false, false, false]);
  });

  it('lists title words first, then by how many pages hold them, each in its most frequent casing', () => {
    const list = buildTermList([
      { content: 'Restart the API. Run kubectl and kubectl again.', meta: { title: 'Restart the API' } },
      { content: 'Scale the workers with kubectl. KUBECTL is fine.', meta: { title: 'Scale the workers' } },
    ]);
    expect(list.terms.slice(0, 5)).toEqual(['the', 'API', 'Restart', 'Scale', 'workers']);
    expect(list.terms).toContain('kubectl');
    expect(list.terms.indexOf('kubectl')).toBeLessThan(list.terms.indexOf('again'));
    expect(list.total).toBe(list.terms.length);
  });

  it('is capped, keeping the most useful terms and saying how many there were', () => {
    const list = buildTermList([{ content: 'alpha beta gamma delta alpha', meta: { title: 'gamma' } }], 2);
    expect(list).toEqual({ format: 1, terms: ['gamma', 'alpha'], total: 4 });
  });

  it('reads a Pagefind fragment (gzip, signature, JSON)', () => {
    const bytes = gzipSync(Buffer.from('pagefind_dcd{"url":"/x/","content":"Hello there","meta":{"title":"Hello"}}'));
    expect(decodeFragment(bytes)).toEqual({ content: 'Hello there', meta: { title: 'Hello' } });
  });
});

describe('the term list split by first letter', () => {
  it('puts each term in its first letter’s file, keeping the order; accents folded, other characters together', () => {
    const files = termFiles({ format: 1, terms: ['kubectl', 'Kafka', 'étcd', 'alpha', '2fa', 'ärger', 'ßig'], total: 7 });
    expect(Object.fromEntries([...files].map(([shard, file]) => [shard, file.terms]))).toEqual({ k: ['kubectl', 'Kafka'], e: ['étcd'], a: ['alpha', 'ärger'], 2: ['2fa'], _: ['ßig'] });
  });
});
