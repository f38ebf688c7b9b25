/**
 * SVG attachments are published on the intranet origin, where a script in one runs with the
 * origin's authority, so each is rebuilt from an allowlist before it is published.
 *
 * The file is parsed as XML by `xast-util-from-xml` (`@rgrove/parse-xml`, which neither fetches
 * nor expands external entities; a DOCTYPE is refused before it is parsed anyway), namespaces are
 * resolved by URI (so `<s:rect xmlns:s="…svg">` is a rect and `<html:script>` is not SVG), and a
 * new tree is built from what the allowlists keep and serialised by `xast-util-to-xml`: every
 * kept element in SVG's default namespace, `xmlns` (and `xmlns:xlink` when an `xlink:href` is
 * kept) declared once on the root, no DOCTYPE, processing instruction, comment or CDATA section.
 *
 * What goes, element by element and attribute by attribute, is listed in `removed` so the checker
 * can say what the published file lost.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';

export type SanitizedSvg = { ok: true; svg: string; removed: string[] } | { ok: false; reason: string };

/** Larger files are refused (bytes of UTF-8). */
export const SVG_MAX_BYTES = 2 * 1024 * 1024;
/** Deeper nesting of elements is refused (the root is level 1): the parser recurses per level. */
export const SVG_MAX_DEPTH = 256;

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Elements kept (SVG namespace, exact case): shapes, text, paint servers, clipping, masking, filters. */
const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'switch', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath', 'title', 'desc', 'metadata',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'filter',
  // Every filter primitive but feImage, which loads a resource.
  'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting',
  'feSpotLight', 'feTile', 'feTurbulence',
]);

/** Presentation attributes: CSS values, checked like `style` (a `url()` may only point into this file). */
const PRESENTATION = new Set([
  'alignment-baseline', 'baseline-shift', 'clip', 'clip-path', 'clip-rule', 'color', 'color-interpolation',
  'color-interpolation-filters', 'color-rendering', 'direction', 'display', 'dominant-baseline', 'enable-background',
  'fill', 'fill-opacity', 'fill-rule', 'filter', 'flood-color', 'flood-opacity', 'font', 'font-family', 'font-size',
  'font-size-adjust', 'font-stretch', 'font-style', 'font-variant', 'font-weight', 'glyph-orientation-horizontal',
  'glyph-orientation-vertical', 'image-rendering', 'kerning', 'letter-spacing', 'lighting-color', 'marker-end',
  'marker-mid', 'marker-start', 'mask', 'mask-type', 'opacity', 'overflow', 'paint-order', 'pointer-events',
  'shape-rendering', 'stop-color', 'stop-opacity', 'stroke', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-opacity', 'stroke-width', 'text-anchor',
  'text-decoration', 'text-rendering', 'transform-origin', 'unicode-bidi', 'vector-effect', 'visibility',
  'white-space', 'word-spacing', 'writing-mode',
]);

/** Attributes kept as they are (no namespace, exact case): names and text, never loaded or read as CSS. */
const TEXT_ATTRIBUTES = new Set([
  'id', 'class', 'lang', 'role', 'systemLanguage', 'requiredExtensions', 'requiredFeatures', 'version', 'baseProfile',
]);

/** Other attributes kept (no namespace, exact case): geometry, text layout, paint servers, filters. */
const ATTRIBUTES = new Set([
  'tabindex', 'focusable', 'viewBox', 'preserveAspectRatio', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2',
  'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'd', 'points', 'pathLength', 'transform',
  'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'startOffset', 'method', 'spacing', 'side', 'path',
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'offset', 'patternUnits', 'patternContentUnits',
  'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits', 'refX', 'refY', 'markerUnits',
  'markerWidth', 'markerHeight', 'orient', 'filterUnits', 'primitiveUnits',
  'in', 'in2', 'result', 'stdDeviation', 'mode', 'operator', 'k1', 'k2', 'k3', 'k4', 'type', 'values', 'tableValues',
  'slope', 'intercept', 'amplitude', 'exponent', 'order', 'kernelMatrix', 'divisor', 'bias', 'targetX', 'targetY',
  'edgeMode', 'preserveAlpha', 'kernelUnitLength', 'surfaceScale', 'diffuseConstant', 'specularConstant',
  'specularExponent', 'scale', 'xChannelSelector', 'yChannelSelector', 'radius', 'baseFrequency', 'numOctaves',
  'seed', 'stitchTiles', 'azimuth', 'elevation', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle',
]);

/** Attributes of a link that go with it (`<a>` becomes a `<g>`). */
const LINK_ATTRIBUTES = new Set(['target', 'rel', 'download', 'hreflang', 'type', 'referrerpolicy', 'ping']);

/** CSS functions a kept `style` or presentation attribute may call: colours, maths, transforms, filters. */
const CSS_FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'calc', 'min', 'max',
  'clamp', 'var', 'matrix', 'matrix3d', 'translate', 'translatex', 'translatey', 'translatez', 'translate3d',
  'scale', 'scalex', 'scaley', 'scalez', 'scale3d', 'rotate', 'rotatex', 'rotatey', 'rotatez', 'rotate3d', 'skew',
  'skewx', 'skewy', 'perspective', 'blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate',
  'invert', 'opacity', 'saturate', 'sepia', 'cubic-bezier', 'steps',
]);

/** Why a CSS value may not stay (it could load from elsewhere or run code), or undefined when it may. */
function cssProblem(value: string): string | undefined {
  if (!/[\\(@:]/.test(value)) return undefined; // no escape, call, at-rule or scheme: most values
  if (value.includes('\\')) return 'a CSS escape';
  if (/@import/i.test(value)) return '`@import`';
  const scheme = /(javascript|vbscript|data):/i.exec(value.replace(/\s/g, ''))?.[1];
  if (scheme) return `\`${scheme.toLowerCase()}:\``;
  if (/expression\s*\(/i.test(value)) return '`expression(`';
  for (const call of value.matchAll(/([-\w\u0080-\uffff]+)\(/g)) {
    const name = call[1]!.toLowerCase();
    if (name === 'url') {
      if (!/^\s*["']?\s*#/.test(value.slice(call.index + call[0].length))) return '`url(` to an outside URL';
    } else if (!CSS_FUNCTIONS.has(name)) return `\`${call[1]}(\``;
  }
  return undefined;
}

/**
 * A link as a URL parser reads it: outer spaces trimmed, tabs and line breaks ignored. (A URL parser also
 * trims C0 controls, which XML does not allow in a document: the parser refuses them.)
 */
function urlOf(value: string): string {
  return value.trim().replace(/[\t\n\r]/g, '');
}

/** Why a link (read by `urlOf`) may not stay, or undefined for a reference inside this file (`#id`). */
function hrefProblem(url: string): string | undefined {
  if (/^#\S+$/.test(url)) return undefined;
  if (url.startsWith('#')) return 'that is not a `#id` reference';
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'data' || scheme === 'vbscript') return `with a \`${scheme}:\` URL`;
  return 'to an outside URL';
}

/** Where the first DOCTYPE is, or whether elements nest too deep, read from the text before it is parsed. */
function prescan(text: string): 'doctype' | 'deep' | undefined {
  let depth = 0;
  let at = 0;
  for (;;) {
    const open = text.indexOf('<', at);
    if (open < 0) return undefined;
    const skipTo = (end: string) => {
      const found = text.indexOf(end, open + 2);
      return found < 0 ? -1 : found + end.length;
    };
    let next: number;
    if (text.startsWith('<!--', open)) next = skipTo('-->');
    else if (text.startsWith('<![CDATA[', open)) next = skipTo(']]>');
    else if (text.startsWith('<?', open)) next = skipTo('?>');
    else if (text.startsWith('<!DOCTYPE', open)) return 'doctype';
    else if (text.startsWith('<!', open)) return undefined; // not well-formed: the parser stops here
    else if (text.startsWith('</', open)) {
      depth -= 1;
      next = skipTo('>');
    } else {
      // A start tag: attribute values may hold `>` (never `<`).
      let quote = 0;
      let end = open + 1;
      for (; end < text.length; end += 1) {
        const code = text.charCodeAt(end);
        if (quote) {
          if (code === quote) quote = 0;
        } else if (code === 0x22 || code === 0x27) quote = code;
        else if (code === 0x3e) break;
      }
      if (end >= text.length) return undefined;
      if (text.charCodeAt(end - 1) !== 0x2f) {
        depth += 1;
        if (depth > SVG_MAX_DEPTH) return 'deep';
      }
      next = end + 1;
    }
    if (next < 0) return undefined;
    at = next;
  }
}

type Scope = ReadonlyMap<string, string>;

/** The namespaces in scope on this element (prefix `''` is the default namespace). */
function scopeOf(element: Element, parent: Scope): Scope {
  let scope: Map<string, string> | undefined;
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(name === 'xmlns' ? '' : name.slice(6), value ?? '');
  }
  return scope ?? parent;
}

function resolve(name: string, scope: Scope, forAttribute: boolean): { ns: string; local: string } {
  const colon = name.indexOf(':');
  if (colon < 0) return { ns: forAttribute ? '' : (scope.get('') ?? ''), local: name };
  const prefix = name.slice(0, colon);
  return { ns: prefix === 'xml' ? XML_NS : (scope.get(prefix) ?? `unbound:${prefix}`), local: name.slice(colon + 1) };
}

class Cleaner {
  readonly removed = new Map<string, number>();
  usesXlink = false;

  drop(what: string): void {
    this.removed.set(what, (this.removed.get(what) ?? 0) + 1);
  }

  /** The attributes kept; on a link (`isLink`, turned into a `<g>`) a `#id` link goes too, silently. */
  attributes(element: Element, scope: Scope, tag: string, isLink = false): Record<string, string> {
    const kept: Record<string, string> = {};
    // As a re-read would see it: a tab or line break in an attribute value is written as is and read as a space.
    const keep = (name: string, value: string) => {
      kept[name] = value.replace(/[\t\n\r]/g, ' ');
    };
    const on = `on \`<${tag}>\``;
    for (const [name, raw] of Object.entries(element.attributes)) {
      const value = raw ?? '';
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue; // declared anew on the root
      if (isLink && LINK_ATTRIBUTES.has(name)) continue; // the link goes as a whole: `<a>` says so
      const { ns, local } = resolve(name, scope, true);
      if (ns === XLINK_NS && local === 'href') {
        const problem = hrefProblem(urlOf(value));
        if (problem) this.drop(`\`${name}\` ${problem} ${on}`);
        else if (!isLink) {
          keep('xlink:href', urlOf(value));
          this.usesXlink = true;
        }
      } else if (ns === XML_NS && (local === 'space' || local === 'lang')) keep(`xml:${local}`, value);
      else if (ns !== '') this.drop(`\`${name}\` ${on}`);
      else if (/^on/i.test(name)) this.drop(`\`${name}\` ${on}`);
      else if (name === 'href') {
        const problem = hrefProblem(urlOf(value));
        if (problem) this.drop(`\`href\` ${problem} ${on}`);
        else if (!isLink) keep('href', urlOf(value));
      } else if (TEXT_ATTRIBUTES.has(name) || /^aria-[a-z]+$/.test(name)) keep(name, value);
      else if (name === 'style' || PRESENTATION.has(name) || ATTRIBUTES.has(name)) {
        // Presentation and geometry attributes are CSS values: a `url()` may only point into this file.
        // No drawing needs `//` here, nor (outside a `style` declaration list) a `scheme:`.
        const urlLike = value.includes('//') || (name !== 'style' && /[a-z][a-z\d+.-]*:/i.test(value));
        const problem = cssProblem(value) ?? (urlLike ? 'a URL' : undefined);
        if (problem) this.drop(`\`${name}\` with ${problem} ${on}`);
        else keep(name, value);
      } else this.drop(`\`${name}\` ${on}`);
    }
    return kept;
  }

  children(parent: Element, scope: Scope, depth: number): ElementContent[] {
    const out: ElementContent[] = [];
    // Text and CDATA sections next to each other (or to what is dropped between them) are one text.
    let text = '';
    for (const child of parent.children) {
      if (child.type === 'text' || child.type === 'cdata') text += child.value;
      else if (child.type === 'instruction') this.drop(`\`<?${child.name}?>\` processing instruction`);
      else if (child.type === 'element') {
        const kept = this.element(child, scope, depth + 1);
        if (kept) {
          if (text) out.push(...textNodes(text));
          text = '';
          out.push(kept);
        }
      }
      // Comments go without a word: they are never shown.
    }
    if (text) out.push(...textNodes(text));
    return out;
  }

  element(element: Element, parentScope: Scope, depth: number): Element | undefined {
    if (depth > SVG_MAX_DEPTH) throw new RangeError('nested too deep'); // prescan refuses this first
    const scope = scopeOf(element, parentScope);
    const { ns, local } = resolve(element.name, scope, false);
    if (ns === SVG_NS && local === 'a') {
      // A link goes, its drawing stays: a `<g>` keeps the link's transform and paint.
      this.drop('`<a>` (a link; its content is kept)');
      const attributes = this.attributes(element, scope, element.name, true);
      return rebuilt(element, 'g', attributes, this.children(element, scope, depth));
    }
    if (ns !== SVG_NS || !ELEMENTS.has(local)) {
      this.drop(ns === SVG_NS || element.name.includes(':') ? `\`<${element.name}>\`` : `\`<${element.name}>\` (not in the SVG namespace)`);
      return undefined;
    }
    const attributes = this.attributes(element, scope, local);
    return rebuilt(element, local, attributes, this.children(element, scope, depth));
  }
}

/** The parsed element, reused (the parsed tree is ours) with what is kept. */
function rebuilt(element: Element, name: string, attributes: Element['attributes'], children: ElementContent[]): Element {
  element.name = name;
  element.attributes = attributes;
  element.children = children;
  return element;
}

/** Text as it will be written: `]]>` may not appear in character data, so its `>` goes in a CDATA section. */
function textNodes(value: string): ElementContent[] {
  if (!value.includes(']]>')) return [{ type: 'text', value } satisfies Text];
  const parts = value.split(']]>');
  const out: ElementContent[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push({ type: 'cdata', value: '>' });
    out.push({ type: 'text', value: index < parts.length - 1 ? `${part}]]` : part });
  });
  return out;
}

const HAS_DOCTYPE = 'The SVG file has a DOCTYPE, which an SVG attachment may not have; remove the `<!DOCTYPE …>` line.';

/**
 * The SVG file as it may be published, and what was removed from it; or why it cannot be published at all
 * (too large, not well-formed XML, a DOCTYPE, nested too deep, a root that is not SVG's `<svg>`).
 * The file comes out without an XML declaration: write it as UTF-8, XML's default.
 */
export function sanitizeSvg(text: string): SanitizedSvg {
  if (text.length > SVG_MAX_BYTES || Buffer.byteLength(text, 'utf8') > SVG_MAX_BYTES) {
    const mb = (Buffer.byteLength(text, 'utf8') / (1024 * 1024)).toFixed(1);
    return { ok: false, reason: `The SVG file is ${mb} MB, over the 2 MB limit.` };
  }
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const scanned = prescan(source);
  if (scanned === 'doctype') {
    return {
      ok: false,
      reason: /<!ENTITY/.test(source)
        ? 'The SVG file declares entities in a DOCTYPE, which could read local files or expand without bound; remove the DOCTYPE.'
        : HAS_DOCTYPE,
    };
  }
  if (scanned === 'deep') return { ok: false, reason: `The SVG file nests elements more than ${SVG_MAX_DEPTH} levels deep.` };

  let tree: Root;
  try {
    tree = fromXml(source);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(error);
    return { ok: false, reason: `The SVG file is not well-formed XML: ${detail}` };
  }

  const roots = tree.children.filter((node): node is Element => node.type === 'element');
  if (tree.children.some((node: RootContent) => node.type === 'doctype')) {
    return { ok: false, reason: HAS_DOCTYPE };
  }
  const root = roots[0];
  if (!root) return { ok: false, reason: 'The SVG file has no root element.' };
  const rootName = resolve(root.name, scopeOf(root, new Map()), false);
  if (rootName.local !== 'svg') return { ok: false, reason: `The root element is \`<${root.name}>\`, not \`<svg>\`.` };
  if (rootName.ns !== SVG_NS) {
    return { ok: false, reason: `The root \`<svg>\` is not in the SVG namespace: add \`xmlns="${SVG_NS}"\` to it.` };
  }

  const cleaner = new Cleaner();
  for (const node of tree.children) {
    if (node.type === 'instruction' && node.name !== 'xml') cleaner.drop(`\`<?${node.name}?>\` processing instruction`);
  }
  let svg: Element;
  try {
    svg = cleaner.element(root, new Map(), 1)!;
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: `The SVG file nests elements more than ${SVG_MAX_DEPTH} levels deep.` };
    throw error;
  }
  const declarations: Record<string, string> = { xmlns: SVG_NS };
  if (cleaner.usesXlink) declarations['xmlns:xlink'] = XLINK_NS;
  svg.attributes = { ...declarations, ...svg.attributes };

  const removed = [...cleaner.removed].map(([what, count]) => (count > 1 ? `${what} (×${count})` : what));
  return { ok: true, svg: `${toXml(svg, { closeEmptyElements: true })}\n`, removed };
}
