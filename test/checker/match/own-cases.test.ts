/** The matcher on cases written for this project, in domains the evaluation set does not cover (generalisation check). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findUndocumentedActions } from '../../../src/checker/match/index.ts';
import { parsePlaybook } from '../../../src/core/parse.ts';

interface Case {
  domain: string;
  steps: string[];
  observed: { text: string; undocumented: boolean; after?: number }[];
}

const { cases } = JSON.parse(readFileSync('test/fixtures/match-cases/cases.json', 'utf8')) as { cases: Case[] };

function playbookOf(c: Case) {
  const observed = c.observed.map((o) => `      - ${JSON.stringify(o.text)}`).join('\n');
  const text = `---\ntitle: ${c.domain}\nsummary: s.\nowner: a\nshadowing:\n  - date: 2026-10-01\n    lead: a\n    shadow: b\n    observed:\n${observed}\n---\n\n## Steps\n\n${c.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n`;
  return parsePlaybook('content/case.md', text, { path: 'case.md' });
}

describe('undocumented-step on our own cases', () => {
  it('scores in domains the eval does not cover', () => {
    let tp = 0, fp = 0, fn = 0, placed = 0;
    const mistakes: string[] = [];
    for (const c of cases) {
      const found = new Map(findUndocumentedActions(playbookOf(c)).map((u) => [u.action.text, u.afterStep]));
      for (const o of c.observed) {
        if (o.undocumented && found.has(o.text)) {
          tp++;
          if (found.get(o.text) === o.after) placed++;
          else mistakes.push(`${c.domain}: placed after ${found.get(o.text)}, expected ${o.after}: ${o.text}`);
        } else if (o.undocumented) {
          fn++;
          mistakes.push(`${c.domain}: missed: ${o.text}`);
        } else if (found.has(o.text)) {
          fp++;
          mistakes.push(`${c.domain}: false alarm: ${o.text}`);
        }
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`own cases (${cases.length} playbooks): precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, placement ${(placed / tp).toFixed(3)}\n${mistakes.join('\n')}`);
    expect(cases.reduce((n, c) => n + c.observed.length, 0)).toBeGreaterThanOrEqual(40);
    expect(precision).toBeGreaterThanOrEqual(0.85);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('explains a hard negative: same verb, different target', () => {
    const c: Case = { domain: 'hard negative', steps: ['Restart the `order-consumer` deployment.'], observed: [{ text: 'Restarted the order-consumer deployment', undocumented: false }, { text: 'Restarted the order-api deployment too', undocumented: true, after: 1 }] };
    const [found] = findUndocumentedActions(playbookOf(c));
    expect(found?.action.text).toBe('Restarted the order-api deployment too');
    expect(found?.afterStep).toBe(1);
    expect(found?.nearest?.reason).toBe('different target (`order-api` vs `order-consumer`)');
  });

  it('matches an action through a command in a code block, and the opposite effect is not a match', () => {
    const text = `---\ntitle: t\nsummary: s.\nowner: a\nshadowing:\n  - date: 2026-10-01\n    lead: a\n    shadow: b\n    observed:\n      - Ran pg_dump on the replica\n      - Unpaused the export job\n---\n\n## Steps\n\n1. Back up the tables:\n\n   \`\`\`sh\n   pg_dump -h billing-replica-1 -t invoices billing > invoices.sql\n   \`\`\`\n2. Pause the export job.\n`;
    const found = findUndocumentedActions(parsePlaybook('content/x.md', text, { path: 'x.md' }));
    expect(found.map((u) => u.action.text)).toEqual(['Unpaused the export job']);
    expect(found[0]!.afterStep).toBe(1);
  });
});
