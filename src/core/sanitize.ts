/**
 * The one HTML allowlist of the site (GitHub's, minus every protocol but
 * http(s)/mailto, with whole-element removal of script-like tags), and what it
 * removes from a piece of raw HTML: the renderer sanitises with the schema, the
 * `unsafe-html` rule asks `removedBySanitizer`, so the two cannot disagree.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { parseFragment } from 'parse5';
import { find, html } from 'property-information';

export function sanitizeSchema(allowTags: readonly string[] = []): Schema {
  return {
    ...defaultSchema,
    tagNames: [...(defaultSchema.tagNames ?? []), ...allowTags],
    strip: ['script', 'style', 'iframe', 'frame', 'frameset', 'noscript', 'template', 'object', 'embed', 'textarea', 'select', 'math', 'svg'],
    protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'], longDesc: ['http', 'https'] },
    attributes: {
      ...defaultSchema.attributes,
      li: [...(defaultSchema.attributes?.['li'] ?? []), 'dataPbAnchor'],
      blockquote: [...(defaultSchema.attributes?.['blockquote'] ?? []), 'dataPbCallout', 'dataPbCalloutTitle'],
      h1: ['dataPbAnchor'],
      h2: [...(defaultSchema.attributes?.['h2'] ?? []), 'dataPbAnchor'],
      h3: ['dataPbAnchor'],
      h4: ['dataPbAnchor'],
      h5: ['dataPbAnchor'],
      h6: ['dataPbAnchor'],
    },
  };
}

const SCHEMA = sanitizeSchema();

/** Every element and attribute of a tree, in document order (ids without the clobber prefix the sanitiser adds). */
function inventory(tree: Nodes): { key: string; shown: string }[] {
  const found: { key: string; shown: string }[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'element') {
      const element = node as Element;
      found.push({ key: `<${element.tagName}>`, shown: `\`<${element.tagName}>\`` });
      for (const [property, value] of Object.entries(element.properties)) {
        const written = typeof value === 'string' && (property === 'id' || property === 'name') ? value.replace(/^user-content-/, '') : value;
        found.push({ key: `${property}=${JSON.stringify(written)} <${element.tagName}>`, shown: `\`${find(html, property).attribute}\` on \`<${element.tagName}>\`` });
      }
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return found;
}

/**
 * What the site's sanitiser removes from this raw HTML (elements, attributes, attribute values it drops),
 * as short descriptions, in document order. Comments are not counted: they are never shown anyway.
 */
export function removedBySanitizer(raw: string): string[] {
  const tree = fromParse5(parseFragment(raw)) as Root;
  const before = inventory(tree);
  const kept = new Map<string, number>();
  for (const { key } of inventory(sanitize(tree, SCHEMA))) kept.set(key, (kept.get(key) ?? 0) + 1);
  const removed: string[] = [];
  for (const { key, shown } of before) {
    const left = kept.get(key) ?? 0;
    if (left > 0) kept.set(key, left - 1);
    else removed.push(shown);
  }
  // The attributes of an element that goes as a whole go with it: name the element only.
  const goneElements = new Set(removed.filter((item) => item.startsWith('`<')));
  return removed.filter((item) => !goneElements.has(item.slice(item.indexOf(' on ') + 4)));
}
