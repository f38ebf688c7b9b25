/**
 * `checkCorpus`: the one check pipeline. The CLI, the rule tests and the site
 * build all call it, so they cannot disagree.
 *
 *   list the content folder (or take files given in memory)
 *   → read each file's bytes once, hash them, reuse cached results of unchanged files
 *   → parse + file-scope rules (+ HTML for the site) in worker threads, or in
 *     this thread for a small corpus of small files
 *   → build the corpus → corpus-scope rules → suppressions → what to report
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { ATTACHMENT_JUDGES } from '../core/attachment-judges.ts';
import { judgeAttachment, MAX_ATTACHMENT_BYTES, type Attachment } from '../core/attachments.ts';
import { affectedBy, buildCorpus, legacyUrls, type Corpus } from '../core/corpus.ts';
import { legacyUrlsOfBytes } from '../core/frontmatter.ts';
import { playbookExtensionOf } from '../core/dialect.ts';
import { slugOf } from '../core/slug.ts';
import { listPlaybookFiles, type PlaybookFile } from '../core/load.ts';
import { parsePlaybook } from '../core/parse.ts';
import type { RenderOptions } from '../core/render.ts';
import { folderOf, type Settings } from '../settings/resolve.ts';
import { cacheKey, isTrackedByGit, readCache, writeCache } from './cache.ts';
import { checkFile, hashBytes, loadRenderer, type FileJob, type FileResult } from './check-file.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts';
import { checkInWorkers } from './pool.ts';
import type { CheckResult } from './reporters/types.ts';
import type { AnyRule } from './rule.ts';
import { RULES } from './rules/index.ts';
import { finishPlaybook, modelDiagnostic, prepareRules, ruleDocsUrl, runRules, type PreparedRules } from './run.ts';
import { Timing } from './timing.ts';
import { TOOL_VERSION } from './version.ts';

/** A file given in memory instead of read from the content folder (tests, editors). */
export interface MemoryFile {
  /** Path relative to the working directory, with `/`. */
  file: string;
  /** Path relative to the content folder; defaults to `file` without a leading `content/`. */
  path?: string;
  text?: string;
  bytes?: Uint8Array;
}

export interface CheckOptions {
  /** Check these files instead of the content folder. */
  memory?: readonly MemoryFile[];
  /** Report on these files only (paths as given on the command line); the whole corpus is still read. */
  files?: readonly string[];
  /** Report on playbooks changed since this git ref, and those that depend on or link to them. */
  changedSince?: string;
  /** Read and write the cache (default false). */
  cache?: boolean;
  now?: Date;
  /** Run only these rules (tests); suppressions may still name every rule. */
  rules?: readonly AnyRule[];
  /** Render each playbook's HTML (the site build). */
  render?: RenderOptions;
  /** Worker threads: a number, 0 for none, or `auto` (default). */
  workers?: number | 'auto';
  /** Longest one file may take to parse in a worker (default 10 s). */
  timeoutMs?: number;
  timing?: Timing;
}

export interface CheckRun extends CheckResult {
  corpus: Corpus;
  /** HTML of each playbook's body, by file, when `render` was given. */
  html: Map<string, string>;
  /** Markdown files skipped by the documented rule (README.md, …). */
  ignored: string[];
  /** Things the user should know that are not findings (a tracked cache folder). */
  warnings: string[];
}

/** Raised when the run cannot happen (bad FILES, git failure): exit 2. */
export class CheckRunError extends Error {
  override name = 'CheckRunError';
}

/** Files above this size are parsed in a worker with a time limit; below it the parser's worst known input takes under half a second. */
export const IN_THREAD_MAX_BYTES = 8 * 1024;
/** Below this many files (all small), starting workers costs more than it saves. */
const IN_THREAD_MAX_FILES = 100;

const toPosix = (path: string) => path.split(sep).join('/');

export async function checkCorpus(settings: Settings, options: CheckOptions = {}): Promise<CheckRun> {
  const started = performance.now();
  const timing = options.timing;
  const stage = <T>(name: string, run: () => T): T => (timing ? timing.stage(name, run) : run());
  const now = options.now ?? new Date();
  const rules = options.rules ?? RULES;
  const prepared = prepareRules(settings, rules, RULES);
  const cwd = settings.root;

  const listing = stage('list files', () => (options.memory ? memoryListing(options.memory, settings.extensions) : listPlaybookFiles(settings.content, cwd, { extensions: settings.extensions, exclude: settings.exclude })));
  const jobs = stage('read files', () => listing.files.map((file) => readJob(file, options.memory)));
  const attachments = stage('judge attachments', () => listing.attachments.map((file) => judgeFile(file, options.memory)));
  // The renderer links only what the build publishes; the rest become text (and findings).
  const render = options.render
    ? {
        ...options.render,
        published: attachments.filter((a) => a.verdict.publish).map((a) => a.path),
        slugs: listing.files.map((file) => slugOf(file.path, settings.extensions)),
        files: attachments.map((a) => a.path),
        extensions: settings.extensions,
        urls: stage('read old URLs', () => [...legacyUrls(jobs.map((job) => ({ slug: slugOf(job.path, settings.extensions), legacyUrls: legacyUrlsOfBytes(job.bytes) })))]),
      }
    : undefined;

  // The cache: outside tracked files, keyed by tool code + rules + settings + render options.
  const warnings: string[] = [];
  // A check and a site build compute different things (the build also renders HTML): each keeps its own entries.
  const cacheRoot = folderOf(settings, settings.cacheDir);
  const cacheFolder = join(cacheRoot, options.render ? 'site' : 'check');
  let useCache = Boolean(options.cache) && !options.memory && !options.rules;
  if (useCache && isTrackedByGit(cacheRoot, cwd)) {
    warnings.push(`the cache folder \`${toPosix(relative(cwd, cacheRoot))}\` is tracked by git, so it was neither read nor written (a committed cache could hide findings). Remove it from the repository, or set \`cacheDir\` to an untracked folder.`);
    useCache = false;
  }
  const key = cacheKey({ version: TOOL_VERSION, rules: RULES.map((rule) => [rule.id, rule.scope ?? 'corpus']), settings: { ...settings, root: '', origins: {} }, render: render ?? null, now: fileRulesReadNow() });
  const cache = useCache ? stage('read cache', () => readCache(cacheFolder, key)) : { key, entries: new Map<string, FileResult>() };

  const results = new Map<string, FileResult>();
  const misses: FileJob[] = [];
  for (const job of jobs) {
    const cached = cache.entries.get(job.file);
    if (cached && !job.unreadable && cached.hash === hashBytes(job.bytes)) results.set(job.file, cached);
    else misses.push(job);
  }
  const fileOptions = { ...options, ...(render ? { render } : {}) };
  const fresh = await (timing ? timing.stageAsync('parse + file rules', () => checkFiles(misses, settings, prepared, now, fileOptions)) : checkFiles(misses, settings, prepared, now, fileOptions));
  for (const result of fresh) results.set(result.file, result);
  if (useCache) {
    // Only shards holding a re-parsed file are rewritten: a warm run after one change writes one small shard.
    const cacheable = new Map([...results].filter(([, result]) => !result.playbook.findings.some((f) => f.ruleId === 'parse-limit' && f.data?.['timedOut'])));
    stage('write cache', () => writeCache(cacheFolder, { key, entries: cacheable }, cache.entries.size > 0 ? misses.map((job) => job.file) : undefined));
  }

  const corpus = stage('build corpus', () => {
    const built = buildCorpus(listing.files.map((file) => results.get(file.file)!.playbook), attachments, { extensions: settings.extensions });
    built.findings.unshift(...listing.findings);
    return built;
  });
  const report = stage('select', () => selectReported(corpus, options, listing.files, settings));

  const diagnostics: Diagnostic[] = [];
  stage('corpus rules + suppressions', () => {
    for (const playbook of corpus.playbooks) {
      if (!report.has(playbook.file)) continue;
      const fileDiagnostics = results.get(playbook.file)!.diagnostics;
      const corpusDiagnostics = runRules(playbook, corpus, prepared, now, 'corpus', timing);
      diagnostics.push(...finishPlaybook(playbook, [...fileDiagnostics, ...corpusDiagnostics], prepared));
    }
    // Findings about files that are not playbooks (a symlink leaving the folder).
    const playbookFiles = new Set(corpus.playbooks.map((p) => p.file));
    for (const finding of corpus.findings) {
      if (playbookFiles.has(finding.file) || !report.has(finding.file)) continue;
      const diagnostic = modelDiagnostic(finding, prepared);
      if (diagnostic) diagnostics.push(diagnostic);
    }
    diagnostics.sort(compareDiagnostics);
  });
  if (timing) for (const result of fresh) timing.merge(result.ruleTimes, result.stepTimes);

  const playbookFiles = new Set(corpus.playbooks.map((p) => p.file));
  const html = new Map<string, string>();
  if (options.render) for (const [file, result] of results) if (result.html !== undefined) html.set(file, result.html);
  return {
    corpus,
    diagnostics,
    files: [...report].filter((file) => playbookFiles.has(file)).sort(),
    rules,
    elapsedMs: performance.now() - started,
    toolVersion: TOOL_VERSION,
    ruleUrl: (id) => ruleDocsUrl(id, prepared.docsUrl),
    html,
    ignored: listing.ignored,
    warnings,
  };
}

/** File-scope rules never read the clock (the rule docs say so); the key holds a constant to make that visible. */
function fileRulesReadNow(): string {
  return 'file-scope rules do not read the clock';
}

/** Files given in memory: Markdown ones are playbooks, the others attachments. */
function memoryListing(memory: readonly MemoryFile[], extensions: readonly string[]) {
  const entries = memory.map((entry) => ({ absolute: '', file: entry.file, path: entry.path ?? entry.file.replace(/^content\//, '') }));
  const isMarkdown = (entry: { path: string }) => playbookExtensionOf(entry.path, extensions) !== undefined;
  return { files: entries.filter(isMarkdown), attachments: entries.filter((entry) => !isMarkdown(entry)), ignored: [] as string[], findings: [] };
}

/** Read an attachment (only its head when it is too large to publish anyway) and judge it. */
function judgeFile(file: PlaybookFile, memory: readonly MemoryFile[] | undefined): Attachment {
  let bytes: Uint8Array;
  const given = memory?.find((entry) => entry.file === file.file);
  if (given) bytes = given.bytes ?? new TextEncoder().encode(given.text ?? '');
  else {
    try {
      bytes = statSync(file.absolute).size > MAX_ATTACHMENT_BYTES ? new Uint8Array(MAX_ATTACHMENT_BYTES + 1) : readFileSync(file.absolute);
    } catch (error) {
      return { path: file.path, file: file.file, verdict: { publish: false, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` } };
    }
  }
  const verdict = judgeAttachment(file.path, bytes, ATTACHMENT_JUDGES);
  // The sanitised SVG is written by the build; the check keeps only the verdict.
  return { path: file.path, file: file.file, verdict: verdict.publish ? { publish: true, kind: verdict.kind } : verdict };
}

/** Read a file's bytes once: the cache key and the parser both use exactly these bytes. */
function readJob(file: PlaybookFile, memory: readonly MemoryFile[] | undefined): FileJob {
  const given = memory?.find((entry) => entry.file === file.file);
  if (given) return { file: file.file, path: file.path, bytes: given.bytes ?? new TextEncoder().encode(given.text ?? '') };
  try {
    return { file: file.file, path: file.path, bytes: readFileSync(file.absolute) };
  } catch (error) {
    return { file: file.file, path: file.path, bytes: new Uint8Array(), unreadable: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** Parse and run file-scope rules: in this thread for a few small files, else on worker threads with a time limit per file. */
async function checkFiles(jobs: readonly FileJob[], settings: Settings, prepared: PreparedRules, now: Date, options: CheckOptions): Promise<FileResult[]> {
  if (jobs.length === 0) return [];
  const fileOptions = { now, timing: Boolean(options.timing), ...(options.render ? { render: options.render } : {}) };
  const small = jobs.length < IN_THREAD_MAX_FILES && jobs.every((job) => job.bytes.length <= IN_THREAD_MAX_BYTES);
  const workers = options.workers === undefined || options.workers === 'auto' ? (small ? 0 : Math.min(availableParallelism(), 4)) : options.workers;
  if (workers === 0 || options.rules) {
    if (options.render) await loadRenderer();
    return jobs.map((job) => checkFile(job, prepared, fileOptions));
  }
  const setup = { settings, now: now.getTime(), timing: Boolean(options.timing), ...(options.render ? { render: options.render } : {}) };
  return checkInWorkers(jobs, setup, { workers, timeoutMs: options.timeoutMs ?? 10_000, timedOut: (job, timeoutMs) => timedOutResult(job, timeoutMs, prepared, now) });
}

/** A file the parser did not finish within the limit: one `parse-limit` finding, nothing else lost. */
function timedOutResult(job: FileJob, timeoutMs: number, prepared: PreparedRules, now: Date): FileResult {
  const playbook = parsePlaybook(job.file, '', { path: job.path, extensions: prepared.settings.extensions });
  playbook.findings = [
    {
      file: job.file,
      line: 1,
      column: 1,
      ruleId: 'parse-limit',
      message: `\`${job.file}\` took more than ${timeoutMs / 1000} s to parse and was skipped`,
      fix: 'simplify the Markdown: long runs of `*`, `_`, `~` or `[`, or very many list items, are slow to parse',
      data: { timedOut: true },
    },
  ];
  return { file: job.file, hash: hashBytes(job.bytes), playbook, diagnostics: runRules(playbook, buildCorpus([]), prepared, now, 'file') };
}

/** Which files to report on: FILES, or what changed since a ref and what depends on it, or everything. */
function selectReported(corpus: Corpus, options: CheckOptions, files: readonly PlaybookFile[], settings: Settings): Set<string> {
  const all = new Set([...files.map((file) => file.file), ...corpus.findings.map((finding) => finding.file)]);
  let selected: Set<string> | undefined;
  if (options.files && options.files.length > 0) {
    selected = new Set();
    for (const given of options.files) {
      const file = toPosix(relative(settings.root, resolve(settings.root, given)));
      if (!all.has(file)) {
        throw new CheckRunError(`\`${given}\` is not a playbook under the content folder \`${settings.content}\`. Give paths to Markdown files inside it, or set the folder with --content.`);
      }
      selected.add(file);
    }
  }
  if (options.changedSince) {
    const changed = changedFiles(settings.root, options.changedSince);
    const slugs = corpus.playbooks.filter((p) => changed.has(p.file)).map((p) => p.slug);
    const affected = affectedBy(corpus, slugs);
    const byChange = new Set(corpus.playbooks.filter((p) => affected.has(p.slug)).map((p) => p.file));
    for (const file of changed) if (all.has(file)) byChange.add(file);
    selected = selected ? new Set([...selected].filter((file) => byChange.has(file))) : byChange;
  }
  return selected ?? all;
}

/** Files changed since a git ref (committed, staged, unstaged and untracked), relative to cwd with `/`. */
function changedFiles(cwd: string, ref: string): Set<string> {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? '').trim().split('\n')[0];
      throw new CheckRunError(`--changed-since ${ref}: git could not compare (${stderr || (error as Error).message}). Check that ${ref} exists (in CI, fetch enough history: \`fetch-depth: 0\`).`, { cause: error });
    }
  };
  // Both commands print paths relative to cwd (`--relative`; ls-files always does).
  return new Set([...git(['diff', '--name-only', '--relative', ref, '--']).split('\n'), ...git(['ls-files', '--others', '--exclude-standard']).split('\n')].filter(Boolean));
}
