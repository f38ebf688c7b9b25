import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

/** A session watching `observed` (frontmatter lines 5–), against the consumer steps. */
const session = (...observed: string[]) => `shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    observed:\n${observed.map((text) => `      - ${JSON.stringify(text)}`).join('\n')}`;

const STEPS = `1. Open the **Orders** dashboard for \`prod-eu-1\`.
2. Restart the consumer and wait for the rollout:

   \`\`\`sh
   kubectl rollout restart deployment/order-consumer -n orders
   \`\`\`

3. Watch the queue depth for ten minutes.`;

describe('undocumented-step', () => {
  it('flags an observed action no step describes, on its line in the frontmatter', async () => {
    const d = onlyHit(await check({ 'a.md': playbook(session('Opened the Orders dashboard for prod-eu-1', 'Restarted the order-consumer deployment', 'Restarted the order-api deployment too'), STEPS) }), 'undocumented-step');
    expect([d.line, d.column, d.severity]).toEqual([12, 9, 'warning']);
    expect(d.message).toBe(
      '`Restarted the order-api deployment too` is not described by any step; it most likely belongs after step 2 (`Restart the consumer and wait for the…`). Nearest: step 2, different target (`order-api` vs `order-consumer`)',
    );
    expect(d.fix).toBe("add a step after step 2 that tells the reader to do this, or record it in this session's `gaps:` with `found:` quoting it (`status: open` until a step says it, `wontfix` if it should not be done)");
    expect(d.data).toEqual({ afterStep: 2, nearestStep: '2', confidence: 0.99, close: false });
  });

  it('places an action seen before any documented one before step 1', async () => {
    const d = onlyHit(await check({ 'a.md': playbook(session('Acknowledged the page in PagerDuty', 'Opened the Orders dashboard for prod-eu-1'), STEPS) }), 'undocumented-step');
    expect(d.message).toContain('it most likely belongs before step 1');
    expect(d.data).toMatchObject({ afterStep: 0 });
  });

  it('reports a text repeated in two sessions once, at its first occurrence', async () => {
    const two = `${session('Paged the database team')}\n  - date: 2026-10-09\n    lead: priya\n    shadow: alex\n    mode: reverse\n    observed:\n      - Paged the database team`;
    expect(hits(await check({ 'a.md': playbook(two, STEPS) }), 'undocumented-step')).toEqual(['10:9']);
  });

  it('leaves paraphrases, synonyms and commands alone', async () => {
    const observed = session('Opened the Orders dashboard for prod-eu-1', 'Bounced the consumer', 'Ran kubectl rollout restart', 'Kept an eye on the queue depth');
    expect(hits(await check({ 'a.md': playbook(observed, STEPS) }), 'undocumented-step')).toEqual([]);
  });

  it('takes synonyms and a threshold from options["undocumented-step"]', async () => {
    const text = playbook(session('Kicked the consumer'), STEPS);
    expect(hits(await check({ 'a.md': text }), 'undocumented-step')).toEqual(['10:9']);
    expect(hits(await check({ 'a.md': text }, { options: { 'undocumented-step': { synonyms: { restart: ['kick'] } } } }), 'undocumented-step')).toEqual([]);
    expect(hits(await check({ 'a.md': text }, { options: { 'undocumented-step': { threshold: 0.01 } } }), 'undocumented-step')).toEqual([]);
  });

  it('needs observed actions: no shadowing, no finding', async () => {
    expect(hits(await check({ 'a.md': playbook('', STEPS) }), 'undocumented-step')).toEqual([]);
  });

  it('one finding per missing thing: an action a recorded gap describes is left to the gap', async () => {
    const gap = `\n    gaps:\n      - id: announce\n        found: "Alex posted in #orders-oncall before restarting; no step says to."\n        status: open`;
    const text = playbook(session('Posted in #orders-oncall that a restart was coming', 'Restarted the order-consumer deployment') + gap, STEPS);
    const diagnostics = await check({ 'a.md': text });
    expect(hits(diagnostics, 'undocumented-step')).toEqual([]);
    expect(hits(diagnostics, 'open-gap')).toHaveLength(1);
  });

  it('recording the action as the fix says clears the finding', async () => {
    const action = 'Restarted the order-api deployment too';
    const before = playbook(session('Restarted the order-consumer deployment', action), STEPS);
    expect(hits(await check({ 'a.md': before }), 'undocumented-step')).toHaveLength(1);
    const after = playbook(`${session('Restarted the order-consumer deployment', action)}\n    gaps:\n      - found: ${JSON.stringify(action)}\n        status: wontfix`, STEPS);
    expect(hits(await check({ 'a.md': after }), 'undocumented-step')).toEqual([]);
  });

  it('says when the match was close, with a confidence', async () => {
    // With `threshold: 1` every action is reported, however likely a step describes it: this one is a close call.
    const d = onlyHit(await check({ 'a.md': playbook(session('Opened the Orders dashboard for prod-eu-1'), STEPS) }, { options: { 'undocumented-step': { threshold: 1 } } }), 'undocumented-step');
    expect(d.data).toMatchObject({ close: true });
    expect(d.data?.['confidence']).toBeLessThan(0.6);
    expect(d.message).toContain('a close call, confidence');
  });
});
