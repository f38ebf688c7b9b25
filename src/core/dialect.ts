/**
 * How teams that did not start with Playbook write their runbooks, read as
 * they are instead of flagged: frontmatter keys of other generators (aliases),
 * the headings their procedures live under, and the file extensions they use.
 * Defaults cover Middleman, Jekyll, Hugo, MkDocs and Docusaurus habits; every
 * list is configurable (docs/adopting.md).
 */

/** Other generators' frontmatter keys and the key of this format each means. */
export const DEFAULT_ALIASES: Readonly<Record<string, string>> = {
  description: 'summary',
  excerpt: 'summary',
  last_reviewed_on: 'last_reviewed',
  last_reviewed_at: 'last_reviewed',
  reviewed: 'last_reviewed',
  review_in: 'review_every',
  review_interval: 'review_every',
  keywords: 'tags',
  categories: 'tags',
  author: 'owner',
  owner_slack: 'owner',
};

/**
 * Headings whose ordered lists are steps: a heading is a steps heading when, with any leading
 * numbering removed (`2.`, `Step 3:`), one of these phrases is a whole word of it: "Steps",
 * "Steps to roll back", "Resolution steps", "Steps for the on-call lead", "Procedure".
 */
export const DEFAULT_STEP_HEADINGS: readonly string[] = ['steps', 'procedure', 'instructions', 'resolution', 'remediation', 'mitigation'];

/** File extensions read as playbooks (the slug drops the whole extension: `a.html.md.erb` → `a`). */
export const DEFAULT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.html.md', '.md.erb', '.html.md.erb'];

/** The dialect a parse reads. */
export interface Dialect {
  aliases: Readonly<Record<string, string>>;
  stepHeadings: readonly string[];
}

export const DEFAULT_DIALECT: Dialect = { aliases: DEFAULT_ALIASES, stepHeadings: DEFAULT_STEP_HEADINGS };

/** Whether a heading holds steps. */
export function isStepsHeading(text: string, dialect: Dialect = DEFAULT_DIALECT): boolean {
  const words = text
    .toLowerCase()
    .replace(/^\s*(?:step\s+)?\d+(?:\.\d+)*[.):]?\s+/, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .trim();
  if (words === '' || words.split(/\s+/).length > 8) return false;
  return dialect.stepHeadings.some((phrase) => new RegExp(`(^|\\s)${phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`, 'u').test(words));
}

/** Whether a file name is a playbook by its extension (longest extensions first, case-insensitive). */
export function playbookExtensionOf(name: string, extensions: readonly string[] = DEFAULT_EXTENSIONS): string | undefined {
  const lower = name.toLowerCase();
  return [...extensions].sort((a, b) => b.length - a.length).find((extension) => lower.endsWith(extension.toLowerCase()) && lower.length > extension.length);
}

/** `review_every` as written (`90`, `90 days`, `6 months`, `1 year`, `3 weeks`) in days, or undefined when it cannot be read. */
export function reviewIntervalDays(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.round(value);
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(d|days?|w|weeks?|m|months?|y|years?)?\s*$/i.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = (match[2] ?? 'days').toLowerCase()[0];
  const days = unit === 'w' ? amount * 7 : unit === 'm' ? amount * 30 : unit === 'y' ? amount * 365 : amount;
  return days > 0 ? Math.round(days) : undefined;
}
