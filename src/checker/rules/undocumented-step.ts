import { z } from 'astro/zod';
import { findStep, type Playbook } from '../../core/model.ts';
import { findUndocumentedActions, type MatcherOptions, type UndocumentedAction } from '../match/index.ts';
import type { Rule } from '../rule.ts';

/** `options["undocumented-step"]` in the config file. */
export const undocumentedStepOptionsSchema = z
  .strictObject({
    /** Synonym classes: a default class name extends it (`"restart": ["kick"]`), a new name adds a class. */
    synonyms: z.record(z.string(), z.array(z.string().min(1))).optional(),
    /** Score (0–1) a step must reach to describe an action; default 0.5. Lower reports fewer actions. */
    threshold: z.number().min(0).max(1).optional(),
  })
  .describe('Options of the undocumented-step matcher.');

type UndocumentedStepOptions = z.infer<typeof undocumentedStepOptionsSchema>;

/** The matcher's options from the rule's validated options. */
function optionsOf(parsed: UndocumentedStepOptions): MatcherOptions {
  const options: MatcherOptions = {};
  if (parsed.synonyms) options.synonyms = parsed.synonyms;
  if (parsed.threshold !== undefined) options.threshold = parsed.threshold;
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
 * a team tunes it: docs/rules/undocumented-step.md.
 */
export const undocumentedStep: Rule<UndocumentedStepOptions> = {
  id: 'undocumented-step',
  description: 'An observed action that no step describes',
  defaultSeverity: 'warning',
  scope: 'file',
  optionsSchema: undocumentedStepOptionsSchema,
  check({ playbook, options, report }) {
    for (const found of findUndocumentedActions(playbook, optionsOf(options))) {
      const nearest = found.nearest ? `. Nearest: step ${found.nearest.step}, ${found.nearest.reason}` : '';
      report({
        place: found.action.place,
        message: `\`${found.action.text}\` is not described by any step; it most likely belongs ${whereOf(playbook, found)}${nearest}`,
        fix: `add a step ${found.afterStep === 0 ? 'before step 1' : `after step ${found.afterStep}`} that tells the reader to do this, or record it as a gap with \`status: open\``,
        data: { afterStep: found.afterStep, ...(found.nearest ? { nearestStep: found.nearest.step } : {}) },
      });
    }
  },
};
