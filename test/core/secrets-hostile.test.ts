/**
 * No detector backtracks: a 1 MB line built to trip each family
 * (test/fixtures/secrets/hostile-lines.ts) is scanned in under 100 ms (most
 * take 10–50 ms). A catastrophic pattern takes seconds to hours on such lines,
 * so the bound separates the two clearly; scripts/bench-secrets.ts prints the
 * exact times. Best of three runs, so one slow moment on a busy machine does
 * not fail it.
 *
 * A few lines really are full of secrets (`password: hunter2` 58,000 times):
 * each one found is judged, reported and masked, about 1 µs of work that grows
 * with the secrets, not with backtracking. Those lines get 3 µs per secret
 * found on top of the 100 ms.
 */
import { describe, expect, it } from 'vitest';
import { findSecrets, maskSecrets } from '../../src/core/secrets.ts';
import { hostileLines } from '../fixtures/secrets/hostile-lines.ts';

const MEGABYTE = 1024 * 1024;

function bestOf(runs: number, run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('hostile 1 MB lines', () => {
  const lines = Object.entries(hostileLines(MEGABYTE));

  it.each(lines)('%s: under 100 ms (plus 3 µs per secret found)', (_, line) => {
    expect(line.length).toBeGreaterThanOrEqual(MEGABYTE);
    const secrets = findSecrets(line).length;
    const ms = bestOf(3, () => findSecrets(line));
    expect(ms).toBeLessThan(100 + 0.003 * secrets);
  });

  it('masking keeps the length of a hostile line', () => {
    const line = hostileLines(MEGABYTE)['password: hunter2 repeated']!;
    const { text, secrets } = maskSecrets(line);
    expect(text.length).toBe(line.length);
    expect(secrets.length).toBeGreaterThan(50_000);
    expect(text).not.toContain('hunter2');
  });
});
