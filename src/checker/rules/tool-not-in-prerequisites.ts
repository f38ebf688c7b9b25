import { startFromZero } from '../../core/corpus.ts';
import type { Place } from '../../core/findings.ts';
import { everyStep, type Playbook } from '../../core/model.ts';
import type { Rule } from '../rule.ts';

/**
 * Programs every reader has: shell builtins, POSIX utilities and GNU coreutils.
 * Anything else a step runs must be a `tool:` prerequisite (or `allowedCommands`).
 */
export const ALWAYS_AVAILABLE = new Set(
  (
    'alias bg bind break builtin cd command compgen complete continue declare dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait ' +
    '[ [[ . : arch awk base32 base64 basename basenc bash sh zsh cat chcon chgrp chmod chown chroot cksum clear comm cp csplit cut date dd df diff dir dircolors dirname du env expand expr factor find fmt fold grep egrep fgrep groups head hostid hostname id install join less link ln logname ls man md5sum mkdir mkfifo mknod mktemp more mv nice nl nohup nproc numfmt od paste pathchk pinky pr printenv ptx readlink realpath rm rmdir runcon sed seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty sudo sum sync tac tail tar tee timeout touch tr truncate tsort tty uname unexpand uniq unlink uptime users vdir wc who whoami xargs yes gzip gunzip zcat which file ps top open xdg-open'
  ).split(/\s+/),
);

/** True when a `tool:` value names the program: `kubectl`, `AWS CLI` (aws), `PostgreSQL client (psql)`. */
export function toolNamesProgram(tool: string, program: string): boolean {
  return toolWords(tool).includes(program.toLowerCase());
}

/** The words of a `tool:` value: `PostgreSQL client (psql)` → postgresql, client, psql. */
function toolWords(tool: string): string[] {
  return tool.toLowerCase().match(/[a-z0-9][a-z0-9._+-]*/g) ?? [];
}

/** Words of the tools a playbook declares itself. */
function ownToolWords(playbook: Playbook | undefined): string[] {
  return playbook ? playbook.prerequisites.filter((p) => p.kind === 'tool').flatMap((p) => toolWords(p.value)) : [];
}

type Corpus = Parameters<typeof startFromZero>[0];

/** Per corpus, the tool words each slug's reader has (memoised: every playbook of a big corpus asks, and closures overlap). */
const declaredByCorpus = new WeakMap<Corpus, Map<string, ReadonlySet<string>>>();

/**
 * Tool words declared by a playbook and by every playbook it requires, transitively: the reader has them all.
 * A union of the prerequisites' own (memoised) sets; inside a prerequisite cycle, or on a chain too deep
 * to recurse, it falls back to walking the whole closure with `startFromZero`.
 */
function declaredTools(corpus: Corpus, slug: string): ReadonlySet<string> {
  let memo = declaredByCorpus.get(corpus);
  if (!memo) declaredByCorpus.set(corpus, (memo = new Map()));
  const cache = memo;
  const onStack = new Set<string>();
  const exact = (from: string) => new Set([from, ...startFromZero(corpus, from)].flatMap((s) => ownToolWords(corpus.bySlug.get(s))));
  const visit = (node: string): ReadonlySet<string> | undefined => {
    const known = cache.get(node);
    if (known) return known;
    if (onStack.has(node)) return undefined; // a cycle: the caller walks its closure instead
    onStack.add(node);
    let words: Set<string> | undefined = new Set(ownToolWords(corpus.bySlug.get(node)));
    for (const need of corpus.dependencies.get(node) ?? []) {
      if (!corpus.bySlug.has(need.to)) continue;
      const required = visit(need.to);
      if (!required) {
        words = undefined;
        break;
      }
      for (const word of required) words.add(word);
    }
    onStack.delete(node);
    const result = words ?? exact(node);
    cache.set(node, result);
    return result;
  };
  try {
    return visit(slug) ?? exact(slug);
  } catch (error) {
    if (error instanceof RangeError) return exact(slug); // a prerequisite chain deeper than the call stack
    throw error;
  }
}

/** Inline code that reads as a command: `kubectl get pods`, not `order-consumer` or `SELECT 1`. */
function inlineCommand(value: string): string | undefined {
  const match = /^\s*(?:\$\s+)?(?:sudo\s+)?([a-z][a-z0-9._-]*)\s+\S/.exec(value);
  return match?.[1];
}

/** A command a step runs whose program the reader was never told to install. */
export const toolNotInPrerequisites: Rule = {
  id: 'tool-not-in-prerequisites',
  description: 'A command in a step whose program is not a declared `tool:` prerequisite',
  defaultSeverity: 'warning',
  check(context) {
    const { playbook, corpus, settings, report } = context;
    // The closure is asked for only when a program is not declared or allowed here: most playbooks never need it.
    let tools: ReadonlySet<string> | undefined;
    const own = new Set(ownToolWords(playbook));
    const allowed = new Set([...ALWAYS_AVAILABLE, ...settings.allowedCommands.map((c) => c.toLowerCase())]);
    const reported = new Set<string>();
    const consider = (program: string, place: Place, stepNumber: string, command: string) => {
      const name = program.toLowerCase();
      if (reported.has(name) || allowed.has(name) || own.has(name)) return;
      tools ??= declaredTools(corpus, playbook.slug);
      if (tools.has(name)) return;
      reported.add(name);
      report({
        place,
        message: `step ${stepNumber} runs \`${program}\`, which is not among the prerequisites`,
        fix: `add \`- tool: ${program}\` (with \`install:\`) to prerequisites, or list it in \`allowedCommands\` if everyone has it`,
        data: { program, command },
      });
    };
    for (const step of everyStep(playbook)) {
      for (const command of step.commands) consider(command.program, command.place, step.number, command.command);
      for (const code of step.inlineCode) {
        const program = inlineCommand(code.value);
        // Inline code is often a name (`order-consumer`), not a command: count it only when it reads as a
        // command line, a program followed by an option or by two or more arguments (`kubectl get pods`).
        const words = code.value.trim().split(/\s+/);
        if (program && (words[1]?.startsWith('-') || words.length >= 3)) consider(program, code.place, step.number, code.value);
      }
    }
  },
};
