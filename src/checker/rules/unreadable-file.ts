import type { Rule } from '../rule.ts';
import { corpusRule } from './model-diagnostics.ts';

const listed = corpusRule('unreadable-file', '', 'error');

/**
 * A file in the content folder that cannot be read (found when it is read, src/core/load.ts), or a symlink
 * that is broken or leaves the folder (found when the folder is listed); see docs/rules/unreadable-file.md.
 */
export const unreadableFile: Rule = {
  id: 'unreadable-file',
  description: 'A file in the content folder that cannot be read, or a symlink leaving it',
  defaultSeverity: 'error',
  needsFrontmatter: false,
  check(context) {
    for (const finding of context.playbook.findings) if (finding.ruleId === 'unreadable-file') context.forward(finding);
    listed.check(context);
  },
};
