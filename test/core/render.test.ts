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
    expect(html).toContain('<h1 id="rotate">Rotate</h1>');
    expect(html).toContain('<h2 id="steps">Steps</h2>');
    expect(html).toContain('<h2 id="steps-1">Steps</h2>');
    expect(html).toContain('<li id="open" data-step="1" class="step">');
    expect(html).toMatch(/<li id="open" data-step="1" class="step">Open it\n?<ol>/);
    expect(html).not.toContain('{#open}');
    expect(html).toContain('<li id="step-1-1" data-step="1.1" class="step">Sub-step.</li>');
    expect(html).toContain('<li id="step-2" data-step="2" class="step">Close it.</li>');
  });

  it('rewrites relative .md links to site URLs under the base path, keeping anchors', () => {
    const html = render('See [VPN](../access/request-vpn.md#steps), [same folder](handover.md) and [web](https://example.com/a.md).\n', '/intranet/playbooks/');
    expect(html).toContain('<a href="/intranet/playbooks/access/request-vpn/#steps">VPN</a>');
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
    // A relative image points where the build publishes the file: beside the playbook, under the base path.
    expect(html).toContain('<img src="/on-call/x.png" alt="image x.png">');
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
    expect(playbookUrl('/intranet/playbooks', 'ops/café', 'step-2')).toBe('/intranet/playbooks/ops/caf%C3%A9/#step-2');
  });
});
