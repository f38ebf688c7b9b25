import { resolveLink } from '../../core/links.ts';
import { everyStep, type Playbook } from '../../core/model.ts';
import type { Rule } from '../rule.ts';

/** Every id a reader can link to on a playbook's page: headings, steps and footnotes (as the renderer gives them). */
export function anchorsOf(playbook: Playbook): Set<string> {
  return new Set([...playbook.headings.flatMap((heading) => [heading.id, ...(heading.aliases ?? [])]), ...everyStep(playbook).map((step) => step.anchor), ...playbook.footnotes.flatMap((id) => [`fn-${id}`, `fnref-${id}`])]);
}

/**
 * A link to a missing playbook, file or `#anchor`, outside the content folder, or with a scheme the
 * site removes. The same resolver (src/core/links.ts) rewrites links on the site, so what this rule
 * accepts works there.
 */
export const brokenLink: Rule = {
  id: 'broken-link',
  description: 'A link to a missing playbook, file or `#anchor`',
  defaultSeverity: 'error',
  check({ playbook, corpus, report }) {
    const ownAnchors = anchorsOf(playbook);
    for (const link of playbook.links) {
      const url = link.url.trim();
      const resolved = resolveLink(playbook.path, url, corpus.linkContext);
      // An image is a file whatever its name: `![x](notes.md)` embeds a file, it does not open a page.
      const target = link.kind === 'image' && resolved.kind === 'playbook' ? { kind: 'file' as const, path: resolved.path } : resolved;
      const shown = `\`${url.length > 60 ? `${url.slice(0, 57)}…` : url}\``;
      switch (target.kind) {
        case 'external':
        case 'home':
          break;
        case 'unsafe':
          report({ place: link.place, message: `${link.kind === 'image' ? 'image' : 'link'} ${shown} uses a scheme the site removes (\`${target.scheme}:\`): it will not work`, fix: 'link to an http(s) page, a playbook file or a heading', data: { url } });
          break;
        case 'anchor':
          if (target.anchor && !ownAnchors.has(target.anchor)) {
            report({ place: link.place, message: `link ${shown} points to no heading, step or footnote of this playbook`, fix: `use one of the page's anchors, e.g. \`#${[...ownAnchors][0] ?? 'steps'}\``, data: { url } });
          }
          break;
        case 'outside':
          report({ place: link.place, message: `${link.kind === 'image' ? 'image' : 'link'} ${shown} leaves the content folder: it will not work on the site`, fix: 'link to a file inside the content folder, or use a full https:// URL', data: { url } });
          break;
        case 'playbook': {
          const linked = corpus.bySlug.get(target.slug);
          if (!linked) {
            report({ place: link.place, message: `link ${shown} points to \`${target.slug}\`, which is not a playbook`, fix: 'correct the path (relative to this file) or write that playbook', data: { url, slug: target.slug } });
          } else if (target.anchor && !anchorsOf(linked).has(target.anchor)) {
            report({ place: link.place, message: `link ${shown} points to \`#${target.anchor}\`, which \`${target.slug}\` does not have`, fix: `link to an existing heading or step of \`${target.slug}\``, data: { url, slug: target.slug, anchor: target.anchor } });
          }
          break;
        }
        case 'file':
          if (!corpus.attachments.has(target.path)) {
            report({ place: link.place, message: `${link.kind === 'image' ? 'image' : 'link'} ${shown} points to \`${target.path}\`, which is not a file in the content folder`, fix: 'correct the path (relative to this file), or add the file beside the playbook', data: { url, path: target.path } });
          }
          break;
      }
    }
  },
};
