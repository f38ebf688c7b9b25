/** encoding: a file that is not UTF-8 text. */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../src/core/corpus.ts';
import { parsePlaybookBytes } from '../../../src/core/parse.ts';
import { resolveConfig } from '../../../src/checker/config.ts';
import { RULE_IDS } from '../../../src/checker/rules/index.ts';
import { checkCorpus } from '../../../src/checker/run.ts';
import { NOW, playbook } from '../helpers.ts';

function checkBytes(bytes: Uint8Array) {
  return checkCorpus(buildCorpus([parsePlaybookBytes('content/a.md', bytes, { path: 'a.md' })]), resolveConfig({}, RULE_IDS), { now: NOW }).filter((d) => d.ruleId === 'encoding');
}

describe('encoding', () => {
  it('accepts UTF-8', () => {
    expect(checkBytes(new TextEncoder().encode(playbook('', '1. Restart the café consumer.')))).toEqual([]);
  });
  it('flags Latin-1 bytes as an error, on the line of the first bad byte', () => {
    const text = playbook('', '1. Restart the caf\u00e9 consumer.');
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
    const [d, ...rest] = checkBytes(bytes);
    expect(rest).toEqual([]);
    expect(d?.severity).toBe('error');
    expect(d?.line).toBe(9);
  });
});
