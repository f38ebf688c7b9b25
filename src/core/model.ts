/**
 * The playbook model: what `parsePlaybook` returns and what the checker and
 * the site read, and what crosses threads and goes into the cache: plain data,
 * no syntax tree (`parseDocument` hands the tree to the renderer beside it).
 * Every element keeps its place in the original file (1-based line and
 * column, frontmatter included).
 */
import type { ModelFinding, Place } from './findings.ts';
import type { Frontmatter, GapStatus, Kind, PrerequisiteKind, ShadowingMode, Status } from './schema.ts';

/** One thing to have before step 1. */
export interface Prerequisite {
  kind: PrerequisiteKind;
  /** The slug, program, permission or skill. */
  value: string;
  /** `install`, `request` or `learn`: a link or a playbook slug. */
  how?: string;
  /** Position in the `prerequisites` list. */
  index: number;
  /** Place of the entry's kind value. */
  place: Place;
  /** Place of `how`, when given. */
  howPlace?: Place;
}

/** An action the doer was seen doing in a shadowing session. */
export interface ObservedAction {
  text: string;
  /** Index of its shadowing session. */
  session: number;
  /** Index in the session's `observed` list. */
  index: number;
  place: Place;
}

/** What the document did not say, as found while shadowing. */
export interface Gap {
  id?: string;
  found: string;
  status: GapStatus;
  /** The step reference as written: a number (`2`, `2.1`) or an explicit step id. */
  step?: string;
  session: number;
  index: number;
  /** Place of the gap entry (its first key). */
  place: Place;
  stepPlace?: Place;
  idPlace?: Place;
  statusPlace?: Place;
}

/** A session where someone watched the work being done. */
export interface ShadowingSession {
  date: string;
  lead: string;
  shadow: string;
  mode: ShadowingMode;
  /** Who did the work: `lead` in shadow mode, `shadow` in reverse mode. */
  doer: string;
  observed: ObservedAction[];
  gaps: Gap[];
  index: number;
  place: Place;
}

/** A program run by a step. */
export interface Command {
  program: string;
  /** The simple command, as written. */
  command: string;
  place: Place;
  /** Where it was found. */
  source: 'code-block' | 'inline-code';
}

export interface CodeBlock {
  lang?: string;
  value: string;
  place: Place;
  commands: Command[];
}

export interface InlineCode {
  value: string;
  place: Place;
}

/** One item of the `## Steps` ordered list, or of a list nested in one. */
export interface Step {
  /** `3`, or `3.2` for a sub-step. */
  number: string;
  /** Explicit id from a trailing `{#id}` on the step's first line. */
  id?: string;
  /** The HTML anchor of the step on the site: the explicit id, else `step-3-2`. */
  anchor: string;
  /** 1 for a top-level step, 2 for a sub-step, … */
  depth: number;
  /** The first paragraph, as plain text (without `{#id}`). */
  title: string;
  /** The step's own prose (paragraphs, without code blocks and sub-steps). */
  text: string;
  code: CodeBlock[];
  inlineCode: InlineCode[];
  /** Programs run by the step's code blocks (inline code is left to the checker). */
  commands: Command[];
  children: Step[];
  place: Place;
}

export interface Heading {
  depth: number;
  text: string;
  /** Stable GitHub-style slug, unique in the page. */
  id: string;
  /** The id other generators give the same heading (`you-ve` for "you've", `m-and-ie` for "M&IE"), when it differs: links written for the old site reach it. */
  aliases?: string[];
  place: Place;
}

export interface Link {
  url: string;
  text: string;
  kind: 'link' | 'image' | 'definition';
  place: Place;
}

/** A `##` section of the body. */
export interface Section {
  heading: Heading;
  /** Its prose as plain text. */
  text: string;
  place: Place;
}

/** Raw HTML written in the body. */
export interface RawHtml {
  value: string;
  place: Place;
}

/** Syntax of another site generator (Liquid, Hugo, ERB, MDX) or Markdown dialect (admonitions) that renders as plain text here. */
export interface ForeignSyntax {
  kind: 'liquid' | 'hugo-shortcode' | 'erb' | 'mdx-component' | 'admonition';
  /** The construct as written, e.g. `{% include toc.html %}`. */
  sample: string;
  place: Place;
}

/** Where the frontmatter sits in the file. */
export interface FrontmatterInfo {
  /** Line of the opening `---`. */
  openLine: number;
  /** Line of the closing `---` (undefined if never closed). */
  closeLine?: number;
  /** Place of every top-level key. */
  keys: Record<string, Place>;
}

/** A parsed playbook: the frontmatter validated against the schema, the body as steps, sections and links. */
export interface Playbook {
  /** Path as given to the parser (relative to the working directory, with `/`). */
  file: string;
  /** Path relative to the content folder, with `/`. */
  path: string;
  /** URL-safe identifier derived from `path` (see `slugOf`). */
  slug: string;
  /** The normalised text (no BOM, `\n` line endings). */
  text: string;
  /** True when the frontmatter passed the schema. */
  valid: boolean;
  /** Validated frontmatter fields; when invalid, the fields that were valid on their own. Prerequisites and shadowing are modelled in `prerequisites` and `shadowing`. */
  meta: Partial<Omit<Frontmatter, 'prerequisites' | 'shadowing'>>;
  /** Title to show: the frontmatter title, else the first `#` heading, else the file name. */
  displayTitle: string;
  status: Status;
  /** `procedure` (steps to follow) or `reference` (no step rules apply). */
  kind: Kind;
  /** The old site's URLs of this page (`permalink`, `redirect_from`, `aliases`, `url` in its frontmatter): links to them reach it. */
  legacyUrls: string[];
  /** The page's own review interval (`review_every`), in days, when it has one. */
  reviewEveryDays?: number;
  tags: string[];
  frontmatter?: FrontmatterInfo;
  prerequisites: Prerequisite[];
  shadowing: ShadowingSession[];
  /** Top-level steps of the (first) procedure; sub-steps are in `children`. */
  steps: Step[];
  /** Further procedures of the page (`## Steps to roll back` after `## Steps`), each with its own numbering; their anchors start with the heading's id. */
  procedures: { heading: Heading; steps: Step[] }[];
  /** Place of the `## Steps` heading, when there is one. */
  stepsHeading?: Heading;
  /** What the Steps section holds when it holds no ordered list: explains "no steps". */
  stepsShape: 'ordered-list' | 'bullet-list' | 'headings' | 'empty' | 'missing';
  /** Places of further `## Steps` headings (there should be one). */
  extraStepsHeadings: Heading[];
  verify?: Section;
  headings: Heading[];
  links: Link[];
  html: RawHtml[];
  /** Constructs of other generators found in the body (outside code). */
  foreign: ForeignSyntax[];
  /** Footnotes shown on the page, by id (their anchors are `fn-<id>` and `fnref-<id>`). */
  footnotes: string[];
  /** Line where the body starts. */
  bodyLine: number;
  findings: ModelFinding[];
}

/** Every step, sub-steps included, in document order. */
export function allSteps(steps: readonly Step[]): Step[] {
  const result: Step[] = [];
  const walk = (list: readonly Step[]) => {
    for (const step of list) {
      result.push(step);
      walk(step.children);
    }
  };
  walk(steps);
  return result;
}

/** Every step of every procedure of the page, the first procedure first, sub-steps included. */
export function everyStep(playbook: Pick<Playbook, 'steps' | 'procedures'>): Step[] {
  return allSteps([...playbook.steps, ...playbook.procedures.flatMap((procedure) => procedure.steps)]);
}

/** Find a step by number (`2`, `2.1`) or explicit id. */
export function findStep(steps: readonly Step[], reference: string): Step | undefined {
  const wanted = reference.trim();
  return allSteps(steps).find((step) => step.number === wanted || step.id === wanted);
}
