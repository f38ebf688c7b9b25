/**
 * Realistic playbook corpora for benchmarks, deterministic by seed:
 * `node scripts/generate-corpus.ts --count 1000 --seed 1 --out /tmp/corpus`.
 * Each playbook has frontmatter with prerequisites (to earlier playbooks, so
 * the graph is acyclic and several levels deep), tools, shadowing sessions
 * with observed actions and gaps; a body with an intro, 4–12 steps (some with
 * sub-steps and shell blocks), links to other playbooks and a Verify section.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const AREAS = ['on-call', 'onboarding', 'month-end-close', 'access', 'data-platform', 'security', 'support', 'release'];
const PEOPLE = ['alex', 'priya', 'sam', 'mei', 'jordan', 'tomas', 'fatima', 'kenji', 'ana', 'li', 'omar', 'zoe'];
const VERBS = ['Open', 'Check', 'Restart', 'Export', 'Review', 'Create', 'Update', 'Confirm', 'Rotate', 'Drain', 'Scale', 'Back up', 'Notify', 'Approve', 'Reconcile', 'Archive'];
const OBJECTS = ['the order consumer', 'the billing database', 'the Grafana dashboard', 'the on-call schedule', 'the VPN profile', 'the ledger export', 'the release branch', 'the feature flag', 'the support queue', 'the S3 bucket policy', 'the payroll report', 'the Kafka topic', 'the DNS record', 'the TLS certificate'];
const TOOLS = ['kubectl', 'psql', 'aws', 'gh', 'terraform', 'jq', 'helm', 'vault', 'pd'];
const WORDS = 'queue latency replica snapshot rollout window approval ticket channel runbook alert threshold backlog invoice ledger quota token audit'.split(' ');

/** mulberry32: a tiny seeded PRNG, so the same seed gives the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  count: number;
  seed: number;
  outDir: string;
}

/** Write `count` playbooks under `outDir` (emptied first). Returns their slugs. */
export function generateCorpus({ count, seed, outDir }: GenerateOptions): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  rmSync(outDir, { recursive: true, force: true });
  const slugs: string[] = [];
  for (let index = 0; index < count; index++) {
    const area = AREAS[index % AREAS.length]!;
    const verb = pick(VERBS);
    const object = pick(OBJECTS);
    const slug = `${area}/${verb.toLowerCase().replace(/\s+/g, '-')}-${object.replace(/^the /, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${index}`;
    slugs.push(slug);
    const owner = pick(PEOPLE);
    const tools = [...new Set(Array.from({ length: int(0, 3) }, () => pick(TOOLS)))];
    const needs = index > 0 ? [...new Set(Array.from({ length: int(0, 3) }, () => slugs[Math.max(0, index - int(1, Math.min(index, 40)))]!))].filter((s) => s !== slug) : [];
    const stepCount = int(4, 12);
    const steps: string[] = [];
    for (let step = 1; step <= stepCount; step++) {
      const line = `${step}. ${pick(VERBS)} ${pick(OBJECTS)} and note the ${pick(WORDS)} in the ${pick(WORDS)} log.`;
      steps.push(line);
      if (next() < 0.25) steps.push(`   1. ${pick(VERBS)} ${pick(OBJECTS)} for the ${pick(WORDS)}.`, `   2. ${pick(VERBS)} the ${pick(WORDS)} ${pick(WORDS)}.`);
      if (tools.length > 0 && next() < 0.35) steps.push('', '   ```sh', `   ${pick(tools)} get ${pick(WORDS)} --namespace ${area} | grep ${pick(WORDS)}`, '   ```', '');
    }
    const sessions = Array.from({ length: int(0, 2) }, () => {
      const shadow = pick(PEOPLE);
      const observed = Array.from({ length: int(2, 6) }, () => `      - ${pick(['Opened', 'Checked', 'Restarted', 'Exported', 'Reviewed', 'Posted in', 'Paused', 'Scaled'])} ${pick(OBJECTS)} ${pick(['first', 'again', 'before the window', 'in prod', 'for the audit'])}`);
      const gap = next() < 0.4 ? `\n    gaps:\n      - found: ${pick(VERBS)} ${pick(OBJECTS)} before step ${int(1, stepCount)}.\n        status: ${pick(['open', 'wontfix', 'documented'])}\n        step: ${int(1, stepCount)}` : '';
      return `  - date: 2026-${String(int(1, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}\n    lead: ${owner}\n    shadow: ${shadow}\n    mode: ${pick(['shadow', 'reverse'])}\n    observed:\n${observed.join('\n')}${gap}`;
    });
    const prerequisites = [...needs.map((s) => `  - playbook: ${s}`), ...tools.map((t) => `  - tool: ${t}\n    install: https://example.com/install/${t}`), ...(next() < 0.3 ? [`  - access: ${pick(WORDS)} admin role\n    request: https://example.com/request`] : [])];
    const link = needs[0] ? `See [${needs[0]}](${'../'.repeat(slug.split('/').length - 1)}${needs[0]}.md#steps) first.` : '';
    const text = `---
title: ${verb} ${object} (${index})
summary: ${verb} ${object} so that the ${pick(WORDS)} stays under control.
owner: ${owner}
tags: [${area}, ${pick(WORDS)}]
status: ${pick(['active', 'active', 'active', 'draft', 'deprecated'])}
last_reviewed: 2026-${String(int(1, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}
${prerequisites.length > 0 ? `prerequisites:\n${prerequisites.join('\n')}\n` : ''}${sessions.length > 0 ? `shadowing:\n${sessions.join('\n')}\n` : ''}---

Use this playbook when the ${pick(WORDS)} of ${object} goes above its ${pick(WORDS)}. ${link}
It was written by ${owner} after the ${pick(WORDS)} incident; ${pick(WORDS)} and ${pick(WORDS)} matter most.

## Steps

${steps.join('\n')}

## Verify

The ${pick(WORDS)} on ${pick(OBJECTS)} is back to normal and the ${pick(WORDS)} is empty.
`;
    const path = join(outDir, `${slug}.md`);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return slugs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index === -1 ? fallback : process.argv[index + 1]!;
  };
  const count = Number(arg('count', '1000'));
  const outDir = arg('out', `/tmp/playbook-corpus-${count}`);
  generateCorpus({ count, seed: Number(arg('seed', '1')), outDir });
  console.log(`wrote ${count} playbooks to ${outDir}`);
}
