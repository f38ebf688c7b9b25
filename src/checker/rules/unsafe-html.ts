import { removedBySanitizer } from '../../core/sanitize.ts';
import type { Rule } from '../rule.ts';

/** Raw HTML the site removes when it sanitises the page: the sanitiser itself says what, so nothing disappears without a word. */
export const unsafeHtml: Rule = {
  id: 'unsafe-html',
  description: 'Raw HTML that the site removes (scripts, event handlers, iframes, forms, styles)',
  defaultSeverity: 'warning',
  scope: 'file',
  check({ playbook, report }) {
    for (const html of playbook.html) {
      if (/^\s*<!--[\s\S]*-->\s*$/.test(html.value)) continue; // a comment (a suppression, a note): never shown, never reported
      const removed = removedBySanitizer(html.value);
      if (removed.length === 0) continue;
      const shown = removed.length > 3 ? `${removed.slice(0, 3).join(', ')} and ${removed.length - 3} more` : removed.join(', ');
      report({
        place: html.place,
        message: `raw HTML loses ${shown} when it is published: the site's sanitiser removes ${removed.length === 1 ? 'it' : 'them'}`,
        fix: 'write it in Markdown instead; raw HTML may only format text (see the allowlist in docs/rules/unsafe-html.md)',
        data: { removed },
      });
    }
  },
};
