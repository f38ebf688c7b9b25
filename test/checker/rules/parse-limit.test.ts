/** parse-limit: a file too large or too deeply nested to parse safely. */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../src/core/parse.ts';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

describe('parse-limit', () => {
  it('accepts an ordinary playbook', () => {
    expect(hits(check({ 'a.md': playbook() }), 'parse-limit')).toEqual([]);
  });
  it('flags a file over the size limit at 1:1, as an error', () => {
    const huge = playbook('', '1. Restart.', `${'Background text. '.repeat(MAX_FILE_BYTES / 16)}\n\n`);
    const d = onlyHit(check({ 'a.md': huge }), 'parse-limit');
    expect([d.line, d.column, d.severity]).toEqual([1, 1, 'error']);
    expect(d.message).toContain('KB');
  });
});
