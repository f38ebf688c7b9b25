import type { Rule } from '../rule.ts';

const REMOVED = /<\s*(script|style|iframe|frame|object|embed|form|input|button|textarea|select|svg|math|meta|link|base|template|noscript)\b|\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*(?:javascript|data|vbscript):|\sstyle\s*=/i;

/** Raw HTML the site removes when it sanitises the page: say so, so nothing disappears without a word. */
export const unsafeHtml: Rule = {
  id: 'unsafe-html',
  description: 'Raw HTML that the site removes (scripts, event handlers, iframes, forms, styles)',
  defaultSeverity: 'warning',
  scope: 'file',
  check({ playbook, report }) {
    for (const html of playbook.html) {
      const match = REMOVED.exec(html.value);
      if (!match) continue;
      report({
        place: html.place,
        message: `raw HTML \`${match[0].trim().slice(0, 30)}\` is removed from the page when it is published`,
        fix: 'write it in Markdown instead; raw HTML may only format text (see the allowlist in docs/rules/unsafe-html.md)',
        data: { html: match[0].trim() },
      });
    }
  },
};
