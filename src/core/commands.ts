/**
 * The commands a code block asks the reader to run: the program of every
 * simple command in a shell block, so the checker can ask whether the reader
 * was told to install it.
 */

/** Languages whose code blocks are commands to run. An unlabelled block in a step counts too. */
export const SHELL_LANGUAGES = new Set(['', 'sh', 'bash', 'shell', 'zsh', 'console', 'shell-session', 'shellsession', 'terminal', 'fish', 'ksh']);

/** Words that run the program after them rather than being the program. */
const PREFIX_WORDS = new Set(['sudo', 'env', 'time', 'exec', 'nohup', 'command', 'builtin', 'nice', 'doas', 'then', 'do', 'else', '!']);

/** One program invocation found in a block, with its line within the block (0-based) and column within that line. */
export interface CommandInCode {
  program: string;
  /** The simple command, e.g. `kubectl rollout restart deploy/x`. */
  command: string;
  lineInBlock: number;
  columnInLine: number;
}

/** True when a code block with this language holds shell commands. */
export function isShellLanguage(lang: string | null | undefined): boolean {
  return SHELL_LANGUAGES.has((lang ?? '').toLowerCase());
}

/** Every program a shell block runs, in order. Prompts (`$ `), comments, continuations and heredoc bodies are understood. */
export function commandsInShellBlock(code: string, lang?: string | null): CommandInCode[] {
  const lines = code.split('\n');
  const promptOnly = ['console', 'shell-session', 'shellsession', 'terminal'].includes((lang ?? '').toLowerCase());
  const found: CommandInCode[] = [];
  let heredocEnd: string | undefined;
  let continuing = false;
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const raw = lines[lineIndex]!;
    if (heredocEnd !== undefined) {
      if (raw.trim() === heredocEnd) heredocEnd = undefined;
      continue;
    }
    // A line after a trailing `\` continues the previous command: its first segment is arguments.
    const wasContinuing = continuing;
    continuing = /\\\s*$/.test(raw);
    let line = raw;
    let offset = 0;
    const prompt = /^(\s*(?:\$|%|>|#)\s+)/.exec(line);
    if (promptOnly) {
      if (!prompt || prompt[1]!.trim() === '#') continue;
    }
    if (prompt && prompt[1]!.trim() !== '#') {
      offset = prompt[1]!.length;
      line = line.slice(offset);
    }
    const heredoc = /<<-?\s*['"]?([A-Za-z_][\w]*)['"]?/.exec(line);
    if (heredoc) heredocEnd = heredoc[1];
    for (const segment of simpleCommands(line).slice(wasContinuing ? 1 : 0)) {
      const program = programOf(segment.text);
      if (!program) continue;
      found.push({
        program: program.name,
        command: segment.text.slice(program.start).trim(),
        lineInBlock: lineIndex,
        columnInLine: offset + segment.start + program.start + 1,
      });
    }
  }
  return found;
}

/** Split a line into simple commands at `|`, `||`, `&&`, `;` and `&` outside quotes; drop comments. */
function simpleCommands(line: string): { text: string; start: number }[] {
  const segments: { text: string; start: number }[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"') index++;
      continue;
    }
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      quote = char;
      continue;
    }
    if (char === '#' && (index === 0 || /\s/.test(line[index - 1]!))) {
      segments.push({ text: line.slice(start, index), start });
      return segments.filter((segment) => segment.text.trim() !== '');
    }
    if (char === '|' || char === ';' || char === '&' || char === '(' || char === ')') {
      segments.push({ text: line.slice(start, index), start });
      while (line[index + 1] === '|' || line[index + 1] === '&') index++;
      start = index + 1;
    }
  }
  segments.push({ text: line.slice(start), start });
  return segments.filter((segment) => segment.text.trim() !== '');
}

/** Options of prefix words that take a value (`sudo -u postgres psql`: `postgres` is not the program). */
const PREFIX_OPTIONS_WITH_VALUE = new Set(['-u', '-g', '-U', '-p', '-r', '-t', '-C', '-h', '-D', '-n', '--user', '--group', '-S']);

/** The program word of a simple command, skipping `VAR=value` assignments and prefixes like `sudo`. */
function programOf(segment: string): { name: string; start: number } | undefined {
  const wordPattern = /\S+/g;
  let afterPrefix = false;
  for (let match = wordPattern.exec(segment); match; match = wordPattern.exec(segment)) {
    const word = match[0];
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) continue;
    if (PREFIX_WORDS.has(word)) {
      afterPrefix = true;
      continue;
    }
    if (afterPrefix && word.startsWith('-')) {
      // an option of a prefix word; skip its value too when it takes one
      if (PREFIX_OPTIONS_WITH_VALUE.has(word)) wordPattern.exec(segment);
      continue;
    }
    if (!/^[A-Za-z0-9_./~-][\w.+/~-]*$/.test(word) || /^\d+$/.test(word)) return undefined;
    if (['if', 'while', 'until', 'for', 'case', 'fi', 'done', 'esac', 'in', '{', '}', 'function'].includes(word)) return undefined;
    const name = word.includes('/') ? word.slice(word.lastIndexOf('/') + 1) : word;
    return name ? { name, start: match.index } : undefined;
  }
  return undefined;
}
