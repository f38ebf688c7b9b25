/**
 * The stages issue 9 added, one behaviour per case, on small playbooks:
 * clippings, values and names that fill a step's slot, results, extras,
 * Verify and prerequisites, references, gaps and confidence.
 */
import { describe, expect, it } from 'vitest';
import { buildJargonTable } from '../../../src/checker/match/jargon.ts';
import { CLOSE_BELOW, confidenceOf, findUndocumentedActions, gapCoverage, judgeActions, matcherFor } from '../../../src/checker/match/index.ts';
import { matchModel } from '../../../src/checker/match/model.ts';
import { buildSynonymTable } from '../../../src/checker/match/synonyms.ts';
import { termsOf } from '../../../src/checker/match/tokens.ts';
import { parsePlaybook } from '../../../src/core/parse.ts';

interface Session {
  observed: string[];
  gaps?: { found: string; status: string }[];
}

function playbookWith(steps: string, sessions: Session[], extra: { prerequisites?: string; verify?: string } = {}): ReturnType<typeof parsePlaybook> {
  const yaml = sessions
    .map((session) => {
      const observed = session.observed.map((text) => `      - ${JSON.stringify(text)}`).join('\n');
      const gaps = session.gaps ? `\n    gaps:\n${session.gaps.map((gap) => `      - found: ${JSON.stringify(gap.found)}\n        status: ${gap.status}`).join('\n')}` : '';
      return `  - date: 2026-10-01\n    lead: a\n    shadow: b\n    observed:\n${observed}${gaps}`;
    })
    .join('\n');
  const prerequisites = extra.prerequisites ? `prerequisites:\n${extra.prerequisites}\n` : '';
  const verify = extra.verify ? `\n## Verify\n\n${extra.verify}\n` : '';
  return parsePlaybook('content/t.md', `---\ntitle: Test playbook\nsummary: For the matcher.\nowner: a\n${prerequisites}shadowing:\n${yaml}\n---\n\n## Steps\n\n${steps}\n${verify}`, { path: 't.md' });
}

const undocumented = (steps: string, observed: string[], extra: { prerequisites?: string; verify?: string } = {}) =>
  Object.fromEntries(findUndocumentedActions(playbookWith(steps, [{ observed }], extra)).map((found) => [found.action.text, found.afterStep]));

describe('clippings and note symbols (jargon.ts)', () => {
  it('spells out what a watcher writes in a hurry', () => {
    const jargon = buildJargonTable();
    expect(jargon.expand("chk'd the walk-in + both reach-ins -> told the mgr")).toBe('checked the walk-in and both reach-ins, then told the manager');
    expect(jargon.expand("LOTO'd the isolator w/ my lock")).toBe('LOTOed the isolator with my lock');
  });

  it('leaves names and parts of names alone', () => {
    const jargon = buildJargonTable();
    expect(jargon.expand('Removed and re-added the printer')).toBe('Removed and re-added the printer');
    expect(jargon.expand('sqitch deploy db:pg://ops@host/billing')).toBe('sqitch deploy db:pg://ops@host/billing');
  });

  it('spells out contractions: "he\'d" is not the word "heed", "won\'t" not "win"', () => {
    const jargon = buildJargonTable();
    expect(jargon.expand("stayed until he'd swallowed it; she'd be late")).toBe('stayed until he had swallowed it; she had be late');
    expect(jargon.expand("won't start, can't find it, hadn't confirmed")).toBe('will not start, can not find it, had not confirmed');
    expect(jargon.expand("it'll be fine, we've done it, they're here, I'm done, it's on")).toBe('it will be fine, we have done it, they are here, I am done, it is on');
    // A noun's possessive stays.
    expect(jargon.expand("Mrs Chen's patch, the customer's order")).toBe("Mrs Chen's patch, the customer's order");
    const keys = termsOf("Gave him juice and stayed until he'd swallowed everything", buildSynonymTable()).terms.map((term) => term.key);
    expect(keys).not.toContain('heed');
    expect(keys.some((key) => key.startsWith('everyth'))).toBe(false);
  });

  it('takes a team’s own entries', () => {
    expect(buildJargonTable({ sev: 'severity' }).expand('set sev 2')).toBe('set severity 2');
  });

  it('matches a clipped note to the step it shortens', () => {
    expect(undocumented('1. Tell the store manager about the difference.', ['told the store mgr about the diff'])).toEqual({});
  });
});

describe('values and names that fill a step’s slot', () => {
  it('reads money, times, dates and quantities as values', () => {
    const terms = termsOf('Counted £1,284.40, 40p over, at 5:50 on 6/14, 19 oz used', buildSynonymTable()).terms;
    for (const text of ['1,284.40', '40p', '5:50', '6/14', '19']) expect(terms.find((term) => term.text === text)?.kind).toBe('number');
    expect(terms.find((term) => term.text === 'oz')?.weak).toBe(true);
  });

  it('an ID, a room or a person the steps leave general does not count against the match', () => {
    const steps = '1. Weigh each sample and enter its mass in the log.\n2. Book a quiet room for the interview.';
    expect(undocumented(steps, ['Weighed sample S-118 and entered 4.2 g in the log', 'Booked the Orchid room for the interview'])).toEqual({});
  });

  it('a name that competes with the step’s still does', () => {
    const steps = '1. Restart the `order-consumer` deployment.';
    expect(undocumented(steps, ['Restarted the order-consumer deployment', 'Restarted the order-api deployment'])).toEqual({ 'Restarted the order-api deployment': 1 });
  });
});

describe('how notes are written', () => {
  it('finds the verb after a subject, and reads a clause without one as a result', () => {
    const steps = '1. Count the drawer.\n2. If the difference is more than £5, a second person recounts and records it in the variance log.';
    expect(undocumented(steps, ['Counted the drawer', 'Jonah recounted, still £7 short, logged it in the variance log'])).toEqual({});
  });

  it('an action done "too", "in case" or "while there" is extra to the procedure', () => {
    const steps = '1. Replace the filters in the air handler.\n2. Close the access door.';
    expect(undocumented(steps, ['Replaced the filters in the air handler', 'Replaced the filter in the plant room fan unit too, while there'])).toEqual({
      'Replaced the filter in the plant room fan unit too, while there': 1,
    });
  });
});

describe('where else a playbook says things', () => {
  it('the Verify section and the prerequisites describe actions, without moving the placement', () => {
    const steps = '1. Open the cycle count in the WMS.\n2. Submit the zone count.';
    const prerequisites = '  - access: WMS Inventory Counter role\n  - tool: Zebra RF gun with the inventory app';
    const verify = 'The zone shows 100 % counted and no location is left in Counting status.';
    const observed = ['Logged into the WMS with the counter role', 'Opened the cycle count in the WMS', 'Called the supervisor about a damaged pallet', 'Submitted the zone count', 'Checked the zone showed 100 % counted'];
    expect(undocumented(steps, observed, { prerequisites, verify })).toEqual({ 'Called the supervisor about a damaged pallet': 1 });
  });
});

describe('references', () => {
  it('"did the same for …" is what was done before, to what it names', () => {
    const steps = '1. Remove the printer on the user’s PC and add it again.\n2. Resolve the ticket.';
    expect(undocumented(steps, ['Removed and re-added the printer on the user’s PC', 'Did the same on the other three PCs', 'Resolved the ticket'])).toEqual({});
  });

  it('an action done again may go back to an earlier step', () => {
    const steps = '1. Check the queue depth.\n2. Restart the consumer.\n3. Post in `#orders` that it is done.';
    const verdicts = judgeActions(playbookWith(steps, [{ observed: ['Checked the queue depth', 'Restarted the consumer', 'Checked the queue depth again', 'Called the team lead'] }]), matcherFor({}));
    expect(verdicts.map((verdict) => [verdict.documented, verdict.step])).toEqual([
      [true, 1],
      [true, 2],
      [true, 1],
      [false, 1],
    ]);
  });
});

describe('gaps and confidence', () => {
  const steps = '1. Restart the `order-consumer` deployment.\n2. Watch the queue depth.';
  const observed = ['Posted in #orders-oncall that a restart was coming', 'Restarted the order-consumer deployment', 'Watched the queue depth'];

  it('an action a recorded gap describes is covered: the matcher still says no step describes it', () => {
    const playbook = playbookWith(steps, [{ observed, gaps: [{ found: 'Dana posted in #orders-oncall before restarting; no step says to.', status: 'open' }] }]);
    const [found] = findUndocumentedActions(playbook);
    expect(found?.action.text).toBe(observed[0]);
    expect(found?.coveredBy).toMatchObject({ session: 0, index: 0, status: 'open' });
    expect([...gapCoverage(playbook, matcherFor({})).keys()]).toEqual([observed[0]!.toLowerCase()]);
  });

  it('a gap about something else covers nothing', () => {
    const playbook = playbookWith(steps, [{ observed, gaps: [{ found: 'The dashboard link in step 2 is broken.', status: 'open' }] }]);
    expect(findUndocumentedActions(playbook)[0]?.coveredBy).toBeUndefined();
  });

  it("a gap written as a story records its own session's action that says most of it", () => {
    // The gap's words are a narrative (who, what went wrong, "no step says …"); the action a terse note with its own words.
    const laptop = '1. Run `brew bundle` in the setup repository.\n2. Sign in to Okta Verify.';
    const actions = ['Ran brew bundle in the setup repository', 'Rebooted the laptop so the Okta Verify profile from Jamf would apply', 'Signed in to Okta Verify'];
    const playbook = playbookWith(laptop, [{ observed: actions, gaps: [{ found: 'Okta Verify would not register until Kenji restarted after brew bundle; no step says to restart.', status: 'open' }] }]);
    const found = findUndocumentedActions(playbook);
    expect(found.map((f) => f.action.text)).toEqual([actions[1]]);
    expect(found[0]!.coveredBy).toMatchObject({ session: 0, index: 0 });
  });

  it('one gap records one action of its session, and one action is recorded by one gap', () => {
    const two = [
      { found: 'Dana posted in #orders-oncall before restarting; no step says to.', status: 'open' },
      { found: 'Dana also posted in #orders-oncall again once the queue drained.', status: 'open' },
    ];
    const actions = ['Posted in #orders-oncall that a restart was coming', 'Restarted the order-consumer deployment', 'Watched the queue depth', 'Posted in #orders-oncall that the queue had drained'];
    const covered = gapCoverage(playbookWith(steps, [{ observed: actions, gaps: two }]), matcherFor({}));
    expect(covered.get(actions[0]!.toLowerCase())?.index).toBe(0);
    expect(covered.get(actions[3]!.toLowerCase())?.index).toBe(1);
  });

  it("a gap records another session's action only when it is the same action seen again", () => {
    const first = { observed, gaps: [{ found: 'Dana posted in #orders-oncall before restarting; no step says to.', status: 'open' }] };
    const again = { observed: ['Posted in #orders-oncall that the consumer was about to restart', 'Restarted the order-consumer deployment', 'Emailed the database team about the queue', 'Watched the queue depth'] };
    const found = findUndocumentedActions(playbookWith(steps, [first, again]));
    const byText = new Map(found.map((f) => [f.action.text, f.coveredBy?.index]));
    expect(byText.get(again.observed[0]!)).toBe(0);
    // Undocumented too, but not what the gap is about: it stays a finding.
    expect(byText.has(again.observed[2]!)).toBe(true);
    expect(byText.get(again.observed[2]!)).toBeUndefined();
  });

  it("a gap written up in the next session records the earlier session's action when its own session shows nothing it says", () => {
    const earlier = { observed };
    const later = { observed: ['Restarted the order-consumer deployment', 'Watched the queue depth'], gaps: [{ found: 'Last time Dana posted in #orders-oncall before restarting; no step says to.', status: 'open' }] };
    const [found] = findUndocumentedActions(playbookWith(steps, [earlier, later]));
    expect(found?.action.text).toBe(observed[0]);
    expect(found?.coveredBy).toMatchObject({ session: 1, index: 0 });
  });

  it("a gap does not record another session's action that says little of it", () => {
    const quiet = { observed: ['Restarted the order-consumer deployment', 'Watched the queue depth'], gaps: [{ found: 'Dana posted in #orders-oncall before restarting; no step says to.', status: 'open' }] };
    const later = { observed: ['Emailed the database team about the replica lag', 'Restarted the order-consumer deployment'] };
    const found = findUndocumentedActions(playbookWith(steps, [quiet, later]));
    expect(found.map((f) => [f.action.text, f.coveredBy])).toEqual([[later.observed[0], undefined]]);
  });

  it('says how sure it is, and when it was close', () => {
    const playbook = playbookWith('1. Restart the consumer and watch the queue depth.', [{ observed: ['Ordered pizza for the team'] }]);
    const [found] = findUndocumentedActions(playbook);
    expect(found!.confidence).toBeGreaterThan(0.85);
    expect(found!.close).toBe(false);
    // The confidence is the model's probability that nothing describes the action, in hundredths, below 1.
    const verdict = judgeActions(playbook, matcherFor({}))[0]!;
    expect(confidenceOf({ ...verdict, probability: 0.456 })).toBe(0.46);
    expect(confidenceOf({ ...verdict, probability: 0.999 })).toBe(0.99);
    expect(CLOSE_BELOW).toBeGreaterThan(matchModel().cut);
  });
});
