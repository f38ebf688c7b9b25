/**
 * The no-secrets test set (test/fixtures/secrets/cases.json): every fake
 * secret is found as its kind and masked in every output (the finding, the
 * model, the page HTML); no placeholder or near miss is flagged. Prints recall
 * and the per-kind counts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/parse.ts';
import { renderPlaybookHtml } from '../../src/core/render.ts';
import { findSecrets, maskSecrets } from '../../src/core/secrets.ts';

interface Cases {
  marker: string;
  positives: { kind: string; text: string; secret: string }[];
  negatives: { why: string; text: string }[];
}

const raw = JSON.parse(readFileSync('test/fixtures/secrets/cases.json', 'utf8')) as Cases;
const unmark = (text: string) => text.split(raw.marker).join('');
const positives = raw.positives.map((p) => ({ kind: p.kind, text: unmark(p.text), secret: unmark(p.secret) }));
const negatives = raw.negatives;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the test set', () => {
  it('has at least 80 positives of at least 50 kinds and 40 negatives', () => {
    const kinds = new Map<string, number>();
    for (const p of positives) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    const found = positives.filter((p) => findSecrets(p.text).some((s) => s.id === p.kind)).length;
    const flagged = negatives.filter((n) => findSecrets(n.text).length > 0).length;
    console.log(`no-secrets test set: ${found}/${positives.length} positives found (recall ${((100 * found) / positives.length).toFixed(1)}%), ${kinds.size} kinds; ${flagged}/${negatives.length} negatives flagged`);
    console.log(`per kind: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
    expect(positives.length).toBeGreaterThanOrEqual(80);
    expect(kinds.size).toBeGreaterThanOrEqual(50);
    expect(negatives.length).toBeGreaterThanOrEqual(40);
    expect(positives.every((p) => p.text.includes(p.secret))).toBe(true);
  });

  it.each(positives.map((p, i) => [`${i + 1} ${p.kind}`, p] as const))('finds and masks positive %s', (_, p) => {
    const found = findSecrets(p.text);
    expect(found.map((s) => s.id), p.text).toContain(p.kind);
    const masked = maskSecrets(p.text);
    expect(masked.text).not.toContain(p.secret);
    expect(masked.text.length).toBe(p.text.length);
    // What the finding prints is masked too.
    for (const secret of found) expect(secret.masked).not.toContain(p.secret);
  });

  it.each(negatives.map((n) => [n.why, n] as const))('does not flag %s', (_, n) => {
    expect(findSecrets(n.text)).toEqual([]);
  });

  it('keeps every positive out of the model and the page HTML', () => {
    for (const p of positives) {
      const text = `---\ntitle: Rotate the key\nsummary: A secret was pasted here.\nowner: alex\n---\n\n## Steps\n\n1. Run:\n\n   ~~~~\n${p.text.replace(/^/gm, '   ')}\n   ~~~~\n\n## Verify\n\nIt works.\n`;
      const { playbook, tree } = parseDocument('content/team/leak.md', text, { path: 'team/leak.md' });
      expect(playbook.findings.some((f) => f.ruleId === 'no-secrets'), p.kind).toBe(true);
      const html = renderPlaybookHtml(playbook, tree, { base: '/' });
      const model = JSON.stringify(playbook);
      // Indenting the case for the list item may split a multi-line secret; every line of it must be gone.
      for (const piece of p.secret.split(/\\n|\n/).filter((line) => line.trim().length >= 8)) {
        const indented = piece.trim();
        expect(html, p.kind).not.toContain(escapeHtml(indented));
        expect(model, p.kind).not.toContain(indented);
      }
    }
  });
});
