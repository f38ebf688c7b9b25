/**
 * SVG attachments are sanitised before they are published (src/core/svg.ts). Every hostile file's output,
 * parsed again as a browser would read it inline (parse5's HTML parser) and as a file (xast-util-from-xml),
 * holds no script, no handler, no `javascript:`/`data:` URL and no reference to another origin; files that
 * cannot be made safe (DOCTYPE, entities, not XML, too large, too deep, not SVG) are refused with a reason;
 * benign drawings keep what they draw.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Element, Nodes, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { sanitizeSvg, SVG_MAX_DEPTH } from '../../src/core/svg.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/svg/${name}`, 'utf8');
const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">';

const ACTIVE = /^(script|iframe|frame|object|embed|applet|foreignobject|image|feimage|img|style|link|meta|base|animate|animatemotion|animatetransform|set|handler|listener|a)$/i;

/** What is wrong with one attribute, or undefined. */
function attributeHazard(element: string, name: string, value: string): string | undefined {
  const local = name.slice(name.indexOf(':') + 1);
  if (name === 'xmlns' || name.startsWith('xmlns:')) return undefined;
  if (/^on/i.test(local)) return `${element} ${name}`;
  // Names and feature strings: never fetched, never CSS.
  if (/^(id|class|role|lang|aria-[a-z]+|requiredFeatures|requiredExtensions|systemLanguage)$/i.test(name)) return undefined;
  const squeezed = value.replace(/\s/g, '');
  if (/(javascript|data|vbscript):/i.test(squeezed)) return `${element} ${name}=${value.slice(0, 30)}`;
  if (/^(href|src)$/i.test(local) && !squeezed.startsWith('#')) return `${element} ${name}=${value.slice(0, 30)} (not #id)`;
  if (/url\((?!\s*["']?\s*#)/i.test(value) || /\/\//.test(value) || value.includes('\\')) return `${element} ${name}=${value.slice(0, 30)} (outside)`;
  if (/@import|expression\(|image(-set)?\(|binding|behavior/i.test(value)) return `${element} ${name}=${value.slice(0, 30)} (CSS)`;
  return undefined;
}

/** Hazards as the HTML parser sees the text (an SVG inlined in a page, or served as HTML by mistake). */
function htmlHazards(text: string): string[] {
  const found: string[] = [];
  const walk = (node: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in node) {
      if (ACTIVE.test(node.tagName)) found.push(`<${node.tagName}>`);
      for (const { name, value, prefix } of node.attrs) {
        const hazard = attributeHazard(node.tagName, prefix ? `${prefix}:${name}` : name, value);
        if (hazard) found.push(hazard);
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
    if ('content' in node && node.content) walk(node.content);
  };
  walk(parse(text));
  return found;
}

/** Hazards as an XML parser sees the file (a browser opening the `.svg`). */
function xmlHazards(text: string): string[] {
  const found: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'doctype') found.push('doctype');
    if (node.type === 'instruction' && node.name !== 'xml') found.push(`<?${node.name}?>`);
    if (node.type === 'element') {
      const local = node.name.slice(node.name.indexOf(':') + 1);
      if (ACTIVE.test(local)) found.push(`<${node.name}>`);
      if (node.name.includes(':')) found.push(`<${node.name}> (prefixed)`);
      for (const [name, value] of Object.entries(node.attributes)) {
        const hazard = attributeHazard(node.name, name, value ?? '');
        if (hazard) found.push(hazard);
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(fromXml(text));
  return found;
}

function hazards(text: string): string[] {
  let xml: string[];
  try {
    xml = xmlHazards(text);
  } catch {
    xml = ['not well-formed'];
  }
  return [...htmlHazards(text), ...xml];
}

/** Sanitise, and check what every kept file must be: well-formed, one SVG root, safe, and stable when sanitised again. */
function clean(text: string): { svg: string; removed: string[] } {
  const result = sanitizeSvg(text);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  const tree = fromXml(result.svg);
  const roots = tree.children.filter((node) => node.type === 'element');
  expect(roots.map((node) => [node.name, node.attributes['xmlns']])).toEqual([['svg', 'http://www.w3.org/2000/svg']]);
  expect(tree.children.filter((node) => node.type !== 'element' && !(node.type === 'text' && !node.value.trim()))).toEqual([]);
  expect(hazards(result.svg), result.svg).toEqual([]);
  const again = sanitizeSvg(result.svg);
  expect(again).toEqual({ ok: true, svg: result.svg, removed: [] });
  return { svg: result.svg, removed: result.removed };
}

function refused(text: string): string {
  const result = sanitizeSvg(text);
  if (result.ok) throw new Error(`kept: ${result.svg}`);
  expect(result.reason).toMatch(/^The .*[.)]$|^The SVG file is not well-formed XML: /);
  return result.reason;
}

describe('sanitizeSvg: hostile files are rebuilt without what could run or load', () => {
  const cases: [file: string, removed: RegExp[]][] = [
    ['script', [/^`<script>` \(×2\)$/]],
    ['handlers', [/^`onload` on `<svg>`$/, /^`onclick` on `<rect>`$/, /^`onmouseover` on `<rect>`$/, /^`onfocusin` on `<rect>`$/]],
    ['mixed-case-handler', [/^`onLoad` on `<svg>`$/, /^`ONCLICK` on `<g>`$/, /^`OnMouseOver` on `<circle>`$/]],
    ['a-javascript', [/^`<a>` \(a link; its content is kept\) \(×3\)$/, /^`xlink:href` with a `javascript:` URL on `<a>`$/, /^`href` with a `javascript:` URL on `<a>` \(×2\)$/]],
    ['foreignobject-iframe', [/^`<foreignObject>`$/]],
    ['use-remote', [/^`href` to an outside URL on `<use>` \(×2\)$/, /^`xlink:href` to an outside URL on `<use>`$/, /^`href` with a `data:` URL on `<use>`$/]],
    ['image', [/^`<image>` \(×2\)$/, /^`<feImage>`$/]],
    ['style-import', [/^`<style>`$/]],
    ['style-attribute', [/^`style` with `url\(` to an outside URL on `<rect>` \(×2\)$/, /`expression\(`/, /a CSS escape/, /`image-set\(`/, /`javascript:`/, /^`fill` with `url\(`/, /^`filter` with `url\(`/, /^`cursor` on `<rect>`$/]],
    ['animate-href', [/^`<a>`/, /^`<animate>` \(×3\)$/, /^`<animateTransform>`$/, /^`<animateMotion>`$/]],
    ['set', [/^`<set>` \(×2\)$/, /^`<a>`/]],
    ['cdata-script', [/^`<script>`$/]],
    ['processing-instruction', [/^`<\?xml-stylesheet\?>` processing instruction \(×2\)$/, /^`<\?php\?>` processing instruction$/]],
    ['html-script', [/^`<html:script>`$/, /^`<html:iframe>`$/, /^`<g>` \(not in the SVG namespace\)$/, /^`<x:script>`$/, /^`<nope:script>`$/]],
    ['uppercase-script', [/^`<SCRIPT>`$/, /^`<Script>`$/, /^`<ForeignObject>`$/]],
    ['namespace-tricks', [/^`xml:base` on `<g>`$/, /^`xlink:title` on `<rect>`$/, /^`ev:event` on `<rect>`$/, /^`evil:href` with a `javascript:` URL/, /^`h:onclick` on `<rect>`$/, /^`<g>` \(not in the SVG namespace\)$/]],
  ];

  it.each(cases)('%s.svg', (name, expected) => {
    const input = fixture(`hostile/${name}.svg`);
    expect(hazards(input).length, 'the fixture is hostile to begin with').toBeGreaterThan(0);
    const { removed } = clean(input);
    expect(removed).toHaveLength(expected.length);
    for (const pattern of expected) expect(removed.some((item) => pattern.test(item)), `${pattern} in ${removed.join(' | ')}`).toBe(true);
  });

  it('keeps the drawing around what it removes', () => {
    expect(clean(fixture('hostile/script.svg')).svg).toBe(`${SVG_OPEN}<rect width="5" height="5" /></svg>\n`);
    // A link becomes a group: its transform and paint stay, its target goes.
    expect(clean(`${SVG_OPEN}<a href="https://evil.example/" target="_top" transform="scale(2)" fill="red"><circle r="1"/></a></svg>`).svg)
      .toBe(`${SVG_OPEN}<g transform="scale(2)" fill="red"><circle r="1" /></g></svg>\n`);
    expect(clean(fixture('hostile/animate-href.svg')).svg).toContain('<use href="#x" /><rect id="x" width="1" height="1" />');
    // `<a>` with a `#id` link: the link goes with the `<a>`, no `xlink:href` left on the `<g>`.
    expect(clean(fixture('hostile/set.svg')).svg).not.toMatch(/href|xmlns:xlink/);
  });

  it('escapes text that would read as markup: CDATA and entities become plain text', () => {
    const cdata = clean(fixture('hostile/cdata-script.svg')).svg;
    expect(cdata).toContain('<text y="5">&#x3C;script>alert(1)&#x3C;/script></text>');
    const text = clean(fixture('hostile/text-breakout.svg'));
    expect(text.removed).toEqual([]);
    // `]]>` cannot stand in XML text: its `>` is written in a CDATA section, and reads back the same.
    const texts = (fromXml(text.svg).children[0] as Element).children
      .filter((node): node is Element => node.type === 'element')
      .map((node) => node.children.map((child) => ('value' in child ? child.value : '')).join(''));
    expect(texts).toEqual(['</title><script>alert(1)</script>', '<img src=x onerror=alert(2)>', ']]><script>alert(3)</script>', 'x']);
  });

  it('resolves namespaces by URI: a prefix bound to SVG is SVG, `xmlns:xlink` is declared only when an `xlink:href` stays', () => {
    const prefixed = clean('<s:svg xmlns:s="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink"><s:rect id="r" width="1" height="1"/><s:use l:href="#r"/></s:svg>');
    expect(prefixed).toEqual({
      svg: '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><rect id="r" width="1" height="1" /><use xlink:href="#r" /></svg>\n',
      removed: [],
    });
    expect(clean(`${SVG_OPEN}<rect xmlns:xlink="http://www.w3.org/1999/xlink"/></svg>`).svg).toBe(`${SVG_OPEN}<rect /></svg>\n`);
    expect(clean(`${SVG_OPEN}<use href="#"/><use href="#a b"/><use href="&#10; #a&#9;"/></svg>`)).toEqual({
      svg: `${SVG_OPEN}<use /><use /><use href="#a" /></svg>\n`,
      removed: ['`href` that is not a `#id` reference on `<use>` (×2)'],
    });
  });
});

describe('sanitizeSvg: files that cannot be published are refused with a reason', () => {
  it.each([
    ['entity-bomb', /declares entities in a DOCTYPE/],
    ['external-entity', /declares entities in a DOCTYPE/],
    ['parameter-entity', /declares entities in a DOCTYPE/],
    ['public-doctype', /has a DOCTYPE/],
    ['undeclared-entity', /not well-formed XML: Named entity isn't defined: &x;/],
    ['not-xml', /not well-formed XML: .*line 1, column/],
    ['html-document', /root element is `<html>`, not `<svg>`/],
    ['no-namespace', /not in the SVG namespace: add `xmlns="http:\/\/www\.w3\.org\/2000\/svg"`/],
  ])('%s.svg', (name, reason) => {
    expect(refused(fixture(`hostile/${name}.svg`))).toMatch(reason);
  });

  it('refuses what is not XML or has no SVG root', () => {
    expect(refused('')).toMatch(/not well-formed XML/);
    expect(refused('just text')).toMatch(/not well-formed XML/);
    expect(refused('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).toMatch(/Missing end tag for element g/);
    expect(refused('<svg xmlns="http://www.w3.org/2000/svg"/><svg xmlns="http://www.w3.org/2000/svg"/>')).toMatch(/not well-formed XML/);
    expect(refused('<g xmlns="http://www.w3.org/2000/svg"/>')).toMatch(/root element is `<g>`, not `<svg>`/);
    expect(refused('<svg xmlns="http://www.w3.org/1999/xhtml"/>')).toMatch(/not in the SVG namespace/);
    expect(refused('<svg xmlns="http://www.w3.org/2000/svg" a="1" a="2"/>')).toMatch(/not well-formed XML/);
  });

  it('refuses a DOCTYPE wherever it hides, but not the word in a comment or CDATA', () => {
    expect(refused('<?xml version="1.0"?><!-- hi --><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg"/>')).toMatch(/has a DOCTYPE/);
    expect(clean(`${SVG_OPEN}<!-- <!DOCTYPE x [<!ENTITY a "b">]> --><text><![CDATA[<!DOCTYPE>]]></text></svg>`).svg).toContain('<text>&#x3C;!DOCTYPE></text>');
  });

  it(`refuses nesting deeper than ${SVG_MAX_DEPTH} levels without overflowing the stack (10,000 nested <g>)`, () => {
    const nested = (levels: number) => `${SVG_OPEN}${'<g>'.repeat(levels - 1)}${'</g>'.repeat(levels - 1)}</svg>`;
    expect(refused(nested(10_000))).toBe(`The SVG file nests elements more than ${SVG_MAX_DEPTH} levels deep.`);
    expect(refused(`${SVG_OPEN}${'<g fill="red" data-x=">">'.repeat(20_000)}`)).toMatch(/more than 256 levels/);
    expect(clean(nested(SVG_MAX_DEPTH)).svg).toContain('<g />');
    expect(refused(nested(SVG_MAX_DEPTH + 1))).toMatch(/more than 256 levels/);
    // Empty elements, comments and CDATA do not nest.
    expect(sanitizeSvg(`${SVG_OPEN}${'<g/><!--<g>--><![CDATA[<g>]]>'.repeat(1000)}</svg>`).ok).toBe(true);
  });

  it('refuses a file over 2 MB (a 3 MB drawing)', () => {
    const rect = '<rect x="1" y="2" width="3" height="4" fill="#123456"/>\n';
    const big = `${SVG_OPEN}${rect.repeat(Math.ceil((3 * 1024 * 1024) / rect.length))}</svg>`;
    expect(refused(big)).toMatch(/^The SVG file is 3\.0 MB, over the 2 MB limit\.$/);
    // Bytes, not characters: 1.5 M characters of three bytes each are 4.5 MB.
    expect(refused(`${SVG_OPEN}<text>${'€'.repeat(1_500_000)}</text></svg>`)).toMatch(/is 4\.3 MB/);
  });
});

/** What a drawing is made of, as a browser would draw it: elements, their attributes, their text. */
type Drawn = { name: string; attributes: Record<string, string>; children: (Drawn | string)[] };
function drawing(node: Root | Element, keep: (element: Element) => Element | undefined = (element) => element): Drawn[] {
  const out: Drawn[] = [];
  for (const child of node.children) {
    if (child.type === 'text' && child.value.trim()) out.push({ name: '#text', attributes: {}, children: [child.value] });
    if (child.type !== 'element') continue;
    const element = keep(child);
    if (!element) continue;
    const attributes = Object.fromEntries(Object.entries(element.attributes).filter(([name]) => !name.startsWith('xmlns')) as [string, string][]);
    out.push({ name: element.name, attributes, children: drawing(element, keep) });
  }
  return out;
}

/** The drawing of an editor's export without its editor's parts (prefixed elements and attributes). */
const withoutEditorParts = (element: Element): Element | undefined => {
  if (element.name.includes(':') || element.name === 'foreignObject') return undefined;
  const attributes = Object.fromEntries(Object.entries(element.attributes).filter(([name]) => !name.includes(':') || name === 'xlink:href' || name === 'xml:space'));
  return { ...element, attributes };
};

describe('sanitizeSvg: benign drawings keep what they draw', () => {
  it('a diagram with gradients, a marker, a filter, text and `use href="#a"` comes out unchanged', () => {
    const input = fixture('benign/diagram.svg');
    const { svg, removed } = clean(input);
    expect(removed).toEqual([]);
    expect(drawing(fromXml(svg))).toEqual(drawing(fromXml(input)));
    expect(svg).toContain('<use href="#a" x="20" y="70" />');
    expect(svg).toContain('<use xlink:href="#a" x="200" y="70" />');
    expect(svg).toContain('fill="url(#box)"');
  });

  it('an Inkscape export loses its sodipodi/inkscape attributes and RDF metadata, and keeps its drawing', () => {
    const input = fixture('benign/inkscape-export.svg');
    const { svg, removed } = clean(input);
    expect(drawing(fromXml(svg))).toEqual(drawing(fromXml(input), withoutEditorParts));
    expect(removed).toEqual([
      '`inkscape:version` on `<svg>`',
      '`sodipodi:docname` on `<svg>`',
      '`<sodipodi:namedview>`',
      '`inkscape:collect` on `<linearGradient>` (×2)',
      '`<rdf:RDF>`',
      '`inkscape:label` on `<g>`',
      '`inkscape:groupmode` on `<g>`',
      '`inkscape:label` on `<rect>`',
      '`sodipodi:nodetypes` on `<path>`',
      '`sodipodi:role` on `<tspan>`',
    ]);
    expect(svg).toContain('style="fill:url(#linearGradient1014);fill-opacity:1;stroke:#1c71d8;stroke-width:0.8;stroke-linejoin:round"');
    expect(svg).toContain("-inkscape-font-specification:'sans-serif, Bold'");
  });

  it('a draw.io export keeps its shapes and the text fallback of its HTML labels', () => {
    const input = fixture('benign/drawio-export.svg');
    const { svg, removed } = clean(input);
    expect(removed).toEqual([
      '`content` on `<svg>`',
      '`<foreignObject>` (×2)',
      '`<a>` (a link; its content is kept)',
      '`xlink:href` to an outside URL on `<a>`',
    ]);
    const toGroup = (element: Element): Element | undefined => {
      const kept = withoutEditorParts(element);
      if (!kept) return undefined;
      if (kept.name === 'svg') return { ...kept, attributes: Object.fromEntries(Object.entries(kept.attributes).filter(([name]) => name !== 'content')) };
      return kept.name === 'a' ? { ...kept, name: 'g', attributes: { transform: kept.attributes['transform'] ?? '' } } : kept;
    };
    expect(drawing(fromXml(svg))).toEqual(drawing(fromXml(input), toGroup));
    expect(svg).toMatch(/<switch>\s*<text x="50" y="44"[^>]*>Request<\/text>\s*<\/switch>/);
  });

  /** A drawing as an editor writes one: a layer of paths with long data, a label now and then. */
  function editorDrawing(bytes: number): string {
    let seed = 7;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const number = (scale: number) => (random() * scale - scale / 2).toFixed(3);
    let shapes = '';
    for (let index = 0; shapes.length < bytes; index += 1) {
      const curve = Array.from({ length: 10 + Math.floor(random() * 120) }, () => `${number(4)},${number(4)}`).join(' ');
      const colour = Math.floor(random() * 0xffffff).toString(16).padStart(6, '0');
      shapes += `    <path\n       style="fill:#${colour};fill-opacity:1;stroke:#000000;stroke-width:0.264583"\n       d="M ${number(400)},${number(400)} c ${curve}"\n       id="path${index}" />\n`;
      if (index % 50 === 0) shapes += `    <text x="${index}" y="10" style="font-size:4px;font-family:sans-serif">Label ${index}</text>\n`;
    }
    return `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297">\n  <g id="layer1">\n${shapes}  </g>\n</svg>\n`;
  }

  // How long these take is measured by `npm run bench -- parse`, not asserted here.
  it('sanitises a 500 KB drawing, keeping every path', () => {
    const text = editorDrawing(500 * 1024);
    expect(text.length).toBeGreaterThan(500 * 1024);
    const result = sanitizeSvg(text);
    expect(result.ok && result.removed).toEqual([]);
    expect(result.ok && result.svg.match(/<path /g)?.length).toBe(text.match(/<path\n/g)?.length);
  });

  it('sanitises a dense 500 KB drawing (8,000 elements, 25,000 attributes), removing nothing', () => {
    const body = fixture('benign/diagram.svg').replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
    let shapes = '';
    for (let index = 0; shapes.length < 500 * 1024; index += 1) {
      shapes += `<g id="copy${index}" transform="translate(${index % 40} ${index % 17})">${body.replace(/id="(\w+)"/g, `id="$1-${index}"`)}</g>\n`;
    }
    const text = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 320 200">${shapes}</svg>`;
    const result = sanitizeSvg(text);
    expect(result.ok && result.removed).toEqual([]);
    expect(result.ok && result.svg.length).toBeGreaterThan(400 * 1024);
  });
});

describe('sanitizeSvg: generated files', () => {
  const names = ['g', 'rect', 'text', 'use', 'a', 'script', 'SCRIPT', 'style', 'foreignObject', 'image', 'animate', 'set', 'iframe', 'html:script', 'svg:script', 'x:g', 'title', 'feImage', 'linearGradient'];
  const attribute = fc.tuple(
    fc.constantFrom('onload', 'onClick', 'href', 'xlink:href', 'svg:href', 'style', 'fill', 'filter', 'transform', 'xml:base', 'html:onclick', 'id', 'cursor', 'attributeName', 'to', 'values', 'src', 'x'),
    fc.constantFrom('#a', ' #a ', 'javascript:alert(1)', ' jav&#x0A;ascript:x', 'data:text/html,<b>', 'https://evil.example/x#a', '//evil.example', 'url(#a)', 'url(https://evil.example)', 'URL( "//e" )', 'u\\72l(x)', '@import "x"', 'expression(x)', 'rgb(1,2,3)', 'a"b<c>&amp;', '1'),
  );
  const element = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('text &lt;script&gt;', '<![CDATA[<script>x</script>]]>', '<!-- c -->', '<?pi x?>', ']]&gt;'),
      fc.tuple(fc.constantFrom(...names), fc.uniqueArray(attribute, { selector: ([name]) => name, maxLength: 4 }), fc.array(tie('node'), { maxLength: 4 })).map(([name, attributes, children]) => {
        const written = attributes.map(([key, value]) => ` ${key}="${value.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`).join('');
        return `<${name}${written}>${children.join('')}</${name}>`;
      }),
    ),
  })).node;

  it('1,000 generated hostile trees come out safe, well-formed and stable', () => {
    const wrap = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:html="http://www.w3.org/1999/xhtml" xmlns:svg="http://www.w3.org/2000/svg" xmlns:x="urn:x">${inner}</svg>`;
    fc.assert(fc.property(fc.array(element, { maxLength: 5 }), (children) => {
      clean(wrap(children.join('')));
    }), { seed: 20260611, numRuns: 1000 });
  }, 60_000);

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const result = sanitizeSvg(`<svg xmlns="http://www.w3.org/2000/svg">${text}`);
      expect(typeof result.ok).toBe('boolean');
    }), { seed: 20260612, numRuns: 1000 });
  });
});
