import { z } from 'astro/zod';
import { findStep, type Playbook } from '../../core/model.ts';
import { findUndocumentedActions, type MatcherOptions, type UndocumentedAction } from '../match/index.ts';
import type { Rule } from '../rule.ts';

/** `options["undocumented-step"]` in the config file. */
export const undocumentedStepOptionsSchema = z
  .strictObject({
    /** Synonym classes: a default class name extends it (`"restart": ["kick"]`), a new name adds a class. */
    synonyms: z.record(z.string(), z.array(z.string().min(1))).optional(),
    /** How likely (0–1) the matcher must find an action documented to leave it alone; by default 1 − the cut in src/checker/match/model.json. Lower reports fewer actions. */
    threshold: z.number().min(0).max(1).optional(),
    /** Clippings and team jargon, spelled out before matching: `"sev": "severity"`, `"pr": "pull request"`. Overrides a default entry. */
    jargon: z.record(z.string().min(1), z.string().min(1)).optional(),
  })
  .describe('Options of the undocumented-step matcher.');

type UndocumentedStepOptions = z.infer<typeof undocumentedStepOptionsSchema>;

/** The matcher's options from the rule's validated options. */
function optionsOf(parsed: UndocumentedStepOptions): MatcherOptions {
  const options: MatcherOptions = {};
  if (parsed.synonyms) options.synonyms = parsed.synonyms;
  if (parsed.threshold !== undefined) options.threshold = parsed.threshold;
  if (parsed.jargon) options.jargon = parsed.jargon;
  return options;
}

/** A step's title, short enough for a message. */
function titleOf(playbook: Playbook, number: string): string {
  const title = (findStep(playbook.steps, number)?.title ?? '').replace(/\s+/g, ' ').replace(/[:.]$/, '');
  return title.length > 40 ? `${title.slice(0, 40).replace(/\s+\S*$/, '')}…` : title;
}

function whereOf(playbook: Playbook, found: UndocumentedAction): string {
  return found.afterStep === 0 ? 'before step 1' : `after step ${found.afterStep} (\`${titleOf(playbook, String(found.afterStep))}\`)`;
}

/**
 * An observed action that no step describes. How the matching works and how
 * a team tunes it: docs/rules/undocumented-step.md; how it works and how good it is: docs/matcher.md.
 */
export const undocumentedStep: Rule<UndocumentedStepOptions> = {
  id: 'undocumented-step',
  description: 'An observed action that no step describes',
  defaultSeverity: 'warning',
  scope: 'file',
  procedureOnly: true,
  optionsSchema: undocumentedStepOptionsSchema,
  check({ playbook, options, report }) {
    for (const found of findUndocumentedActions(playbook, optionsOf(options))) {
      // One finding per missing thing: a gap of the session already records it (open-gap reports an open one).
      if (found.coveredBy) continue;
      const nearest = found.nearest ? `. Nearest: step ${found.nearest.step}, ${found.nearest.reason}` : '';
      const close = found.close && found.nearest ? ` (a close call, confidence ${found.confidence.toFixed(2)}: if step ${found.nearest.step} does describe it, name the same thing in both)` : '';
      const where = found.afterStep === 0 ? 'before step 1' : `after step ${found.afterStep}`;
      report({
        place: found.action.place,
        message: `\`${found.action.text}\` is not described by any step; it most likely belongs ${whereOf(playbook, found)}${nearest}${close}`,
        fix: `add a step ${where} that tells the reader to do this, or record it in this session's \`gaps:\` with \`found:\` quoting it (\`status: open\` until a step says it, \`wontfix\` if it should not be done)`,
        data: { afterStep: found.afterStep, confidence: found.confidence, close: found.close, ...(found.nearest ? { nearestStep: found.nearest.step } : {}) },
      });
    }
  },
};
