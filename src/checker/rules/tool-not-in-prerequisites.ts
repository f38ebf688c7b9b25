import { startFromZero } from '../../core/corpus.ts';
import type { Place } from '../../core/diagnostic.ts';
import { allSteps, type Playbook } from '../../core/model.ts';
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
  const words: string[] = tool.toLowerCase().match(/[a-z0-9][a-z0-9._+-]*/g) ?? [];
  return words.includes(program.toLowerCase());
}

/** Tools declared by a playbook and by every playbook it requires, transitively: the reader has them all. */
function declaredTools(playbook: Playbook, context: { corpus: Parameters<typeof startFromZero>[0] }): string[] {
  const tools = playbook.prerequisites.filter((p) => p.kind === 'tool').map((p) => p.value);
  for (const slug of startFromZero(context.corpus, playbook.slug)) {
    const required = context.corpus.bySlug.get(slug);
    if (required) tools.push(...required.prerequisites.filter((p) => p.kind === 'tool').map((p) => p.value));
  }
  return tools;
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
    const { playbook, config, report } = context;
    const tools = declaredTools(playbook, context);
    const allowed = new Set([...ALWAYS_AVAILABLE, ...config.allowedCommands.map((c) => c.toLowerCase())]);
    const reported = new Set<string>();
    const consider = (program: string, place: Place, stepNumber: string, command: string) => {
      const name = program.toLowerCase();
      if (reported.has(name) || allowed.has(name) || tools.some((tool) => toolNamesProgram(tool, name))) return;
      reported.add(name);
      report({
        place,
        message: `step ${stepNumber} runs \`${program}\`, which is not among the prerequisites`,
        fix: `add \`- tool: ${program}\` (with \`install:\`) to prerequisites, or list it in \`allowedCommands\` if everyone has it`,
        data: { program, command },
      });
    };
    for (const step of allSteps(playbook.steps)) {
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
