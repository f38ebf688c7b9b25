import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/parse.ts';
import { playbookUrl, renderPlaybookHtml } from '../../src/core/render.ts';
import { MINIMAL, playbookText } from './helpers.ts';

function render(body: string, base = '/') {
  const { playbook, tree } = parseDocument('content/on-call/rotate.md', playbookText(MINIMAL, body), { path: 'on-call/rotate.md' });
  return renderPlaybookHtml(playbook, tree, { base });
}

describe('renderPlaybookHtml', () => {
  it('gives headings GitHub-style ids and steps stable anchors with their numbers', () => {
    const html = render('# Rotate\n\n## Steps\n\n1. Open it {#open}\n   1. Sub-step.\n2. Close it.\n\n## Steps\n');
    // Every body id is prefixed (as GitHub does), so none can replace the page's own (#main, #findings, …).
    expect(html).toContain('<h1 id="user-content-rotate">Rotate</h1>');
    expect(html).toContain('<h2 id="user-content-steps">Steps</h2>');
    expect(html).toContain('<h2 id="user-content-steps-1">Steps</h2>');
    expect(html).toContain('<li id="user-content-open" data-step="1" class="step">');
    expect(html).toMatch(/<li id="user-content-open" data-step="1" class="step">Open it\n?<ol>/);
    expect(html).not.toContain('{#open}');
    expect(html).toContain('<li id="user-content-step-1-1" data-step="1.1" class="step">Sub-step.</li>');
    expect(html).toContain('<li id="user-content-step-2" data-step="2" class="step">Close it.</li>');
  });

  it('rewrites relative .md links to site URLs under the base path, keeping anchors', () => {
    const html = render('See [VPN](../access/request-vpn.md#steps), [same folder](handover.md) and [web](https://example.com/a.md).\n', '/intranet/playbooks/');
    expect(html).toContain('<a href="/intranet/playbooks/access/request-vpn/#user-content-steps">VPN</a>');
    expect(html).toContain('<a href="/intranet/playbooks/on-call/handover/">same folder</a>');
    expect(html).toContain('<a href="https://example.com/a.md">web</a>');
  });

  it('sanitises raw HTML after parsing it: no script, handlers, javascript: URLs, iframes, forms or styles', () => {
    const html = render(
      [
        'Hello <script>alert(1)</script> world.',
        '',
        '<img src="x.png" onerror="alert(1)">',
        '',
        '<iframe src="https://evil.example"></iframe>',
        '',
        '<form action="https://evil.example"><input name="q"></form>',
        '',
        '<style>body { display: none }</style>',
        '',
        '<svg onload="alert(1)"><circle /></svg>',
        '',
        '[click](javascript:alert(1)) <a href="javascript:alert(2)">raw</a> [data](data:text/html,hi)',
        '',
        '<details><summary>More</summary>Kept.</details>',
      ].join('\n'),
    );
    for (const forbidden of ['<script', 'alert(1)</', 'onerror', 'onload', '<iframe', '<form', '<style', 'display: none', '<svg', 'javascript:', 'data:text']) {
      expect(html).not.toContain(forbidden);
    }
    // An image the build does not publish (here: not in the content folder) is shown as text, never as a dead image.
    expect(html).toContain('image (image not published)');
    expect(html).toContain('<details><summary>More</summary>Kept.</details>');
    expect(html).toContain('Hello');
  });

  it('keeps raw-HTML ids from clobbering the page', () => {
    const html = render('<h2 id="search">Raw</h2>\n\n<a name="steps">x</a>\n');
    expect(html).toContain('id="user-content-search"');
    expect(html).not.toContain('id="search"');
  });

  it('builds playbook URLs under any base, encoding unusual slugs', () => {
    expect(playbookUrl('/', 'on-call/rotate')).toBe('/on-call/rotate/');
    expect(playbookUrl('/intranet/playbooks', 'ops/café', 'step-2')).toBe('/intranet/playbooks/ops/caf%C3%A9/#user-content-step-2');
  });

  it('points at published attachments under _files/, and shows unpublished ones as text', () => {
    const { playbook, tree } = parseDocument('content/on-call/rotate.md', playbookText(MINIMAL, '![flow](diagrams/flow.png) [the form](forms/leave.pdf) [secret](.env)\n'), { path: 'on-call/rotate.md' });
    const html = renderPlaybookHtml(playbook, tree, { base: '/pb/', published: ['on-call/diagrams/flow.png', 'on-call/forms/leave.pdf'] });
    expect(html).toContain('<img src="/pb/_files/on-call/diagrams/flow.png" alt="flow">');
    expect(html).toContain('<a href="/pb/_files/on-call/forms/leave.pdf">the form</a>');
    expect(html).toContain('<span class="unpublished-link" title="This file is not published on the site">secret</span>');
  });

  it('renders footnotes whose links and ids agree, and rewrites own-page anchors to the prefixed ids', () => {
    const html = render('A note[^1] and [steps](#steps).\n\n## Steps\n\n1. Do it.\n\n[^1]: The note.\n');
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const href of hrefs) expect(ids.has(href), href).toBe(true);
    expect(html).toContain('href="#user-content-steps"');
  });

  it('turns images on other origins into links, however the URL is spelled', () => {
    // Markdown images, and raw HTML ones (where a backslash reaches the browser, which reads it as a slash).
    const markups = ['![track](https://evil.example/t.png)', '![track](//evil.example/t.png)', '![track](https:evil.example/t.png)', String.raw`<img alt="track" src="/\evil.example/t.png">`, String.raw`<img alt="track" src="\\evil.example/t.png">`];
    for (const markup of markups) {
      const html = render(`${markup}\n`);
      expect(html, markup).not.toContain('<img');
      expect(html, markup).toContain('(image on another site)');
    }
  });
});
