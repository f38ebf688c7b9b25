import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_BACKGROUND, contrast, highlightCode, highlightStylesheet, languageOf } from '../../src/core/highlight.ts';
import { renderMarkdownHtml } from '../../src/core/render.ts';

const page = (body: string) => `---\ntitle: T\nsummary: S.\nowner: alex\n---\n\n## Steps\n\n1. Run it:\n\n${body}\n`;

describe('syntax highlighting', () => {
  it('highlights a shell block after sanitising: classes per theme, no inline style, code kept as text', () => {
    const html = renderMarkdownHtml('content/a.md', page('   ```sh\n   kubectl get pods -n "<img src=x onerror=alert(1)>" # list\n   ```'));
    expect(html).toContain('<pre tabindex="0" class="code-block" data-language="sh"><code class="language-sh">');
    expect(html).toMatch(/<span class="l[0-9a-z] d[0-9a-z]">kubectl /);
    expect(html).not.toContain('style=');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#x3C;img src=x onerror=alert(1)>');
  });

  it('depends on the input only: a line longer than 4,000 characters is left plain by its length, the others highlighted', () => {
    const long = `echo ${'x'.repeat(5_000)}`;
    const [first, ...rest] = highlightCode(`${long}\nls -la /tmp`, 'bash');
    expect(first).toEqual({ type: 'text', value: `${long}\n` });
    expect(rest.some((node) => node.type === 'element')).toBe(true);
    // The same input gives the same nodes, call after call.
    expect(highlightCode(`${long}\nls -la /tmp`, 'bash')).toEqual([first, ...rest]);
  });

  it('leaves unknown and unnamed languages plain, still marked as code blocks', () => {
    const html = renderMarkdownHtml('content/a.md', page('   ```promql\n   rate(x[5m])\n   ```\n\n   ```\n   plain\n   ```'));
    expect(html).toContain('<pre tabindex="0" class="code-block" data-language="promql"><code class="language-promql">rate(x[5m])\n</code></pre>');
    expect(html).toContain('<pre tabindex="0" class="code-block"><code>plain\n</code></pre>');
  });

  it('knows the languages runbooks use, by the names authors write', () => {
    expect(['sh', 'bash', 'shell', 'zsh', 'console', 'yaml', 'yml', 'json', 'sql', 'ini', 'toml', 'python', 'py', 'js', 'ts', 'hcl', 'terraform', 'dockerfile', 'powershell', 'go', 'diff', 'nginx', 'markdown'].map((name) => [name, Boolean(languageOf(name))])).toEqual(
      ['sh', 'bash', 'shell', 'zsh', 'console', 'yaml', 'yml', 'json', 'sql', 'ini', 'toml', 'python', 'py', 'js', 'ts', 'hcl', 'terraform', 'dockerfile', 'powershell', 'go', 'diff', 'nginx', 'markdown'].map((name) => [name, true]),
    );
    expect(languageOf('text')).toBeUndefined();
    expect(languageOf('no-such-language')).toBeUndefined();
  });

  it('src/styles/highlight.css is the generated stylesheet, and every colour reads at 4.5:1 on its code background', () => {
    const css = readFileSync('src/styles/highlight.css', 'utf8');
    expect(css).toBe(highlightStylesheet());
    const [light, dark] = css.split('@media screen {');
    for (const colour of light!.match(/color: (#[0-9a-f]{6})/g)!.map((m) => m.slice(7))) expect(contrast(colour, CODE_BACKGROUND.light), colour).toBeGreaterThanOrEqual(4.5);
    for (const colour of dark!.match(/color: (#[0-9a-f]{6})/g)!.map((m) => m.slice(7))) expect(contrast(colour, CODE_BACKGROUND.dark), colour).toBeGreaterThanOrEqual(4.5);
  });
});
