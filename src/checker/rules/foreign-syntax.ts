import type { Rule } from '../rule.ts';

const NAMES = { liquid: 'Liquid', 'hugo-shortcode': 'Hugo shortcode', erb: 'ERB', 'mdx-component': 'MDX component', admonition: 'admonition' } as const;

/** Syntax of another site generator (Liquid, Hugo, ERB, MDX) or Markdown dialect: shown as plain text here. Reported once per file. */
export const foreignSyntax: Rule = {
  id: 'foreign-syntax',
  description: 'Syntax of another site generator that is shown as plain text',
  defaultSeverity: 'warning',
  scope: 'file',
  check({ playbook, report }) {
    const [first, ...rest] = playbook.foreign;
    if (!first) return;
    report({
      place: first.place,
      message: `\`${first.sample}\` is ${NAMES[first.kind]} syntax, shown as plain text on this site${rest.length > 0 ? ` (and ${rest.length} more in this file)` : ''}`,
      fix: first.kind === 'admonition' ? 'write the note as a `> **Note:**` block quote' : 'replace it with the Markdown it produced, or a link to the page it included',
      data: { kind: first.kind, count: playbook.foreign.length },
    });
  },
};
