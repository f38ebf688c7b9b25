/** vague-step: steps (and the Verify section) that lean on knowledge the page never gives, at the phrase. */
import { vagueStep } from '../../../src/checker/rules/vague-step.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** One finding of `phrase` in step `step` at a position. */
const says = (line: number, column: number, phrase: string, step = 'step 1') => ({ line, column, message: `${step} says \`${phrase}\`: a reader starting from zero does not know what that means`, data: { phrase } });

testRule(vagueStep, {
  valid: [
    { name: 'plain instructions', code: playbook('', '1. Ask for approval in #change-requests.\n2. Ask the approver to confirm.\n3. Use the usual-looking form.') },
    { name: 'vague words in a code block are code', code: playbook('', '1. Run:\n\n   ```sh\n   echo "as usual, TODO"\n   ```') },
    { name: 'built-in phrases turned off', code: playbook('', '1. Deploy as usual.'), config: { builtInVaguePhrases: false } },
    { name: 'a configured phrase only as a whole word', code: playbook('', '1. Deploy the old wayside build.'), config: { vaguePhrases: ['the old way'] } },
    { name: 'vague words outside the steps and Verify', code: playbook('', '1. Restart.', 'Background: as usual, TODO.\n\n') },
  ],
  invalid: [
    { name: '"Ask Alex"', code: playbook('', '1. Ask Alex for the password.'), findings: [{ ...says(9, 4, 'Ask Alex'), severity: 'warning', fix: /^write out what the expert knows/ }] },
    { name: '"as usual"', code: playbook('', '1. Restart the consumer as usual.'), findings: [says(9, 25, 'as usual')] },
    { name: '"the usual place"', code: playbook('', '1. Put the file in the usual place.'), findings: [says(9, 20, 'the usual place')] },
    { name: '"TODO"', code: playbook('', '1. TODO: write this step.'), findings: [says(9, 4, 'TODO')] },
    { name: '"etc."', code: playbook('', '1. Install kubectl, helm, etc.'), findings: [says(9, 27, 'etc.')] },
    { name: '"somehow"', code: playbook('', '1. Fix it somehow.'), findings: [says(9, 11, 'somehow')] },
    { name: '"Check with Sam", in step 2', code: playbook('', '1. First.\n2. Check with Sam before merging.'), findings: [says(10, 4, 'Check with Sam', 'step 2')] },
    { name: 'one finding per step, the first pattern that matches', code: playbook('', '1. Ask Alex, as usual.\n2. Fix it somehow.'), findings: [says(9, 4, 'Ask Alex'), says(10, 11, 'somehow', 'step 2')] },
    { name: 'in a sub-step', code: playbook('', '1. Prepare.\n   1. Drain it as usual.'), findings: [says(10, 16, 'as usual', 'step 1.1')] },
    {
      name: 'in the Verify section',
      code: '---\ntitle: T\nsummary: S.\nowner: alex\n---\n\n## Steps\n\n1. Restart.\n\n## Verify\n\nThe dashboard looks as usual.\n',
      findings: [says(13, 21, 'as usual', 'the Verify section')],
    },
    { name: 'a phrase from config', code: playbook('', '1. Deploy the old way.'), config: { vaguePhrases: ['the old way'] }, findings: [says(9, 11, 'the old way')] },
    { name: 'a phrase from config, in any case', code: playbook('', '1. Deploy The Old Way.'), config: { vaguePhrases: ['the old way'], builtInVaguePhrases: false }, findings: [says(9, 11, 'The Old Way')] },
  ],
});
