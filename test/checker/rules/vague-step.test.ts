import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

describe('vague-step', () => {
  it.each([
    ['1. Ask Alex for the password.', 'Ask Alex', 9, 4],
    ['1. Restart the consumer as usual.', 'as usual', 9, 25],
    ['1. Put the file in the usual place.', 'the usual place', 9, 20],
    ['1. TODO: write this step.', 'TODO', 9, 4],
    ['1. Install kubectl, helm, etc.', 'etc.', 9, 27],
    ['1. Fix it somehow.', 'somehow', 9, 11],
    ['1. First.\n2. Check with Sam before merging.', 'Check with Sam', 10, 4],
  ])('flags %j at the phrase', (steps, phrase, line, column) => {
    const d = onlyHit(check({ 'a.md': playbook('', steps) }), 'vague-step');
    expect(d.data?.['phrase']).toBe(phrase);
    expect([d.line, d.column]).toEqual([line, column]);
  });
  it('does not flag plain instructions', () => {
    expect(hits(check({ 'a.md': playbook('', '1. Ask for approval in #change-requests.\n2. Ask the approver to confirm.\n3. Use the usual-looking form.') }), 'vague-step')).toEqual([]);
  });
  it('takes extra phrases from config and can drop the built-in ones', () => {
    expect(hits(check({ 'a.md': playbook('', '1. Deploy the old way.') }, { vaguePhrases: ['the old way'] }), 'vague-step')).toEqual(['9:11']);
    expect(hits(check({ 'a.md': playbook('', '1. Deploy as usual.') }, { builtInVaguePhrases: false }), 'vague-step')).toEqual([]);
  });
});
