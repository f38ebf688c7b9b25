/** encoding: a file that is not UTF-8 text. Bytes that no string can hold go through `checkCorpus` directly. */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../../src/checker/check.ts';
import { encoding } from '../../../src/checker/rules/encoding.ts';
import { NOW, playbook, settingsOf } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

testRule(encoding, {
  valid: [
    { name: 'UTF-8 with accents', code: playbook('', '1. Restart the café consumer.') },
    { name: 'a UTF-8 byte order mark', code: `\uFEFF${playbook()}` },
    { name: 'CRLF line endings', code: playbook().replace(/\n/g, '\r\n') },
  ],
  invalid: [
    {
      name: 'a NUL byte: binary, at the byte',
      code: playbook('', '1. Restart.\u0000'),
      findings: [{ line: 9, column: 12, severity: 'error', message: 'file contains NUL bytes: it looks binary, not Markdown' }],
    },
    { name: 'a NUL byte in the frontmatter', code: playbook('tags: [a\u0000]'), findings: [{ line: 5, column: 9, message: /NUL bytes/ }] },
  ],
});

/** The `encoding` findings on a file given as bytes. */
async function checkBytes(bytes: Uint8Array) {
  const run = await checkCorpus(settingsOf(), { memory: [{ file: 'content/a.md', path: 'a.md', bytes }], rules: [encoding], now: NOW, workers: 0 });
  return run.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);
}

describe('encoding, on bytes', () => {
  it('accepts UTF-8', async () => {
    expect(await checkBytes(new TextEncoder().encode(playbook('', '1. Restart the café consumer.')))).toEqual([]);
  });
  it('flags Latin-1 bytes as an error, at the first bad byte', async () => {
    const text = playbook('', '1. Restart the caf\u00e9 consumer.');
    expect(await checkBytes(Uint8Array.from(text, (char) => char.charCodeAt(0)))).toEqual([`9:19 error file is not valid UTF-8 (byte 0xe9 at offset ${text.indexOf('\u00e9')})`]);
  });
  it('flags UTF-16 at 1:1', async () => {
    const text = playbook();
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(await checkBytes(bytes)).toEqual(['1:1 error file is UTF-16 encoded; playbooks must be UTF-8']);
  });
});
