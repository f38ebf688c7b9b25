/** The parser's shortcut (no autolink-literal extension when no autolink can occur) gives the very same tree. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseMarkdownWithAllExtensions } from '../../src/core/markdown.ts';

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : /\.md$/.test(name) ? [path] : [];
  });
}

describe('parseMarkdown', () => {
  // The shortcut is taken only for texts without a trigger: those are the files where the trees could differ.
  const files = ['content', 'test/fixtures'].flatMap(markdownFiles).filter((file) => !/www\.|:\/\/|@|mailto:|xmpp:/i.test(readFileSync(file, 'utf8')));
  it(`gives the same tree as full GFM on every fixture it takes the shortcut for (${files.length} files)`, () => {
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseMarkdown(text), file).toEqual(parseMarkdownWithAllExtensions(text));
    }
  }, 120_000);
  it.each(['see www.example.com', 'https://example.com/x', 'mail ops@example.com', 'mailto:ops@example.com', 'plain text only'])('and on %j', (text) => {
    expect(parseMarkdown(text)).toEqual(parseMarkdownWithAllExtensions(text));
  });
});
