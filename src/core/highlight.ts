/**
 * Build-time syntax highlighting of code blocks: a rehype plugin that runs
 * after the sanitiser (so the sanitiser never sees, or strips, what it
 * adds). Shiki tokenises with a light and a dark theme at once; each token
 * becomes a `<span>` with one short class per theme colour (`l3` light, `d5`
 * dark: the colour's place in that theme's palette, so code-heavy pages stay
 * small), and src/styles/highlight.css (made by
 * `highlightStylesheet()`, kept equal by a test) maps the classes to
 * colours: dark mode is pure CSS, no inline style, no script. Code text stays
 * text nodes whatever it holds.
 *
 * Languages: the ones runbooks use (shells and console sessions, YAML, JSON,
 * SQL, config files, the common scripting languages). Any other language, or
 * none, is shown as plain text. The JavaScript regex engine: synchronous (the
 * renderer is) and no WebAssembly.
 */
import type { Element, ElementContent, Root } from 'hast';
import { createHighlighterCoreSync, type HighlighterCore, type ThemeRegistrationResolved } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import diff from 'shiki/langs/diff.mjs';
import dockerfile from 'shiki/langs/dockerfile.mjs';
import go from 'shiki/langs/go.mjs';
import hcl from 'shiki/langs/hcl.mjs';
import ini from 'shiki/langs/ini.mjs';
import javascript from 'shiki/langs/javascript.mjs';
import json from 'shiki/langs/json.mjs';
import jsonc from 'shiki/langs/jsonc.mjs';
import log from 'shiki/langs/log.mjs';
import markdown from 'shiki/langs/markdown.mjs';
import nginx from 'shiki/langs/nginx.mjs';
import powershell from 'shiki/langs/powershell.mjs';
import python from 'shiki/langs/python.mjs';
import shellscript from 'shiki/langs/shellscript.mjs';
import shellsession from 'shiki/langs/shellsession.mjs';
import sql from 'shiki/langs/sql.mjs';
import terraform from 'shiki/langs/terraform.mjs';
import toml from 'shiki/langs/toml.mjs';
import typescript from 'shiki/langs/typescript.mjs';
import xml from 'shiki/langs/xml.mjs';
import yaml from 'shiki/langs/yaml.mjs';
import darkTheme from 'shiki/themes/github-dark-default.mjs';
import lightTheme from 'shiki/themes/github-light-default.mjs';

const LANGUAGES = [diff, dockerfile, go, hcl, ini, javascript, json, jsonc, log, markdown, nginx, powershell, python, shellscript, shellsession, sql, terraform, toml, typescript, xml, yaml];

/** Names authors write that Shiki knows by another name (Shiki's own aliases cover `sh`, `bash`, `zsh`, `js`, `ts`, `yml`, `py`, …). */
const EXTRA_ALIASES: Record<string, string> = { console: 'shellsession', terminal: 'shellsession', 'shell-session': 'shellsession', tf: 'terraform', conf: 'ini', cfg: 'ini', env: 'ini', dotenv: 'ini', docker: 'dockerfile' };

/** The background each theme's code is shown on (src/styles/site.css uses the same): colours are checked against it. */
export const CODE_BACKGROUND = { light: '#f6f8fa', dark: '#161b22' } as const;

let highlighter: HighlighterCore | undefined;

function shiki(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({ themes: [lightTheme, darkTheme], langs: LANGUAGES.flat(), engine: createJavaScriptRegexEngine() });
  return highlighter;
}

/** The loaded language a fence's info string names, or undefined (plain text). */
export function languageOf(info: string): string | undefined {
  const name = info.trim().toLowerCase();
  if (!name) return undefined;
  const wanted = EXTRA_ALIASES[name] ?? name;
  const core = shiki();
  try {
    const resolved = core.resolveLangAlias(wanted);
    return core.getLoadedLanguages().includes(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}

const hex = (color: string | undefined) => color?.replace('#', '').toLowerCase().slice(0, 6);

/** A theme's token colours, sorted: a colour's class is its place in this list (base 36). */
function palette(theme: { tokenColors?: { settings?: { foreground?: string } }[] }): string[] {
  return [...new Set((theme.tokenColors ?? []).map((rule) => hex(rule.settings?.foreground)).filter((c): c is string => Boolean(c)))].sort();
}
const PALETTES = { light: palette(lightTheme), dark: palette(darkTheme) };
const colourClass = (prefix: 'l' | 'd', colours: string[], colour: string | undefined) => {
  const index = colour === undefined ? -1 : colours.indexOf(colour);
  return index === -1 ? undefined : `${prefix}${index.toString(36)}`;
};

/** The classes of one token: its colour in each theme, unless that is the theme's plain text colour. */
function tokenClasses(variants: Record<string, { color?: string; fontStyle?: number }>, plain: { light: string; dark: string }): string[] {
  const classes: string[] = [];
  const light = hex(variants['light']?.color);
  const dark = hex(variants['dark']?.color);
  const lightClass = light && light !== plain.light ? colourClass('l', PALETTES.light, light) : undefined;
  const darkClass = dark && dark !== plain.dark ? colourClass('d', PALETTES.dark, dark) : undefined;
  if (lightClass) classes.push(lightClass);
  if (darkClass) classes.push(darkClass);
  // FontStyle flags: 1 italic, 2 bold. Shown only when both themes agree.
  const style = (variants['light']?.fontStyle ?? 0) & (variants['dark']?.fontStyle ?? 0);
  if (style & 1) classes.push('hi');
  if (style & 2) classes.push('hb');
  return classes;
}

/**
 * Shiki stops tokenising a line after `tokenizeTimeLimit` (500 ms by default) and leaves the rest
 * plain. On a busy machine the first line of a process's first block (when the grammar's regular
 * expressions are compiled) can take that long for one theme and not the other, so the same page
 * came out with different classes in one thread and on workers. The output must depend on the
 * input only: lines longer than a code line ever is are left plain, by length (deterministic), and
 * the time limit is only a last guard against a runaway grammar (the per-file parse limit is the
 * real one).
 */
const TOKENIZE_LIMITS = { tokenizeMaxLineLength: 4_000, tokenizeTimeLimit: 20_000 } as const;

/** Highlighted children of a `<code>`: text nodes and classed spans, neighbouring tokens of one colour merged. */
export function highlightCode(code: string, language: string): ElementContent[] {
  const core = shiki();
  const lines = core.codeToTokensWithThemes(code, { lang: language, themes: { light: lightTheme.name!, dark: darkTheme.name! }, ...TOKENIZE_LIMITS });
  const plain = { light: hex(themeForeground(lightTheme))!, dark: hex(themeForeground(darkTheme))! };
  const out: ElementContent[] = [];
  let pendingText = '';
  let pendingClass = '';
  const flush = () => {
    if (!pendingText) return;
    out.push(pendingClass ? { type: 'element', tagName: 'span', properties: { className: pendingClass.split(' ') }, children: [{ type: 'text', value: pendingText }] } : { type: 'text', value: pendingText });
    pendingText = '';
  };
  lines.forEach((line, index) => {
    if (index > 0) {
      if (pendingClass) flush();
      pendingClass = '';
      pendingText += '\n';
    }
    for (const token of line) {
      const classes = tokenClasses(token.variants, plain).join(' ');
      // Whitespace takes any colour: keep it in the current run rather than start a new span.
      if (classes !== pendingClass && token.content.trim() !== '') {
        flush();
        pendingClass = classes;
      }
      pendingText += token.content;
    }
  });
  flush();
  return out;
}

function themeForeground(theme: ThemeRegistrationResolved | { colors?: Record<string, string>; fg?: string }): string {
  return ('fg' in theme && theme.fg) || theme.colors?.['editor.foreground'] || '#000000';
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function classList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

/**
 * The rehype plugin: every `<pre><code class="language-x">` whose language is loaded is highlighted in place;
 * every code block (highlighted or not) gets `class="code-block"` and, when it names one, `data-language`.
 */
export default function rehypeHighlight() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'pre') {
          highlightPre(child);
          continue;
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

function highlightPre(pre: Element): void {
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  pre.properties['className'] = [...classList(pre.properties['className']), 'code-block'];
  if (!code) return;
  const info = classList(code.properties['className']).find((name) => name.startsWith('language-'))?.slice('language-'.length) ?? '';
  if (info) pre.properties['dataLanguage'] = info;
  const language = languageOf(info);
  if (!language) return;
  const text = code.children.map(textOf).join('');
  try {
    code.children = highlightCode(text.endsWith('\n') ? text.slice(0, -1) : text, language);
  } catch {
    // A grammar that cannot tokenise this text: the block stays plain, as written.
  }
}

/** WCAG contrast of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

/** The colour, moved towards black (on a light background) or white (dark) until it reads at 4.5:1 on `background`. */
export function readableOn(color: string, background: string, dark: boolean): string {
  let [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  const target = dark ? 255 : 0;
  let current = color;
  for (let step = 0; step < 40 && contrast(current, background) < 4.5; step++) {
    [r, g, b] = [r!, g!, b!].map((c) => Math.round(c + (target - c) * 0.06));
    current = `#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`;
  }
  return current;
}

/** The stylesheet of the highlighting classes: every token colour of both themes, made readable on the code background. */
export function highlightStylesheet(): string {
  const rules = (prefix: string, colours: string[], background: string, dark: boolean) =>
    colours.map((c, index) => `.code-block .${prefix}${index.toString(36)} { color: ${readableOn(`#${c}`, background, dark)}; } /* #${c} */`);
  const light = rules('l', PALETTES.light, CODE_BACKGROUND.light, false);
  const dark = rules('d', PALETTES.dark, CODE_BACKGROUND.dark, true);
  // In dark mode a light colour never shows: a token without a dark colour takes the block's text colour.
  const scoped = (selector: string) => [`  ${selector} .code-block :where(span) { color: inherit; }`, ...dark.map((rule) => `  ${selector} ${rule}`)].join('\n');
  return [
    '/* Generated by highlightStylesheet() in src/core/highlight.ts (test/site/highlight.test.ts keeps it equal): do not edit. */',
    '/* Light theme (github-light-default), also used for print; dark theme (github-dark-default) on screen only. Each class is a colour of the theme (its original in the comment), darkened or lightened to read at 4.5:1. */',
    ...light,
    '.code-block .hi { font-style: italic; }',
    '.code-block .hb { font-weight: 600; }',
    '@media screen {',
    scoped(":root[data-theme='dark']"),
    '}',
    '@media screen and (prefers-color-scheme: dark) {',
    scoped(":root:not([data-theme='light'])"),
    '}',
    '',
  ].join('\n');
}
