import { resolveLink } from '../../core/links.ts';
import type { Rule } from '../rule.ts';

/**
 * A link or image to a file of the content folder that the build does not publish: a type outside the
 * allowlist, bytes that do not match the name, a credential, a secret inside a text file, an SVG that
 * cannot be sanitised. See docs/format.md, "Attachments", and docs/rules/unpublished-attachment.md.
 */
export const unpublishedAttachment: Rule = {
  id: 'unpublished-attachment',
  description: 'A linked file that the site does not publish (type, credential, secret)',
  defaultSeverity: 'error',
  check({ playbook, corpus, report }) {
    const reported = new Set<string>();
    for (const link of playbook.links) {
      const target = resolveLink(playbook.path, link.url, corpus.linkContext);
      if (target.kind !== 'file') continue;
      const attachment = corpus.attachments.get(target.path);
      if (!attachment || attachment.verdict.publish || reported.has(`${link.place.start.line}:${target.path}`)) continue;
      reported.add(`${link.place.start.line}:${target.path}`);
      report({
        place: link.place,
        message: `\`${attachment.file}\` is not published: ${attachment.verdict.reason}`,
        fix: 'link a PNG, JPEG, GIF, WebP, AVIF, SVG, PDF, TXT or CSV file that holds no credential, or remove the link (and the file, if it holds a secret: then rotate it)',
        data: { path: target.path, reason: attachment.verdict.reason },
      });
    }
  },
};
