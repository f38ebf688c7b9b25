/**
 * The command line: `playbook check`, `playbook new`, `playbook schema`.
 * Thin: parses argv with commander and calls src/. Returns the exit code:
 * 0 fine, 1 findings over the limit, 2 the tool could not run.
 */
import { writeFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ContentFolderError } from '../core/load.ts';
import { checkCorpus, CheckRunError } from '../checker/check.ts';
import { countBySeverity } from '../checker/diagnostic.ts';
import { REPORTERS } from '../checker/reporters/index.ts';
import { Timing } from '../checker/timing.ts';
import { TOOL_VERSION } from '../checker/version.ts';
import { resolveSettings, SettingsError } from '../settings/resolve.ts';
import { applyImport, formatPlan, planImport } from '../adopt/import.ts';
import { NewPlaybookError, scaffoldPlaybook } from './new.ts';
import { runSite, type SiteCommand, type SiteFlags } from './site.ts';
import { frontmatterJsonSchema } from './schema.ts';

interface CheckFlags {
  content?: string;
  format: string;
  output?: string;
  changedSince?: string;
  maxWarnings?: number;
  cache: boolean;
  config?: string;
  timing?: boolean;
}

/** Problems that stop the tool from running: one paragraph, exit 2, no stack trace. */
const USER_ERRORS = [ContentFolderError, SettingsError, CheckRunError, NewPlaybookError];

/** Where the CLI reads and writes: the process by default, a test's buffers otherwise. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  isTTY: boolean;
  environment: NodeJS.ProcessEnv;
}

export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('playbook')
    .description('Playbooks that survive a handoff: check them, scaffold them.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run `playbook --help` for usage)');

  program
    .command('check')
    .description('check playbooks for undocumented steps and everything else that would make a handoff fail')
    .argument('[files...]', 'report on these playbooks only (the whole content folder is still read for cross-file rules)')
    .option('--content <dir>', 'folder holding the playbooks (default: PLAYBOOK_CONTENT, else config `content`, else content/)')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(REPORTERS)).default('stylish'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--changed-since <ref>', 'report on playbooks changed since a git ref, and every playbook that depends on or links to them')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--no-cache', 'do not read or write the content-hash cache (node_modules/.cache/playbook/)')
    .option('--config <file>', 'config file (default: PLAYBOOK_CONFIG, else playbook.config.json, .playbookrc.json or .playbookrc.yaml)')
    .option('--timing', 'print the time each stage and each rule took, on standard error')
    .action(async (files: string[], flags: CheckFlags) => {
      const settings = resolveSettings({ root: io.cwd, flags: { config: flags.config, content: flags.content }, environment: io.environment });
      const timing = flags.timing ? new Timing() : undefined;
      const result = await checkCorpus(settings, { files, cache: flags.cache, ...(flags.changedSince ? { changedSince: flags.changedSince } : {}), ...(timing ? { timing } : {}) });
      for (const warning of result.warnings) io.stderr(`playbook: warning: ${warning}\n`);
      if (result.corpus.playbooks.length === 0) {
        throw new CheckRunError(`no playbooks found in \`${settings.content}\`: it holds no Markdown files that are playbooks. Point --content at the folder with your playbooks, or create one with \`playbook new <slug>\`.`);
      }
      const reporter = REPORTERS[flags.format]!;
      const text = reporter(result, { color: io.isTTY && !flags.output && !process.env['NO_COLOR'] });
      if (flags.output) writeFileSync(flags.output, text);
      else io.stdout(text);
      if (timing) io.stderr(timing.format());
      const counts = countBySeverity(result.diagnostics);
      if (counts.error > 0 || (flags.maxWarnings !== undefined && counts.warning > flags.maxWarnings)) exitCode = 1;
    });

  const siteCommand = (name: SiteCommand, description: string) => {
    const command = program
      .command(name)
      .description(description)
      .option('--content <dir>', 'folder holding the playbooks (default: PLAYBOOK_CONTENT, else config `content`, else content/)')
      .option('--base <path>', 'base path the site is served under, e.g. /handbook/playbooks/ (default: PLAYBOOK_BASE, else config `base`, else /)')
      .option('--config <file>', 'config file (default: PLAYBOOK_CONFIG, else playbook.config.json, .playbookrc.json or .playbookrc.yaml)');
    if (name === 'build') command.option('--out <dir>', 'folder to build into (default: PLAYBOOK_OUT_DIR, else config `outDir`, else dist/)');
    else command.option('--host <host>', 'address to listen on', '127.0.0.1').option('--port <port>', 'port to listen on (default 4321)', parseCount);
    if (name === 'preview') command.option('--out <dir>', 'the built site to serve (default: as for build)');
    command.action(async (flags: SiteFlags & { out?: string }) => {
      const { out, ...rest } = flags;
      await runSite(name, { ...rest, ...(out ? { outDir: out } : {}) }, io);
    });
  };
  siteCommand('build', 'check the playbooks and build the static site (pages and search index)');
  siteCommand('dev', 'serve the site with live reload while you write');
  siteCommand('preview', 'serve the built site locally');

  program
    .command('import')
    .description('turn a folder of existing runbooks into playbooks, in place: infer title, summary, owner, status; keep everything else')
    .argument('[dir]', 'the folder of runbooks (default: the content folder)')
    .option('--dry-run', 'print what would change and what was inferred, write nothing')
    .option('--config <file>', 'config file (default: PLAYBOOK_CONFIG, else playbook.config.json, .playbookrc.json or .playbookrc.yaml)')
    .action((dir: string | undefined, flags: { dryRun?: boolean; config?: string }) => {
      const settings = resolveSettings({ root: io.cwd, flags: { config: flags.config, content: dir }, environment: io.environment });
      const plan = planImport(settings);
      if (plan.files.length === 0) throw new CheckRunError(`no runbooks found in \`${settings.content}\` (extensions read: ${settings.extensions.join(', ')}). Point it at your folder: \`playbook import path/to/runbooks\`, or set \`extensions\` in playbook.config.json.`);
      if (!flags.dryRun) applyImport(plan, settings);
      io.stdout(formatPlan(plan, Boolean(flags.dryRun)));
    });

  program
    .command('new')
    .description('scaffold a playbook from the template')
    .argument('<slug>', 'where it goes under the content folder, e.g. on-call/rotate-schedule')
    .option('--content <dir>', 'folder holding the playbooks (default: PLAYBOOK_CONTENT, else config `content`, else content/)')
    .option('--owner <handle>', 'who answers questions about it', process.env['USER'] ?? 'owner')
    .option('--title <title>', 'its title (default: from the slug)')
    .action((slug: string, flags: { content?: string; owner: string; title?: string }) => {
      const settings = resolveSettings({ root: io.cwd, flags: { content: flags.content }, environment: io.environment });
      const path = scaffoldPlaybook({ cwd: io.cwd, content: settings.content, slug, owner: flags.owner, ...(flags.title ? { title: flags.title } : {}) });
      io.stdout(`Created ${path}. Fill in the summary, prerequisites and steps, then run \`npx playbook check ${path}\`.\n`);
    });

  program
    .command('schema')
    .description('print the JSON Schema of playbook frontmatter (for editor validation)')
    .action(() => {
      io.stdout(`${JSON.stringify(frontmatterJsonSchema(), null, 2)}\n`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    // The site build's own stop (checker errors) comes back through Astro, which may wrap it: it is the user's to fix.
    const stopped = [error, (error as { cause?: unknown }).cause].find((e) => (e as Error | undefined)?.name === 'CheckFailedError') as Error | undefined;
    if (stopped) {
      io.stderr(`playbook: ${stopped.message}\n`);
      return 1;
    }
    if (USER_ERRORS.some((type) => error instanceof type)) {
      io.stderr(`playbook: ${(error as Error).message}\n`);
      return 2;
    }
    io.stderr(`playbook: internal error: ${(error as Error).message ?? String(error)}\nThis is a bug in Playbook; please report it with the command you ran.\n`);
    return 2;
  }
}

function parseCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return number;
}

function defaultIo(): CliIo {
  return { stdout: (text: string) => void process.stdout.write(text), stderr: (text: string) => void process.stderr.write(text), cwd: process.cwd(), isTTY: Boolean(process.stdout.isTTY), environment: process.env };
}
