/**
 * Markdown → HTML through the same unified pipeline as the parser
 * (remark → rehype), for the site. Raw HTML is parsed, then sanitised by an
 * allowlist (never before: sanitising unparsed HTML deletes it silently).
 * Headings and steps get stable ids; relative `.md` links become site URLs
 * under the base path.
 */
import type { Element, ElementContent, Root as HastRoot, Text as HastText } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { HEADING_ID_PATTERN, STEP_ID_PATTERN } from './body.ts';
import { attachmentUrl, bodyId, resolveLink, type LinkContext } from './links.ts';
import { everyStep, findStep, type Gap, type Playbook } from './model.ts';
import { toString as mdastToString } from 'mdast-util-to-string';
import { isTemplateText, parseDocument } from './parse.ts';
import { sanitizeSchema } from './sanitize.ts';
import { withoutTemplateTags } from './templates.ts';

export interface RenderOptions {
  /** The site's base path, e.g. `/` or `/intranet/playbooks/`. */
  base?: string;
  /** Paths (in the content folder) of the attachments the build publishes; a link to any other file is shown as text. */
  published?: readonly string[];
  /** Every playbook slug of the site, so links in another generator's URL form (`page.html`, `page/`) reach their playbook. */
  slugs?: readonly string[];
  /** The playbook file extensions of the site. */
  extensions?: readonly string[];
  /** Every other file of the content folder (published or not). */
  files?: readonly string[];
  /** The old site's URLs of playbooks, as `[legacyUrlKey, slug]`. */
  urls?: readonly (readonly [string, string])[];
  /** Extra HTML tags a team trusts in raw HTML (e.g. `details`, `summary` are already allowed). */
  allowTags?: readonly string[];
}

/** Where a playbook lives on the site: `{base}{slug}/`, and an anchor of its body (ids prefixed as on the page). */
export function playbookUrl(base: string, slug: string, anchor?: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const path = slug.split('/').map(encodeURIComponent).join('/');
  return `${root}${path}/${anchor ? `#${encodeURIComponent(bodyId(anchor))}` : ''}`;
}

/**
 * Render a playbook's body from its tree (which this consumes: anchors travel
 * as `data.hProperties` markers that survive sanitising and are turned into
 * ids afterwards, only when they are ids we computed). Gaps recorded against a
 * step are shown inside that step, after its own text.
 */
export function renderPlaybookHtml(playbook: Playbook, tree: Root, options: RenderOptions = {}): string {
  const base = options.base ?? '/';
  const anchors = new Map<string, string | undefined>();
  markAnchors(playbook, tree, anchors);
  dropTitleHeading(playbook, tree);
  hideTemplateTags(tree);
  const processor = unified()
    // Footnote ids unprefixed here: the sanitiser prefixes every body id once, and links are rewritten to match.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
    .use(rehypeRaw)
    .use(rehypeSanitize, sanitizeSchema(options.allowTags))
    .use(() => (hast: HastRoot) => finishElements(hast, playbook, base, anchors, linkContextOf(options).published, linkContextOf(options).links))
    .use(rehypeGapMarkers, playbook)
    .use(rehypeStringify);
  const hast = processor.runSync(tree) as HastRoot;
  return processor.stringify(hast);
}

/** The link context of a site's render options, built once per options object (a build renders every page with the same one). */
const linkContexts = new WeakMap<RenderOptions, { links: LinkContext; published: ReadonlySet<string> }>();

function linkContextOf(options: RenderOptions): { links: LinkContext; published: ReadonlySet<string> } {
  let context = linkContexts.get(options);
  if (!context) {
    const links = { slugs: new Set(options.slugs ?? []), files: new Set(options.files ?? []), urls: new Map(options.urls ?? []), ...(options.extensions ? { extensions: options.extensions } : {}) };
    context = { links, published: new Set(options.published ?? []) };
    linkContexts.set(options, context);
  }
  return context;
}

/**
 * Render a Markdown document that is not a playbook (a rule's docs page)
 * through the same parser and sanitiser, with heading ids.
 */
export function renderMarkdownHtml(path: string, text: string, options: RenderOptions = {}): string {
  const { playbook, tree } = parseDocument(path, text, { path });
  return renderPlaybookHtml(playbook, tree, options);
}

/** Mark headings and steps with their anchor. */
function markAnchors(playbook: Playbook, tree: Root, anchors: Map<string, string | undefined>): void {
  const headingIds = playbook.headings.map((heading) => heading.id);
  let headingIndex = 0;
  const stepAnchorByLine = new Map(everyStep(playbook).map((step) => [`${step.place.start.line}:${step.place.start.column}`, step]));
  visit(tree, (node) => {
    if (node.type === 'heading') {
      const id = headingIds[headingIndex++];
      if (id) {
        anchors.set(id, undefined);
        node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), dataPbAnchor: id } };
      }
    } else if (node.type === 'listItem' && node.position) {
      const step = stepAnchorByLine.get(`${node.position.start.line}:${node.position.start.column}`);
      if (step) {
        anchors.set(step.anchor, step.number);
        node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), dataPbAnchor: step.anchor } };
      }
    }
  });
}

/**
 * The page shows the playbook's title above the body: the body's first H1 is dropped when it says the same,
 * or when it is a template tag of another generator (`# <%= current_page.data.title %>`) standing for it.
 */
function dropTitleHeading(playbook: Playbook, tree: Root): void {
  const index = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
  if (index === -1) return;
  const text = mdastToString(tree.children[index]!, { includeHtml: true }).trim();
  if (isTemplateText(text) || text.toLowerCase() === playbook.displayTitle.trim().toLowerCase()) tree.children.splice(index, 1);
}

/** The page never shows another generator's template tags as text (src/core/templates.ts). */
function hideTemplateTags(tree: Root): void {
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'html') node.value = withoutTemplateTags(node.value);
  });
}

/** The gaps shown inside a step: open ones, and documented ones the step now covers (wontfix ones are not shown). */
function gapsByStepAnchor(playbook: Playbook): Map<string, { gap: Gap; date: string }[]> {
  const byAnchor = new Map<string, { gap: Gap; date: string }[]>();
  for (const session of playbook.shadowing) {
    for (const gap of session.gaps) {
      if (!gap.step || gap.status === 'wontfix') continue;
      const step = findStep(everyStep(playbook), gap.step);
      if (!step) continue;
      byAnchor.set(bodyId(step.anchor), [...(byAnchor.get(bodyId(step.anchor)) ?? []), { gap, date: session.date }]);
    }
  }
  return byAnchor;
}

/**
 * A rehype plugin: each step with recorded gaps gets a callout after its own first text (never before it),
 * built as elements, so the gap's text is text whatever it holds (`<`, `$&`, …).
 */
function rehypeGapMarkers(playbook: Playbook) {
  return (hast: HastRoot) => {
    const byAnchor = gapsByStepAnchor(playbook);
    if (byAnchor.size === 0) return;
    visit(hast, 'element', (element: Element) => {
      if (element.tagName !== 'li' || typeof element.properties['id'] !== 'string') return;
      const gaps = byAnchor.get(element.properties['id']);
      if (!gaps) return;
      const callouts: Element[] = gaps.map(({ gap, date }) => ({
        type: 'element',
        tagName: 'div',
        properties: { className: ['gap-marker', gap.status], role: 'note' },
        children: [
          { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: gap.status === 'open' ? 'Open gap' : 'Gap found while shadowing, now covered here' }] },
          { type: 'text', value: ` (${date}): ${gap.found}` },
        ],
      }));
      element.children.splice(endOfStepText(element), 0, ...callouts);
    });
  };
}

/** Where a step's own text ends in its `<li>`: after its first paragraph (loose lists), or before its first block (tight lists). */
function endOfStepText(item: Element): number {
  const children = item.children;
  const firstParagraph = children.findIndex((child) => child.type === 'element' && child.tagName === 'p');
  const firstBlock = children.findIndex((child) => child.type === 'element' && ['ol', 'ul', 'pre', 'div', 'blockquote', 'table'].includes(child.tagName));
  if (firstParagraph !== -1 && (firstBlock === -1 || firstParagraph < firstBlock)) return firstParagraph + 1;
  return firstBlock === -1 ? children.length : firstBlock;
}

function finishElements(hast: HastRoot, playbook: Playbook, base: string, anchors: Map<string, string | undefined>, published: ReadonlySet<string>, links: LinkContext): void {
  const headingAliases = new Map(playbook.headings.filter((heading) => heading.aliases).map((heading) => [heading.id, heading.aliases!.filter((alias) => !anchors.has(alias))]));
  visit(hast, 'element', (element: Element, index, parent) => {
    const marker = element.properties['dataPbAnchor'];
    if (marker !== undefined) {
      delete element.properties['dataPbAnchor'];
      if (typeof marker === 'string' && anchors.has(marker)) {
        element.properties['id'] = bodyId(marker);
        const stepNumber = anchors.get(marker);
        if (/^h[1-6]$/.test(element.tagName)) {
          const lastText = element.children.findLast((child): child is HastText => child.type === 'text');
          if (lastText) lastText.value = lastText.value.replace(HEADING_ID_PATTERN, '');
          // The ids other generators gave this heading, so links written for the old site land here too.
          for (const alias of headingAliases.get(marker) ?? []) element.children.unshift({ type: 'element', tagName: 'span', properties: { id: bodyId(alias) }, children: [] });
        }
        if (element.tagName === 'li' && stepNumber !== undefined) {
          element.properties['dataStep'] = stepNumber;
          element.properties['className'] = [...toClassList(element.properties['className']), 'step'];
          stripStepIdText(element);
        }
      }
    }
    if (element.tagName === 'blockquote' && typeof element.properties['dataPbCallout'] === 'string') {
      // An admonition or alert: an aside with its title, as text.
      const type = element.properties['dataPbCallout'];
      const title = String(element.properties['dataPbCalloutTitle'] ?? type);
      element.tagName = 'aside';
      element.properties = { className: ['callout', `callout-${type}`], role: 'note' };
      element.children.unshift({ type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: [{ type: 'text', value: title }] });
    }
    if (element.tagName === 'pre' || element.tagName === 'table') {
      // A code block or table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
      element.properties['tabIndex'] = 0;
    }
    if (element.tagName === 'img' && typeof element.properties['src'] === 'string') {
      const target = resolveLink(playbook.path, element.properties['src'], links);
      const alt = typeof element.properties['alt'] === 'string' && element.properties['alt'] ? element.properties['alt'] : '';
      if (target.kind === 'file' && published.has(target.path)) {
        element.properties['src'] = attachmentUrl(base, target.path);
        // Raw HTML images without alt text: name the file rather than leave screen readers with nothing.
        if (!alt) element.properties['alt'] = `image ${target.path.split('/').pop() ?? ''}`.trim();
        return;
      }
      // The site never loads anything from another origin, nor a file it does not publish: the image becomes a link, or its text.
      if (target.kind === 'external') {
        element.tagName = 'a';
        element.properties = { href: element.properties['src'], className: ['remote-image'] };
        element.children = [{ type: 'text', value: `${alt || 'image'} (image on another site)` }];
      } else if (parent && index !== undefined) {
        parent.children[index] = { type: 'text', value: `${alt || 'image'} (image not published)` };
      }
      return;
    }
    if (element.tagName === 'a' && typeof element.properties['href'] === 'string') {
      const target = resolveLink(playbook.path, element.properties['href'], links);
      if (target.kind === 'anchor') element.properties['href'] = target.anchor ? `#${bodyId(target.anchor)}` : '#';
      else if (target.kind === 'home') element.properties['href'] = base + (target.anchor ? `#${encodeURIComponent(target.anchor)}` : '');
      else if (target.kind === 'playbook') element.properties['href'] = playbookUrl(base, target.slug, target.anchor);
      else if (target.kind === 'file') {
        if (published.has(target.path)) element.properties['href'] = attachmentUrl(base, target.path) + (target.anchor ? `#${encodeURIComponent(target.anchor)}` : '');
        else {
          // A file the build does not publish (the checker says why): keep the link text, lose the dead link.
          element.tagName = 'span';
          element.properties = { className: ['unpublished-link'], title: 'This file is not published on the site' };
        }
      }
    }
  });
}

function toClassList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

/** Remove a trailing `{#id}` from the first line of a step: it is the step's anchor, not prose. */
function stripStepIdText(item: Element): void {
  // Loose lists wrap the first line in <p>; tight ones put the text straight in <li> before any sub-list.
  const firstBlock = item.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p');
  const inline: ElementContent[] = [];
  for (const child of (firstBlock ?? item).children) {
    if (!firstBlock && child.type === 'element' && ['ol', 'ul', 'pre', 'div', 'blockquote', 'table'].includes(child.tagName)) break;
    inline.push(child);
  }
  const lastText = inline.findLast((child): child is HastText => child.type === 'text' && child.value.trim() !== '');
  if (lastText) lastText.value = lastText.value.replace(STEP_ID_PATTERN, '');
}
