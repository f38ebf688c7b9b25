/** foreign-syntax: Liquid, Hugo, ERB, MDX and admonitions outside code, reported once per file with the count. */
import { foreignSyntax } from '../../../src/checker/rules/foreign-syntax.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** A playbook with `body` on line 7, above its steps. */
const above = (body: string) => playbook('', '1. Restart.', `${body}\n\n`);
const REPLACE = 'replace it with the Markdown it produced, or a link to the page it included';

testRule(foreignSyntax, {
  valid: [
    { name: 'MkDocs admonitions, Docusaurus containers and GitHub alerts are read as callouts', code: above('!!! warning "Careful"\n    Drain the queue first.\n\n??? note\n    Folded.\n\n:::tip\nWait.\n:::\n\n> [!NOTE]\n> Read this.') },
    { name: 'template syntax in a code block', code: above('```liquid\n{% include a.html %}\n{{ page.title }}\n```') },
    { name: 'template syntax in inline code', code: above('Hugo writes `{{< note >}}` and ERB writes `<%= x %>`.') },
    { name: 'plain braces and HTML a page may keep', code: above('Set `{ "a": 1 }` in { braces } and press <kbd>Enter</kbd>.') },
  ],
  invalid: [
    {
      name: 'Liquid, once per file, with the count',
      code: above('{% include a.html %}\n\n{{ page.title }}'),
      findings: [{ line: 7, column: 1, severity: 'warning', message: '`{% include a.html %}` is Liquid syntax, shown as plain text on this site (and 1 more in this file)', fix: REPLACE, data: { kind: 'liquid', count: 2 } }],
    },
    { name: 'a Hugo shortcode', code: above('{{< note >}}Careful.{{< /note >}}'), findings: [{ line: 7, column: 1, message: '`{{< note >}}` is Hugo shortcode syntax, shown as plain text on this site', data: { kind: 'hugo-shortcode', count: 1 } }] },
    { name: 'ERB', code: above('<%= render "warning" %>'), findings: [{ line: 7, column: 1, message: /^`<%= render "warning" %>` is ERB syntax/, data: { kind: 'erb' } }] },
    { name: 'an MDX component', code: above('<Callout type="warn" />'), findings: [{ line: 7, column: 1, message: '`<Callout>` is MDX component syntax, shown as plain text on this site', data: { kind: 'mdx-component' } }] },
    {
      name: 'an admonition of a type no dialect knows, with its own fix',
      code: above('!!! frobnicate\n    Drain the queue first.'),
      findings: [{ line: 7, column: 1, message: '`!!! frobnicate` is admonition syntax, shown as plain text on this site', fix: 'write the note as a `> **Note:**` block quote', data: { kind: 'admonition', count: 1 } }],
    },
    { name: 'the first of several kinds, in a step', code: playbook('', '1. Restart {{ site.service }}.\n2. :::frobnicate\n   Wait.'), findings: [{ line: 9, column: 4, data: { kind: 'liquid', count: 2 } }] },
  ],
});
