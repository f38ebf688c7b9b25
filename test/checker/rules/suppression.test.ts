/**
 * suppression: comments that silence findings, and the findings about the comments themselves.
 * The tester runs this rule alone, so no other rule has findings there: a well-formed suppression
 * suppresses nothing. How suppressions act on other rules' findings is below, with every rule.
 */
import { describe, expect, it } from 'vitest';
import { suppression } from '../../../src/checker/rules/suppression.ts';
import { check, hits, playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** A playbook whose steps start with `comment` on line 9 and a step on line 10. */
const above = (comment: string) => playbook('', `${comment}\n1. Restart as usual.`);
const shadowing = 'shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    mode: reverse\n    gaps:';

testRule(suppression, {
  valid: [
    { name: 'no suppressions', code: playbook() },
    { name: 'an ordinary HTML comment', code: above('<!-- reviewed with the team on 2026-10-02 -->') },
    { name: 'bad suppressions, with the rule off', code: above('<!-- playbook-disable-next-line vague-step -->'), config: { rules: { suppression: 'off' } } },
  ],
  invalid: [
    {
      name: 'no reason',
      code: above('<!-- playbook-disable-next-line vague-step -->'),
      findings: [{ line: 9, column: 1, severity: 'error', message: '`playbook-disable-next-line vague-step` gives no reason, so it suppresses nothing', fix: 'add ` -- ` and why the rule does not apply here: `playbook-disable-next-line vague-step -- reason`' }],
    },
    { name: 'an unknown rule', code: above('<!-- playbook-disable-next-line no-such-rule -- because -->'), findings: [{ line: 9, column: 1, message: '`playbook-disable-next-line` names unknown rule `no-such-rule`', fix: 'use a rule id from docs/rules/' }] },
    { name: 'two unknown rules', code: above('<!-- playbook-disable-next-line vague-step, nope, nada -- because -->'), findings: [{ line: 9, column: 1, message: '`playbook-disable-next-line` names unknown rules `nope`, `nada`' }] },
    { name: 'no rule', code: above('<!-- playbook-disable-next-line -->'), findings: [{ line: 9, column: 1, message: '`playbook-disable-next-line` names no rule', fix: 'write `playbook-disable-next-line rule-id -- why it does not apply here`' }] },
    { name: 'nothing to suppress on the next line', code: above('<!-- playbook-disable-next-line broken-link -- nothing here -->'), findings: [{ line: 9, column: 1, message: '`playbook-disable-next-line broken-link` suppresses nothing on line 10', fix: 'remove the suppression comment' }] },
    { name: 'a file-level suppression that suppresses nothing', code: playbook('', '1. Restart.', '<!-- playbook-disable open-gap, broken-link -- tracked in OPS-12 -->\n\n'), findings: [{ line: 7, column: 1, message: '`playbook-disable open-gap, broken-link` suppresses nothing' }] },
    { name: 'a YAML comment, at its column', code: playbook(`${shadowing}\n      # playbook-disable-next-line open-gap\n      - found: x\n        status: open`), findings: [{ line: 11, column: 7, message: /gives no reason/ }] },
    { name: 'one finding per bad comment', code: above('<!-- playbook-disable-next-line -->\n<!-- playbook-disable nope -- x -->'), findings: [{ line: 9, column: 1, message: /names no rule/ }, { line: 10, column: 1, message: /names unknown rule `nope`/ }] },
    { name: 'a severity set in config', code: above('<!-- playbook-disable-next-line -->'), config: { rules: { suppression: 'warning' } }, findings: [{ line: 9, column: 1, severity: 'warning' }] },
  ],
});

describe('suppressions, with every rule', () => {
  it('a next-line suppression with a reason silences that line only', async () => {
    const steps = '<!-- playbook-disable-next-line vague-step -- defined in the team README -->\n1. Restart as usual.\n2. Deploy as usual.';
    const diagnostics = await check({ 'a.md': playbook('', steps) });
    expect(hits(diagnostics, 'vague-step')).toEqual(['11:11']);
    expect(hits(diagnostics, 'suppression')).toEqual([]);
  });
  it('a next-line suppression skips blank lines to the next content line', async () => {
    const diagnostics = await check({ 'a.md': playbook('', '1. First.\n\n   <!-- playbook-disable-next-line vague-step -- defined in the team README -->\n\n   Then restart as usual.') });
    expect(hits(diagnostics, 'vague-step')).toEqual([]);
    expect(hits(diagnostics, 'suppression')).toEqual([]);
  });
  it('a file-level suppression silences the rule everywhere, frontmatter included', async () => {
    const extra = 'shadowing:\n  - date: 2026-10-02\n    lead: alex\n    shadow: priya\n    gaps:\n      - found: x\n        status: open';
    const diagnostics = await check({ 'a.md': playbook(extra, '1. Restart.', '<!-- playbook-disable open-gap, single-point-of-failure -- tracked in JIRA OPS-12 -->\n\n') });
    expect(hits(diagnostics, 'open-gap')).toEqual([]);
    expect(hits(diagnostics, 'single-point-of-failure')).toEqual([]);
    expect(hits(diagnostics, 'suppression')).toEqual([]);
  });
  it('a YAML comment suppresses the next frontmatter line, and only that line', async () => {
    // The gap finding sits on `status:` two lines below the comment, so it is not the next line: still reported, and the comment is unused.
    const below = await check({ 'a.md': playbook(`${shadowing}\n      # playbook-disable-next-line open-gap -- decided in the retro to keep it open\n      - found: x\n        status: open`) });
    expect(hits(below, 'open-gap')).toEqual(['13:17']);
    expect(hits(below, 'suppression')).toEqual(['11:7']);
    const right = await check({ 'a.md': playbook(`${shadowing}\n      - found: x\n        # playbook-disable-next-line open-gap -- decided in the retro to keep it open\n        status: open`) });
    expect(hits(right, 'open-gap')).toEqual([]);
    expect(hits(right, 'suppression')).toEqual([]);
  });
  it('a suppression without a reason suppresses nothing', async () => {
    const diagnostics = await check({ 'a.md': playbook('', '<!-- playbook-disable-next-line vague-step -->\n1. Restart as usual.') });
    expect(hits(diagnostics, 'vague-step')).toEqual(['10:12']);
    expect(hits(diagnostics, 'suppression')).toEqual(['9:1']);
  });
  it('a finding about a suppression cannot itself be suppressed', async () => {
    const diagnostics = await check({ 'a.md': playbook('', '1. Restart.', '<!-- playbook-disable suppression -- noisy -->\n\n<!-- playbook-disable-next-line -->\n\n') });
    expect(hits(diagnostics, 'suppression')).toEqual(['7:1', '9:1']);
  });
});
