import { resolvePlaybookLink } from '../../core/corpus.ts';
import { allSteps, type Playbook } from '../../core/model.ts';
import type { Rule } from '../rule.ts';

/** Every id a reader can link to on a playbook's page: headings and steps. */
export function anchorsOf(playbook: Playbook): Set<string> {
  return new Set([...playbook.headings.map((heading) => heading.id), ...allSteps(playbook.steps).map((step) => step.anchor)]);
}

/** A link to a playbook that does not exist, to a missing `#anchor`, outside the content folder, or with a scheme the site removes. */
export const brokenLink: Rule = {
  id: 'broken-link',
  description: 'A link to a missing playbook or `#anchor`',
  defaultSeverity: 'error',
  check({ playbook, corpus, report }) {
    const ownAnchors = anchorsOf(playbook);
    for (const link of playbook.links) {
      if (link.kind === 'image') continue;
      const url = link.url.trim();
      if (/^(javascript|data|vbscript):/i.test(url)) {
        report({ place: link.place, message: `link \`${url.slice(0, 40)}\` uses a scheme the site removes: it will not work`, fix: 'link to an http(s) page, a playbook file or a heading', data: { url } });
        continue;
      }
      if (url.startsWith('#')) {
        const anchor = decodeURIComponent(url.slice(1));
        if (anchor && !ownAnchors.has(anchor)) {
          report({ place: link.place, message: `link \`${url}\` points to no heading or step of this playbook`, fix: `use one of the page's anchors, e.g. \`#${[...ownAnchors][0] ?? 'steps'}\``, data: { url } });
        }
        continue;
      }
      const target = resolvePlaybookLink(playbook.path, url);
      if (!target) continue;
      if (target.escapes) {
        report({ place: link.place, message: `link \`${url}\` leaves the content folder: it will not work on the site`, fix: 'link to a playbook inside the content folder, or use a full https:// URL', data: { url } });
        continue;
      }
      const linked = corpus.bySlug.get(target.slug);
      if (!linked) {
        report({ place: link.place, message: `link \`${url}\` points to \`${target.slug}\`, which is not a playbook`, fix: 'correct the path (relative to this file) or write that playbook', data: { url, slug: target.slug } });
        continue;
      }
      if (target.anchor && !anchorsOf(linked).has(decodeURIComponent(target.anchor))) {
        report({ place: link.place, message: `link \`${url}\` points to \`#${target.anchor}\`, which \`${target.slug}\` does not have`, fix: `link to an existing heading or step of \`${target.slug}\``, data: { url, slug: target.slug, anchor: target.anchor } });
      }
    }
  },
};
