/**
 * False positives: findSecrets over every file of the real corpora in
 * test/fixtures/corpora (OpenShift runbooks, the 18F handbook), licences and
 * READMEs included, flags at most 1 file in 100. The flagged files are printed
 * so a person can judge each (a real credential in a corpus would be a true
 * positive).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSecrets } from '../../src/core/secrets.ts';

const CORPORA = 'test/fixtures/corpora';

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe('no-secrets on the real corpora', () => {
  it('flags at most 1 file per 100', () => {
    const files = filesUnder(CORPORA);
    const flagged = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const found = findSecrets(text);
      return found.length ? [`${file}: ${found.map((s) => `${s.id} ${s.masked.slice(0, 16)}`).join(', ')}`] : [];
    });
    console.log(`no-secrets on ${CORPORA}: ${flagged.length} of ${files.length} files flagged (${((100 * flagged.length) / files.length).toFixed(2)} per 100)${flagged.length ? `\n  ${flagged.join('\n  ')}` : ''}`);
    expect(files.length).toBeGreaterThanOrEqual(520);
    expect(flagged.length / files.length).toBeLessThanOrEqual(0.01);
  });
});
