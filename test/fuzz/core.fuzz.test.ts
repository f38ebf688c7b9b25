/**
 * Property-based tests (seeded, so a failure replays): the parser, the corpus
 * and the renderer never throw, and every diagnostic they return is positioned
 * inside the file. 10,000 parsed documents, 2,000 rendered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, parsePlaybook, parsePlaybookBytes } from '../../src/core/parse.ts';
import { renderPlaybookHtml } from '../../src/core/render.ts';
import { checkCorpus } from '../../src/checker/check.ts';
import { settingsOf } from '../checker/helpers.ts';
import { body, document } from './arbitraries.ts';

const SEED = 20261124;
const settings = settingsOf();

function assertPositioned(text: string, diagnostics: readonly { line: number; column: number; fix?: string; message: string }[]) {
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const diagnostic of diagnostics) {
    expect(diagnostic.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.line).toBeLessThanOrEqual(lines + 1);
    expect(diagnostic.column).toBeGreaterThanOrEqual(1);
    expect(diagnostic.message.length).toBeGreaterThan(0);
    expect(diagnostic.fix, diagnostic.message).toBeTruthy();
  }
}

describe('fuzz: core', () => {
  it('parses 8,000 generated documents without throwing; every diagnostic is positioned and has a fix', () => {
    fc.assert(
      fc.property(document, (text) => {
        const playbook = parsePlaybook('content/fuzz/doc.md', text, { path: 'fuzz/doc.md' });
        assertPositioned(text, playbook.findings);
        for (const step of playbook.steps) expect(step.place.start.line).toBeGreaterThanOrEqual(playbook.bodyLine);
      }),
      { seed: SEED, numRuns: 8000 },
    );
  }, 180_000);

  it('parses 2,000 random byte strings without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const playbook = parsePlaybookBytes('content/fuzz/bytes.md', bytes, { path: 'fuzz/bytes.md' });
        expect(Array.isArray(playbook.findings)).toBe(true);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  }, 120_000);

  it('renders 2,000 generated documents to HTML with no script, handler or javascript: URL', () => {
    fc.assert(
      fc.property(document, (text) => {
        const { playbook, tree } = parseDocument('content/fuzz/doc.md', text, { path: 'fuzz/doc.md' });
        const html = renderPlaybookHtml(playbook, tree, { base: '/intranet/playbooks/' });
        // Real tags only: escaped text such as `&#x3C;script` in a code block is harmless.
        expect(html).not.toMatch(/<(script|iframe|style|form|object|embed)\b/i);
        expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
        expect(html).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
      }),
      { seed: SEED + 1, numRuns: 2000 },
    );
  }, 120_000);

  it('checks corpora of generated playbooks that link to and depend on each other (every rule, no exception)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), body), { minLength: 1, maxLength: 10 }), async (specs) => {
        const memory = specs.map(([self, need, text], index) => ({
          file: `content/p${index}.md`,
          path: `p${index}.md`,
          text: `---\ntitle: P${self}\nsummary: s\nowner: o\nprerequisites:\n  - playbook: p${need}\n---\n[x](p${need}.md#steps)\n${text}`,
        }));
        // The checker runs every rule on them without throwing (a rule that throws becomes a finding that says so).
        const run = await checkCorpus(settings, { memory, now: new Date('2026-11-24'), workers: 0 });
        expect(run.corpus.playbooks).toHaveLength(memory.length);
        expect(run.diagnostics.filter((d) => d.message.includes('failed on this file'))).toEqual([]);
        for (const cycle of run.corpus.cycles) expect(cycle[0]).toBe(cycle.at(-1));
      }),
      { seed: SEED + 2, numRuns: 500 },
    );
  }, 120_000);
});
