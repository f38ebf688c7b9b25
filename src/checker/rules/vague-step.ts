import { everyStep } from '../../core/model.ts';
import type { Rule } from '../rule.ts';
import { placeOfMatch } from '../text.ts';

/**
 * Built-in patterns of tacit knowledge. "ask Alex" needs a capitalised name
 * (so "ask for approval" is fine); the rest are case-insensitive.
 */
const BUILT_IN: readonly RegExp[] = [
  /\b[Aa]sk (?!for\b|about\b|if\b|whether\b|to\b|the (?!team\b))(?:[A-Z][a-z]+|someone|somebody|around|the team)\b/,
  /\b[Cc]heck with [A-Z][a-z]+\b/,
  /\bas (?:usual|always)\b/i,
  /\bthe usual (?:place|way|spot|channel|folder|person|people|steps?)\b/i,
  /\byou know\b/i,
  /\b(?:TBD|TODO|FIXME|XXX)\b/,
  /\betc\b\.?/i,
  /\bsomehow\b/i,
  /\band so on\b/i,
  /\bthe normal way\b/i,
  /\bif you know\b/i,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Steps that lean on knowledge the page never gives: "ask Alex", "as usual", "TODO", "etc.". */
export const vagueStep: Rule = {
  id: 'vague-step',
  description: 'A step that leans on knowledge the page never gives ("ask Alex", "as usual", "TODO")',
  defaultSeverity: 'warning',
  scope: 'file',
  procedureOnly: true,
  check({ playbook, settings, report }) {
    const custom = settings.vaguePhrases.map((phrase) => new RegExp(`(?<![\\w])${escapeRegExp(phrase)}(?![\\w])`, 'i'));
    const patterns = [...(settings.builtInVaguePhrases ? BUILT_IN : []), ...custom];
    const sections = [
      ...everyStep(playbook).map((step) => ({ what: `step ${step.number}`, from: step.place.start.line, to: step.children[0] ? step.children[0].place.start.line - 1 : (step.place.end?.line ?? step.place.start.line), prose: `${step.title}\n${step.text}` })),
      ...(playbook.verify ? [{ what: 'the Verify section', from: playbook.verify.place.start.line, to: playbook.verify.place.start.line + playbook.verify.text.split('\n').length + 2, prose: playbook.verify.text }] : []),
    ];
    for (const section of sections) {
      for (const pattern of patterns) {
        if (!pattern.test(section.prose)) continue;
        const found = placeOfMatch(playbook.text, pattern, section.from, section.to);
        if (!found) continue;
        report({
          place: found.place,
          message: `${section.what} says \`${found.match.trim()}\`: a reader starting from zero does not know what that means`,
          fix: 'write out what the expert knows: the name, the place, the exact command or the remaining items',
          data: { phrase: found.match.trim() },
        });
        break;
      }
    }
  },
};
