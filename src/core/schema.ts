/**
 * The playbook format, version 1 (FORMAT.md), as one zod schema. The checker,
 * the site and the generated JSON Schema all derive from this file; types come
 * from `z.infer`, never written twice by hand.
 */
import { z } from 'astro/zod';
import { reviewIntervalDays } from './dialect.ts';

/** A calendar date written `YYYY-MM-DD` that exists (no 2026-13-45). */
export const calendarDate = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date written YYYY-MM-DD' })
  .refine(isRealCalendarDate, { message: 'is not a real calendar date' })
  .describe('A calendar date, YYYY-MM-DD.');

/** True when `YYYY-MM-DD` names a day that exists. */
export function isRealCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const nonEmptyText = (what: string) =>
  z.string({ error: `expected ${what} as text` }).trim().min(1, { message: `must not be empty: write ${what}` });

/** Person handle, e.g. `alex`. */
const person = nonEmptyText('a person (their handle)');

/** The kinds of prerequisite, each the key of exactly one entry. */
export const PREREQUISITE_KINDS = ['playbook', 'tool', 'access', 'skill'] as const;
export type PrerequisiteKind = (typeof PREREQUISITE_KINDS)[number];

/** Which optional "how to get it" key belongs to which kind. */
export const PREREQUISITE_HOW_KEY = { tool: 'install', access: 'request', skill: 'learn' } as const;

/** One thing the reader must have before step 1. Exactly one kind key. */
export const prerequisiteSchema = z
  .strictObject({
    playbook: nonEmptyText('a playbook slug').optional().describe('Another playbook, by slug (path under content/ without .md).'),
    tool: nonEmptyText('a program name').optional().describe('A program the reader must have installed.'),
    install: nonEmptyText('a link or playbook slug').optional().describe('With `tool`: how to install it (link or playbook slug).'),
    access: nonEmptyText('a permission').optional().describe('A permission the reader must hold.'),
    request: nonEmptyText('a link or playbook slug').optional().describe('With `access`: how to get it (link or playbook slug).'),
    skill: nonEmptyText('a skill').optional().describe('Knowledge the reader needs.'),
    learn: nonEmptyText('a link or playbook slug').optional().describe('With `skill`: where to learn it (link or playbook slug).'),
  })
  .superRefine((entry, context) => {
    const kinds = PREREQUISITE_KINDS.filter((kind) => entry[kind] !== undefined);
    if (kinds.length !== 1) {
      context.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? `has no kind key: use exactly one of ${PREREQUISITE_KINDS.map((k) => `\`${k}\``).join(', ')}`
            : `has ${kinds.length} kind keys (${kinds.map((k) => `\`${k}\``).join(', ')}): split it into one entry per kind`,
      });
      return;
    }
    for (const [kind, how] of Object.entries(PREREQUISITE_HOW_KEY)) {
      if (entry[how] !== undefined && kinds[0] !== kind) {
        context.addIssue({ code: 'custom', path: [how], message: `\`${how}\` belongs to a \`${kind}\` entry, not a \`${kinds[0]}\` entry` });
      }
    }
  })
  .describe('A prerequisite: exactly one of playbook, tool, access, skill.');

export const GAP_STATUSES = ['open', 'documented', 'wontfix'] as const;

/** What the document did not say, found in a shadowing session. */
export const gapSchema = z
  .strictObject({
    id: z
      .string({ error: 'expected an id as text' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { message: 'must be letters, digits, `-` or `_`' })
      .optional()
      .describe('Stable id, unique in the file.'),
    found: nonEmptyText('what was missing').describe('What the document did not say.'),
    status: z.enum(GAP_STATUSES, { error: `expected one of ${GAP_STATUSES.join(', ')}` }).describe('open | documented | wontfix'),
    step: z
      .union([z.string().trim().min(1), z.number()], { error: 'expected a step number (`2`, `2.1`) or a step id' })
      // The parser keeps numbers as written (`2.10` stays "2.10"); a number reaching here is made text.
      .transform((value) => String(value))
      .optional()
      .describe('With `documented`: the step that now covers it, by number (`2`, `2.1`) or explicit id.'),
  })
  .superRefine((gap, context) => {
    if (gap.status === 'documented' && gap.step === undefined) {
      context.addIssue({ code: 'custom', path: ['status'], message: 'is `documented` but names no `step`: add `step:` with the step that now covers it' });
    }
  })
  .describe('A gap found while shadowing.');

export const SHADOWING_MODES = ['shadow', 'reverse'] as const;

/** A session where someone watched the work being done. */
export const shadowingSessionSchema = z
  .strictObject({
    date: calendarDate.describe('When the session took place.'),
    lead: person.describe('Who did the work (or, in reverse mode, who watched).'),
    shadow: person.describe('Who watched (or, in reverse mode, who did the work).'),
    mode: z.enum(SHADOWING_MODES, { error: 'expected `shadow` or `reverse`' }).default('shadow').describe('shadow: lead did it; reverse: shadow did it, lead watched.'),
    observed: z.array(nonEmptyText('an observed action'), { error: 'expected a list of observed actions' }).optional().describe('What the doer actually did, in order.'),
    gaps: z.array(gapSchema, { error: 'expected a list of gaps' }).optional().describe('What the document did not say.'),
  })
  .describe('A shadowing session.');

export const STATUSES = ['draft', 'active', 'deprecated'] as const;

/** What a page is: a procedure (steps to follow: every step rule applies) or a reference (knowledge, a postmortem: no step rules). */
export const KINDS = ['procedure', 'reference'] as const;

/** The frontmatter of a playbook. */
export const frontmatterSchema = z
  .strictObject({
    title: nonEmptyText('a title').describe('Plain-text title.'),
    summary: nonEmptyText('a one-sentence summary').describe('One sentence: what the playbook achieves.'),
    owner: person.describe('Who answers questions about this playbook.'),
    tags: z.array(nonEmptyText('a tag'), { error: 'expected a list of tags, e.g. `[on-call, pagerduty]`' }).optional().describe('Tags for grouping and search.'),
    status: z.enum(STATUSES, { error: `expected one of ${STATUSES.join(', ')}` }).default('active').describe('draft | active | deprecated'),
    last_reviewed: calendarDate.optional().describe('When the playbook was last reviewed, YYYY-MM-DD.'),
    review_every: z
      .union([z.number(), z.string()], { error: 'expected a number of days, or a period such as `90 days`, `6 months`, `1 year`' })
      .refine((value) => reviewIntervalDays(value) !== undefined, { message: 'expected a number of days, or a period such as `90 days`, `6 months`, `1 year`' })
      .optional()
      .describe('How often this playbook is reviewed (days, or `6 months`): overrides the site-wide staleDays.'),
    kind: z.enum(KINDS, { error: 'expected `procedure` or `reference`' }).default('procedure').describe('procedure (steps to follow) | reference (no step rules)'),
    prerequisites: z.array(prerequisiteSchema, { error: 'expected a list of prerequisites' }).optional().describe('What the reader must have before step 1.'),
    shadowing: z.array(shadowingSessionSchema, { error: 'expected a list of shadowing sessions' }).optional().describe('Sessions where someone watched the work.'),
  })
  .describe('Playbook frontmatter, format version 1.');

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type PrerequisiteEntry = z.infer<typeof prerequisiteSchema>;
export type GapEntry = z.infer<typeof gapSchema>;
export type ShadowingEntry = z.infer<typeof shadowingSessionSchema>;
export type Status = (typeof STATUSES)[number];
export type Kind = (typeof KINDS)[number];
export type GapStatus = (typeof GAP_STATUSES)[number];
export type ShadowingMode = (typeof SHADOWING_MODES)[number];

/** The keys a mapping at a schema path accepts, for "did you mean" hints. */
export function knownKeysAt(path: readonly (string | number)[]): readonly string[] {
  const names = path.filter((segment): segment is string => typeof segment === 'string');
  const last = names.at(-1);
  if (names.length === 0) return Object.keys(frontmatterSchema.shape);
  if (last === 'prerequisites') return Object.keys(prerequisiteSchema.shape);
  if (last === 'gaps') return Object.keys(gapSchema.shape);
  if (last === 'shadowing') return Object.keys(shadowingSessionSchema.shape);
  return [];
}
