/**
 * No detector backtracks: a 1 MB line built to trip each family
 * (test/fixtures/secrets/hostile-lines.ts) is scanned to the end. A
 * catastrophic pattern takes minutes to hours on such lines, so the test's
 * time limit (10 s here, against 10–90 ms measured) separates the two; the
 * times themselves are measured by `npm run bench -- secrets`
 * (scripts/bench-secrets.ts), never asserted here.
 */
import { describe, expect, it } from 'vitest';
import { findSecrets, maskSecrets } from '../../src/core/secrets.ts';
import { hostileLines } from '../fixtures/secrets/hostile-lines.ts';

const MEGABYTE = 1024 * 1024;

describe('hostile 1 MB lines', () => {
  const lines = Object.entries(hostileLines(MEGABYTE));

  it.each(lines)('%s: scanned to the end, every match inside the line', (_, line) => {
    expect(line.length).toBeGreaterThanOrEqual(MEGABYTE);
    for (const secret of findSecrets(line)) expect(secret.end).toBeLessThanOrEqual(line.length);
  }, 10_000);

  it('masking keeps the length of a hostile line', () => {
    const line = hostileLines(MEGABYTE)['password: hunter2 repeated']!;
    const { text, secrets } = maskSecrets(line);
    expect(text.length).toBe(line.length);
    expect(secrets.length).toBeGreaterThan(50_000);
    expect(text).not.toContain('hunter2');
  });
});
