/**
 * The one settings resolver. Every reader of a setting (the CLI, the content
 * loader, the dev watcher, the Pagefind step, the asset copy, astro.config)
 * calls `resolveSettings`, so each setting has one value and one precedence:
 *
 *   command-line flag  >  environment variable  >  config file  >  default
 *
 * A bad config file is a `SettingsError` (the tool cannot run: exit 2) with one
 * line per problem, prefixed by the key's path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_ALIASES, DEFAULT_EXTENSIONS, DEFAULT_STEP_HEADINGS, type Dialect } from '../core/dialect.ts';
import { CONFIG_FILE_NAMES, configFileSchema, type ConfigFile } from './schema.ts';

export type SeveritySetting = 'error' | 'warning' | 'info' | 'off';

/** Where a setting's value came from (for messages and `--print-settings`). */
export type SettingOrigin = 'flag' | 'environment' | 'file' | 'default';

/** Every setting, with defaults filled in. */
export interface Settings {
  /** The repository folder: the config file is looked up here and relative paths resolve from here. */
  root: string;
  /** The config file used, relative to `root` (or as given), when there was one. */
  configFile?: string;
  /** Content folder, as written (relative to `root`, or absolute). */
  content: string;
  /** Base path of the site: always starts and ends with `/`. */
  base: string;
  /** Output folder of the site build. */
  outDir: string;
  editUrl?: string;
  siteTitle: string;
  /** Folder of the check cache. */
  cacheDir: string;
  failBuildOnError: boolean;
  /** Severity per rule id (only those set; rules default themselves). */
  severities: Record<string, SeveritySetting>;
  vaguePhrases: string[];
  builtInVaguePhrases: boolean;
  allowedCommands: string[];
  staleDays: number;
  /** Base of every finding's `url`. */
  docsUrl: string;
  /** Options per rule id, as written; each rule validates its own. */
  options: Record<string, unknown>;
  /** File extensions read as playbooks. */
  extensions: string[];
  /** Globs of files under the content folder that are not playbooks. */
  exclude: string[];
  /** How other generators write: frontmatter aliases, step headings. */
  dialect: Dialect;
  /** Where each value came from. */
  origins: Record<SettingName, SettingOrigin>;
}

/** Settings a flag or an environment variable can give. */
export interface SettingFlags {
  config?: string | undefined;
  content?: string | undefined;
  base?: string | undefined;
  outDir?: string | undefined;
  cacheDir?: string | undefined;
}

type SettingName = 'content' | 'base' | 'outDir' | 'editUrl' | 'siteTitle' | 'cacheDir' | 'docsUrl';

/** The environment variable of each setting that has one. */
export const ENVIRONMENT_VARIABLES = {
  root: 'PLAYBOOK_ROOT',
  config: 'PLAYBOOK_CONFIG',
  content: 'PLAYBOOK_CONTENT',
  base: 'PLAYBOOK_BASE',
  outDir: 'PLAYBOOK_OUT_DIR',
  editUrl: 'PLAYBOOK_EDIT_URL',
  siteTitle: 'PLAYBOOK_SITE_TITLE',
  cacheDir: 'PLAYBOOK_CACHE_DIR',
} as const;

/** A config file that cannot be used: the tool cannot run (exit 2). */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** This package's own rule pages: they exist wherever the package is installed. */
export const PACKAGE_RULE_DOCS = pathToFileURL(resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/rules/')).href + '/';

/** `/intranet/playbooks` → `/intranet/playbooks/`; empty → `/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim() || '/';
  return `/${trimmed.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

export interface ResolveOptions {
  /** Repository folder (default: PLAYBOOK_ROOT, else the working directory). */
  root?: string;
  flags?: SettingFlags;
  environment?: NodeJS.ProcessEnv;
  /** The config file's content, given directly (tests, programmatic use): no file is read. */
  config?: ConfigFile;
}

/** Resolve every setting: flag > environment > config file > default. */
export function resolveSettings(options: ResolveOptions = {}): Settings {
  const flags = options.flags ?? {};
  const environment = options.environment ?? process.env;
  // `playbook build` runs Astro from this package's folder and names the repository in PLAYBOOK_ROOT.
  const root = resolve(options.root ?? (environment[ENVIRONMENT_VARIABLES.root] || process.cwd()));
  const fromEnvironment = (name: keyof typeof ENVIRONMENT_VARIABLES) => {
    const value = environment[ENVIRONMENT_VARIABLES[name]];
    return value === undefined || value === '' ? undefined : value;
  };
  const { file, shown, folder } = options.config ? { file: validateConfig(options.config, 'configuration'), shown: undefined, folder: root } : readConfigFile(root, flags.config ?? fromEnvironment('config'));
  const origins = {} as Record<SettingName, SettingOrigin>;
  // Folders named in a config file are relative to the file's own folder; flags and variables to the working folder.
  const FOLDERS: ReadonlySet<SettingName> = new Set(['content', 'outDir', 'cacheDir']);
  const pick = (name: SettingName, flag: string | undefined, fallback: string | undefined): string | undefined => {
    const fromFlag = flag;
    const fromEnv = name in ENVIRONMENT_VARIABLES ? fromEnvironment(name as keyof typeof ENVIRONMENT_VARIABLES) : undefined;
    const written = file[name];
    const fromFile = written !== undefined && FOLDERS.has(name) && folder !== root && !isAbsolute(written) ? posixRelative(root, resolve(folder, written)) || '.' : written;
    if (fromFlag !== undefined) origins[name] = 'flag';
    else if (fromEnv !== undefined) origins[name] = 'environment';
    else if (fromFile !== undefined) origins[name] = 'file';
    else origins[name] = 'default';
    return fromFlag ?? fromEnv ?? fromFile ?? fallback;
  };
  const settings: Settings = {
    root,
    content: pick('content', flags.content, 'content')!,
    base: normaliseBase(pick('base', flags.base, '/')),
    outDir: pick('outDir', flags.outDir, 'dist')!,
    siteTitle: pick('siteTitle', undefined, 'Playbooks')!,
    cacheDir: pick('cacheDir', flags.cacheDir, defaultCacheDir(root))!,
    failBuildOnError: file.failBuildOnError ?? true,
    severities: { ...(file.rules ?? {}) },
    vaguePhrases: file.vaguePhrases ?? [],
    builtInVaguePhrases: file.builtInVaguePhrases ?? true,
    allowedCommands: file.allowedCommands ?? [],
    staleDays: file.staleDays ?? 180,
    docsUrl: pick('docsUrl', undefined, PACKAGE_RULE_DOCS)!,
    options: file.options ?? {},
    extensions: file.extensions ?? [...DEFAULT_EXTENSIONS],
    exclude: file.exclude ?? [],
    dialect: { aliases: { ...DEFAULT_ALIASES, ...(file.aliases ?? {}) }, stepHeadings: file.stepHeadings ?? [...DEFAULT_STEP_HEADINGS] },
    origins,
  };
  const editUrl = pick('editUrl', undefined, undefined);
  if (editUrl) settings.editUrl = editUrl;
  if (shown) settings.configFile = shown;
  return settings;
}

/** The cache lives under node_modules/.cache (never tracked by git), as ESLint's and Babel's do. */
function defaultCacheDir(root: string): string {
  return posixRelative(root, resolve(root, 'node_modules', '.cache', 'playbook'));
}

/** Absolute path of a setting that names a folder. */
export function folderOf(settings: Pick<Settings, 'root'>, path: string): string {
  return isAbsolute(path) ? path : resolve(settings.root, path);
}

function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

/** Read and validate the config file: `explicit` (a path), else the first of CONFIG_FILE_NAMES in `root`. */
function readConfigFile(root: string, explicit: string | undefined): { file: ConfigFile; shown?: string; folder: string } {
  const path = explicit ? resolve(root, explicit) : CONFIG_FILE_NAMES.map((name) => resolve(root, name)).find((candidate) => existsSync(candidate));
  if (!path) return { file: {}, folder: root };
  const shown = explicit ?? posixRelative(root, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingsError(`config file \`${shown}\` cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check the path given to --config or PLAYBOOK_CONFIG.`, { cause: error });
  }
  const yaml = /\.ya?ml$/i.test(path);
  let data: unknown;
  try {
    data = yaml ? parseYaml(text, { version: '1.2' }) : JSON.parse(text);
  } catch (error) {
    throw new SettingsError(`config file \`${shown}\` is not valid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  return { file: validateConfig(data ?? {}, `config file \`${shown}\``), shown, folder: dirname(path) };
}

/** Validate a config against the schema: one line per problem, prefixed by its path. */
function validateConfig(data: unknown, name: string): ConfigFile {
  const parsed = configFileSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    const detail = issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}` : issue.message;
    return `  ${where}: ${detail}`;
  });
  throw new SettingsError(`${name} has ${lines.length} problem${lines.length > 1 ? 's' : ''}:\n${lines.join('\n')}`);
}

/** A rule-level problem found in the settings (unknown rule id, bad rule options): raised by the checker, which knows the rules. */
export function settingsProblem(settings: Pick<Settings, 'configFile'>, lines: readonly string[]): SettingsError {
  return new SettingsError(`${settings.configFile ? `config file \`${settings.configFile}\`` : 'configuration'} has ${lines.length} problem${lines.length > 1 ? 's' : ''}:\n${lines.map((line) => `  ${line}`).join('\n')}`);
}
