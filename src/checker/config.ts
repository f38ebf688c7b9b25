/**
 * The checker's configuration: a JSON or YAML file (`playbook.config.json`,
 * `.playbookrc.json`, `.playbookrc.yaml`, or `--config FILE`), validated with
 * zod. A bad config is a `ConfigError` (exit 2) with one line per problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import type { Severity } from '../core/diagnostic.ts';
import { undocumentedStepOptionsSchema } from './rules/undocumented-step.ts';

export const CONFIG_FILE_NAMES = ['playbook.config.json', '.playbookrc.json', '.playbookrc.yaml', '.playbookrc.yml'] as const;

const severitySchema = z.enum(['error', 'warning', 'info', 'off'], { error: 'expected `error`, `warning`, `info` or `off`' });

/** The config file, as written. */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** Content folder (default `content`). */
    content: z.string().min(1).optional().describe('Folder holding the playbooks.'),
    /** Severity per rule id, or `off`. */
    rules: z.record(z.string(), severitySchema).optional().describe('Severity per rule id: error | warning | info | off.'),
    /** More phrases `vague-step` flags (plain text, case-insensitive, whole words), on top of the built-in ones. */
    vaguePhrases: z.array(z.string().min(1)).optional(),
    /** Set to false to flag only `vaguePhrases`, not the built-in ones ("ask Alex", "as usual", "TODO", "etc."). */
    builtInVaguePhrases: z.boolean().optional(),
    /** Programs that need no `tool:` prerequisite, on top of shell builtins and coreutils. */
    allowedCommands: z.array(z.string().min(1)).optional(),
    /** Days after which `last_reviewed` is stale (default 180). */
    staleDays: z.number().int().positive().optional(),
    /** Base URL of the rule docs; a rule's `url` is `{docsUrl}{rule-id}` (default: the site's /rules/ path or the repository's docs/rules/). */
    docsUrl: z.string().optional(),
    /** Options per rule, e.g. `"undocumented-step": { "threshold": 0.5, "synonyms": { … } }`. */
    options: z.object({ 'undocumented-step': undocumentedStepOptionsSchema.optional() }).catchall(z.unknown()).optional(),
    /** Whether `npm run build` fails on checker errors (default true). */
    failBuildOnError: z.boolean().optional(),
  })
  .describe('Playbook checker configuration.');

export type ConfigFile = z.infer<typeof configSchema>;

/** Configuration with every default filled in. */
export interface ResolvedConfig {
  content: string;
  severities: Record<string, Severity | 'off'>;
  vaguePhrases: string[];
  builtInVaguePhrases: boolean;
  allowedCommands: string[];
  staleDays: number;
  docsUrl: string;
  options: Record<string, unknown>;
  failBuildOnError: boolean;
  /** Where the config came from, for messages. */
  source?: string;
}

export const DEFAULT_DOCS_URL = 'https://github.com/playbook/playbook/blob/main/docs/rules/';

/** A config that could not be used: the tool cannot run (exit 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Defaults, then the file's values. Rule ids are checked against the known ones. */
export function resolveConfig(file: ConfigFile = {}, knownRuleIds: readonly string[] = [], source?: string): ResolvedConfig {
  const unknown = Object.keys(file.rules ?? {}).filter((id) => knownRuleIds.length > 0 && !knownRuleIds.includes(id));
  if (unknown.length > 0) {
    throw new ConfigError(
      `${source ?? 'config'}: unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `\`${id}\``).join(', ')} in \`rules\`. Known rules: ${knownRuleIds.join(', ')}.`,
    );
  }
  const resolved: ResolvedConfig = {
    content: file.content ?? 'content',
    severities: { ...(file.rules ?? {}) },
    vaguePhrases: file.vaguePhrases ?? [],
    builtInVaguePhrases: file.builtInVaguePhrases ?? true,
    allowedCommands: file.allowedCommands ?? [],
    staleDays: file.staleDays ?? 180,
    docsUrl: file.docsUrl ?? DEFAULT_DOCS_URL,
    options: file.options ?? {},
    failBuildOnError: file.failBuildOnError ?? true,
  };
  if (source) resolved.source = source;
  return resolved;
}

/** Find and read the config: `explicit` path, else the first of CONFIG_FILE_NAMES in `cwd`, else defaults. */
export function loadConfig(explicit: string | undefined, knownRuleIds: readonly string[], cwd: string = process.cwd()): ResolvedConfig {
  const path = explicit ? resolve(cwd, explicit) : CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((candidate) => existsSync(candidate));
  if (!path) return resolveConfig({}, knownRuleIds);
  const shown = explicit ?? path.slice(cwd.length + 1);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`config file \`${shown}\` cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check the path given to --config.`, { cause: error });
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(path) ? parseYaml(text, { version: '1.2' }) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file \`${shown}\` is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  const parsed = configSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
      const detail = issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}` : issue.message;
      return `  ${where}: ${detail}`;
    });
    throw new ConfigError(`config file \`${shown}\` has ${lines.length} problem${lines.length > 1 ? 's' : ''}:\n${lines.join('\n')}`);
  }
  return resolveConfig(parsed.data, knownRuleIds, shown);
}
