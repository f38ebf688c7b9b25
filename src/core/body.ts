/**
 * From the body's syntax tree to the parts a handoff is judged by: the steps
 * (numbered, with their code and commands), the `## Verify` section, headings
 * with stable ids, links and raw HTML.
 */
import GithubSlugger from 'github-slugger';
import type { Code, List, ListItem, Node as MdNode, Nodes, Paragraph, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import type { Place } from './findings.ts';
import { commandsInShellBlock, isShellLanguage } from './commands.ts';
import { DEFAULT_DIALECT, isStepsHeading, type Dialect } from './dialect.ts';
import type { CodeBlock, Command, ForeignSyntax, Heading, InlineCode, Link, Playbook, RawHtml, Step } from './model.ts';

/** A trailing `{#id}` on a step's first line gives the step an explicit, stable id. */
export const STEP_ID_PATTERN = /\s*\{#([A-Za-z0-9][\w-]*)\}\s*$/;

export type BodyParts = Pick<Playbook, 'steps' | 'procedures' | 'stepsHeading' | 'stepsShape' | 'extraStepsHeadings' | 'verify' | 'headings' | 'links' | 'html' | 'foreign' | 'footnotes'>;

/** A node's text as a reader sees it: raw HTML (a comment, a tag) is not part of a heading's or a step's words. */
function textOf(node: MdNode): string {
  return toString(node, { includeHtml: false });
}

/** Place of an mdast node (positions are already file positions). */
export function placeOfNode(node: MdNode): Place {
  const position = node.position;
  if (!position) return { start: { line: 1, column: 1 } };
  return { start: { line: position.start.line, column: position.start.column }, end: { line: position.end.line, column: position.end.column } };
}

/** Extract steps, sections, headings, links and raw HTML from a body tree. */
export function bodyPartsOf(tree: Root, lines: readonly string[], dialect: Dialect = DEFAULT_DIALECT): BodyParts {
  // One walk of the tree for every collector below (each used to walk it again).
  const nodes = preorder(tree);
  const headings = headingsOf(nodes);
  const headingByNode = new Map<MdNode, Heading>();
  let headingIndex = 0;
  for (const child of tree.children) if (child.type === 'heading') headingByNode.set(child, headings[headingIndex++]!);

  const sections = sectionsOf(tree, headingByNode);
  const verifySection = sections.find((section) => section.heading.depth === 2 && /^verif(y|ication)$/i.test(section.heading.text));

  // Procedures: ordered lists under a steps heading (`## Steps`, `### Steps to roll back`, `## Resolution steps`, …).
  const found = proceduresOf(tree, headingByNode, dialect);
  // A heading written exactly like the first is a second copy (M2), not a second procedure.
  const first = found.find((procedure) => procedure.lists.length > 0) ?? found[0];
  const copies = found.filter((procedure) => procedure !== first && first && procedure.heading.text.toLowerCase() === first.heading.text.toLowerCase());
  const others = found.filter((procedure) => procedure !== first && !copies.includes(procedure) && procedure.lists.length > 0);

  let steps: Step[] = [];
  let stepsShape: BodyParts['stepsShape'] = 'missing';
  if (first) {
    if (first.lists.length > 0) {
      stepsShape = 'ordered-list';
      steps = first.lists.flatMap((list) => stepsOfList(list, '', 1, lines, ''));
    } else if (first.bullets) stepsShape = 'bullet-list';
    else if (first.subheadings > 0) stepsShape = 'headings';
    else stepsShape = 'empty';
  }

  const parts: BodyParts = {
    steps,
    procedures: others.map((procedure) => ({ heading: procedure.heading, steps: procedure.lists.flatMap((list) => stepsOfList(list, '', 1, lines, `${procedure.heading.id}-`)) })),
    stepsShape,
    extraStepsHeadings: copies.map((procedure) => procedure.heading),
    headings,
    links: linksOf(nodes),
    html: rawHtmlOf(nodes),
    foreign: foreignSyntaxOf(nodes),
    footnotes: footnotesOf(nodes),
  };
  if (first) parts.stepsHeading = first.heading;
  if (verifySection) parts.verify = { heading: verifySection.heading, text: verifySection.children.map((child) => textOf(child)).join('\n').trim(), place: verifySection.heading.place };
  return parts;
}

interface FoundProcedure {
  heading: Heading;
  lists: List[];
  bullets: boolean;
  subheadings: number;
}

/** Each steps heading with the ordered lists under it, up to the next heading of its level or higher (or the next steps heading). */
function proceduresOf(tree: Root, headingByNode: Map<MdNode, Heading>, dialect: Dialect): FoundProcedure[] {
  const procedures: FoundProcedure[] = [];
  let current: FoundProcedure | undefined;
  for (const child of tree.children) {
    if (child.type === 'heading') {
      const heading = headingByNode.get(child)!;
      if (isStepsHeading(heading.text, dialect)) {
        current = { heading, lists: [], bullets: false, subheadings: 0 };
        procedures.push(current);
      } else if (current && child.depth <= current.heading.depth) current = undefined;
      else if (current) current.subheadings++;
      continue;
    }
    if (current && child.type === 'list') {
      if (child.ordered) current.lists.push(child);
      else current.bullets = true;
    }
  }
  return procedures;
}

/** Footnotes the page shows (referenced and defined), by the id the renderer gives them (`fn-<id>`, `fnref-<id>`). */
function footnotesOf(nodes: readonly Nodes[]): string[] {
  const defined = new Set<string>();
  const referenced: string[] = [];
  nodes.forEach((node) => {
    if (node.type === 'footnoteDefinition') defined.add(node.identifier.toUpperCase());
    else if (node.type === 'footnoteReference') referenced.push(node.identifier.toUpperCase());
  });
  return [...new Set(referenced.filter((id) => defined.has(id)).map((id) => normalizeUri(id.toLowerCase())))];
}

/**
 * Every heading with a GitHub-style id, unique within the page; an explicit `{#id}` at the end of the heading
 * (kramdown, Pandoc, MkDocs attr_list: `## Set up {#set-up-phase}`) is its id and not part of its text.
 */
function headingsOf(nodes: readonly Nodes[]): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  nodes.forEach((node) => {
    if (node.type !== 'heading') return;
    const written = textOf(node).trim();
    const explicit = HEADING_ID_PATTERN.exec(written);
    const text = explicit ? written.slice(0, explicit.index).trim() : written;
    const id = explicit ? explicit[1]! : slugger.slug(text) || 'section';
    const heading: Heading = { depth: node.depth, text, id, place: placeOfNode(node) };
    // The slug style of markdown-it-anchor, Eleventy and kramdown's cousins: every run of other characters a `-`, `&` read as "and".
    const loose = text.toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
    if (loose && loose !== id) heading.aliases = [loose];
    headings.push(heading);
  });
  return headings;
}

/** `{#id}` (optionally with classes `{#id .class}`) at the end of a heading. */
export const HEADING_ID_PATTERN = /\s*\{#([A-Za-z0-9][\w.:-]*)(?:\s+\.[\w-]+)*\}\s*$/;

interface RawSection {
  heading: Heading;
  children: RootContent[];
  subheadings: number;
}

/** Top-level sections: each depth-2 (or depth-1) heading with the nodes up to the next heading of the same or higher level. */
function sectionsOf(tree: Root, headingByNode: Map<MdNode, Heading>): RawSection[] {
  const sections: RawSection[] = [];
  let current: RawSection | undefined;
  for (const child of tree.children) {
    if (child.type === 'heading' && child.depth <= 2) {
      current = { heading: headingByNode.get(child)!, children: [], subheadings: 0 };
      sections.push(current);
    } else if (current) {
      if (child.type === 'heading') current.subheadings++;
      current.children.push(child);
    }
  }
  return sections;
}

/** The items of an ordered list as steps numbered from the list's start. */
function stepsOfList(list: List, prefix: string, depth: number, lines: readonly string[], anchorPrefix: string): Step[] {
  const start = list.start ?? 1;
  return list.children.map((item, index) => stepOf(item, `${prefix}${start + index}`, depth, lines, anchorPrefix));
}

function stepOf(item: ListItem, number: string, depth: number, lines: readonly string[], anchorPrefix: string): Step {
  const firstParagraph = item.children.find((child): child is Paragraph => child.type === 'paragraph');
  let title = firstParagraph ? textOf(firstParagraph) : '';
  let id: string | undefined;
  const idMatch = STEP_ID_PATTERN.exec(title);
  if (idMatch) {
    id = idMatch[1]!;
    title = title.slice(0, idMatch.index);
  }
  const prose: string[] = [];
  const code: CodeBlock[] = [];
  const inlineCode: InlineCode[] = [];
  const children: Step[] = [];
  for (const child of item.children) {
    if (child.type === 'list') {
      if (child.ordered) children.push(...stepsOfList(child, `${number}.`, depth + 1, lines, anchorPrefix));
      else prose.push(textOf(child));
      continue;
    }
    if (child.type === 'code') {
      code.push(codeBlockOf(child, lines));
      continue;
    }
    const text = child === firstParagraph ? title : textOf(child);
    prose.push(text);
    for (const node of preorder(child)) {
      if (node.type === 'inlineCode') inlineCode.push({ value: node.value, place: placeOfNode(node) });
      else if (node.type === 'code') code.push(codeBlockOf(node, lines));
    }
  }
  const step: Step = {
    number,
    anchor: id ?? `${anchorPrefix}step-${number.replaceAll('.', '-')}`,
    depth,
    title: title.trim(),
    text: prose.join('\n').trim(),
    code,
    inlineCode,
    commands: code.flatMap((block) => block.commands),
    children,
    place: placeOfNode(item),
  };
  if (id) step.id = id;
  return step;
}

function codeBlockOf(node: Code, lines: readonly string[]): CodeBlock {
  const place = placeOfNode(node);
  const commands: Command[] = [];
  if (isShellLanguage(node.lang)) {
    // Fenced blocks start their content one line below the fence; indented blocks on their first line.
    const fenced = /^\s*(```|~~~)/.test(lines[place.start.line - 1] ?? '');
    const firstLine = place.start.line + (fenced ? 1 : 0);
    for (const found of commandsInShellBlock(node.value, node.lang)) {
      const line = firstLine + found.lineInBlock;
      const lineText = lines[line - 1] ?? '';
      const column = lineText.indexOf(found.program) + 1 || found.columnInLine;
      commands.push({ program: found.program, command: found.command, place: { start: { line, column } }, source: 'code-block' });
    }
  }
  const block: CodeBlock = { value: node.value, place, commands };
  if (node.lang) block.lang = node.lang;
  return block;
}

function linksOf(nodes: readonly Nodes[]): Link[] {
  const links: Link[] = [];
  nodes.forEach((node) => {
    if (node.type === 'link') links.push({ url: node.url, text: textOf(node), kind: 'link', place: placeOfNode(node) });
    else if (node.type === 'image') links.push({ url: node.url, text: node.alt ?? '', kind: 'image', place: placeOfNode(node) });
    else if (node.type === 'definition') links.push({ url: node.url, text: node.label ?? node.identifier, kind: 'definition', place: placeOfNode(node) });
  });
  return links;
}

function rawHtmlOf(nodes: readonly Nodes[]): RawHtml[] {
  const html: RawHtml[] = [];
  for (const node of nodes) if (node.type === 'html') html.push({ value: node.value, place: placeOfNode(node) });
  return html;
}

/** Every node of a tree in document order (preorder), without recursion. */
export function preorder(tree: Nodes): Nodes[] {
  const nodes: Nodes[] = [];
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    nodes.push(node);
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as Nodes);
  }
  return nodes;
}

const FOREIGN_PATTERNS: readonly [ForeignSyntax['kind'], RegExp][] = [
  ['hugo-shortcode', /\{\{[<%][\s\S]*?[>%]\}\}/],
  ['liquid', /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/],
  ['erb', /<%[=-]?[\s\S]*?%>/],
  ['admonition', /^(?:!!!|\?\?\?\+?|:::+)\s*[A-Za-z]+/m],
];

/** Liquid, Hugo, ERB, MDX components and admonitions, outside code: they render as text on this site. */
function foreignSyntaxOf(nodes: readonly Nodes[]): ForeignSyntax[] {
  const found: ForeignSyntax[] = [];
  nodes.forEach((node) => {
    if (node.type === 'text' || node.type === 'paragraph') {
      if (node.type === 'paragraph') {
        // Admonition markers start a paragraph; check its first text only.
        const first = node.children[0];
        if (first?.type === 'text' && FOREIGN_PATTERNS[3]![1].test(first.value)) {
          found.push({ kind: 'admonition', sample: first.value.split('\n')[0]!.slice(0, 60), place: placeOfNode(first) });
        }
        return;
      }
      for (const [kind, pattern] of FOREIGN_PATTERNS.slice(0, 3)) {
        const match = pattern.exec(node.value);
        if (match) {
          found.push({ kind, sample: match[0].slice(0, 60), place: placeOfNode(node) });
          break;
        }
      }
    } else if (node.type === 'html') {
      const component = /<([A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*)[\s/>]/.exec(node.value);
      const template = /<%[=-]?[\s\S]*?%>/.exec(node.value);
      if (template) found.push({ kind: 'erb', sample: template[0].slice(0, 60), place: placeOfNode(node) });
      else if (component) found.push({ kind: 'mdx-component', sample: `<${component[1]!}>`, place: placeOfNode(node) });
    }
  });
  return found;
}

/** Text nodes of a step's first paragraph ending in `{#id}`: the renderer strips the marker. */
export function stripStepIdMarker(paragraph: Paragraph): void {
  const last = paragraph.children.at(-1);
  if (last?.type === 'text') (last as Text).value = (last as Text).value.replace(STEP_ID_PATTERN, '');
}
