/** Every XSS payload in test/fixtures/xss is neutralised by the renderer (the browser tests check the built site too). */
import { readFileSync } from 'node:fs';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../../src/core/parse.ts';
import { renderPlaybookHtml } from '../../src/core/render.ts';

const renderDocument = ({ playbook, tree }: ParsedDocument) => renderPlaybookHtml(playbook, tree, { base: '/pb/' });
import { MINIMAL, playbookText } from './helpers.ts';

const payloads = JSON.parse(readFileSync('test/fixtures/xss/payloads.json', 'utf8')) as { body: string[]; link: string[] };

function rendered(body: string): string {
  return renderDocument(parseDocument('content/x/evil.md', playbookText(MINIMAL, body), { path: 'x/evil.md' }));
}

/**
 * What would execute, load from elsewhere or clobber, found by parsing the HTML
 * as a browser does (parse5), so text inside attribute values is not mistaken for tags.
 */
function dangerous(html: string): string[] {
  const found: string[] = [];
  const walk = (node: DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment']) => {
    if ('tagName' in node) {
      const tag = node.tagName;
      if (/^(script|iframe|object|embed|form|style|link|meta|base|svg|math|template|button|video|audio|body|noscript)$/i.test(tag)) found.push(`<${tag}>`);
      for (const { name, value } of node.attrs) {
        if (/^on/i.test(name)) found.push(`${tag} ${name}`);
        if (/^(href|src|action|data|formaction|srcdoc)$/i.test(name) && /^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${tag} ${name}=${value.slice(0, 20)}`);
        if (name === 'style') found.push(`${tag} style`);
        if ((name === 'id' || name === 'name') && !value.startsWith('user-content-') && !/^h[1-6]$|^li$/.test(tag)) found.push(`${tag} ${name}=${value}`);
        if (name === 'src' && /^(https?:)?\/\//i.test(value)) found.push(`${tag} remote src`);
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
    if ('content' in node && node.content) walk(node.content);
  };
  walk(parseFragment(html));
  return found;
}

describe('renderer against XSS payloads', () => {
  it(`neutralises all ${payloads.body.length} body payloads`, () => {
    expect(payloads.body.length).toBeGreaterThanOrEqual(30);
    for (const payload of payloads.body) {
      const html = rendered(`Before.\n\n${payload}\n\nAfter.\n`);
      expect(dangerous(html), `${payload}\n→ ${html}`).toEqual([]);
      // An unclosed raw-text element (`<style>` with no `</style>`) swallows what follows, as in any
      // browser; the checker's raw-HTML rule reports such HTML so it does not vanish without a word.
      if (!/<style>(?![\s\S]*<\/style>)/.test(payload)) expect(html, payload).toContain('After.');
    }
  });

  it(`neutralises all ${payloads.link.length} link payloads`, () => {
    for (const url of payloads.link) {
      const html = rendered(`[click](${url}) and ![img](${url})\n`);
      expect(dangerous(html), `${url}\n→ ${html}`).toEqual([]);
    }
  });

  it('payloads inside steps and code blocks stay text', () => {
    const html = rendered('## Steps\n\n1. Run `<script>window.__xss=1</script>`\n\n   ```html\n   <img src=x onerror=alert(1)>\n   ```\n');
    expect(dangerous(html)).toEqual([]);
    expect(html).toContain('&#x3C;script>');
  });
});
