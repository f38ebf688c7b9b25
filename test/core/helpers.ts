/** Small builders shared by the core tests. */
import { parsePlaybook } from '../../src/core/parse.ts';
import type { ModelFinding } from '../../src/core/findings.ts';

/** A valid frontmatter block followed by a body. */
export function playbookText(frontmatter: string, body = '## Steps\n\n1. Do the thing.\n'): string {
  return `---\n${frontmatter.trim()}\n---\n\n${body}`;
}

export const MINIMAL = 'title: Rotate the schedule\nsummary: Hand the pager over.\nowner: alex';

export function parse(text: string, file = 'content/team/example.md') {
  return parsePlaybook(file, text, { path: file.replace(/^content\//, '') });
}

/** Diagnostics as `line:column ruleId` strings, for compact assertions. */
export function where(diagnostics: readonly ModelFinding[]): string[] {
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`);
}
