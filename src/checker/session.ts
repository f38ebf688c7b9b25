/**
 * One `playbook check` run, with its I/O: list and read the content folder,
 * reuse cached results for unchanged files, parse and check the rest on worker
 * threads (with a per-file time limit), build the corpus, run the cross-file
 * rules, apply suppressions, and select what to report (FILES, --changed-since).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { affectedBy, buildCorpus, type Corpus } from '../core/corpus.ts';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.ts';
import { parseFilesInWorkers } from '../core/load-parallel.ts';
import { listPlaybookFiles, readPlaybookFile, type PlaybookFile } from '../core/load.ts';
import { cacheKey, hashBytes, readCache, withoutTree, writeCache, type CacheEntry } from './cache.ts';
import type { ResolvedConfig } from './config.ts';
import type { CheckResult } from './reporters/types.ts';
import { RULES } from './rules/index.ts';
import { checkPlaybook, finishPlaybook, ruleDocsUrl, severityOf } from './run.ts';

export const TOOL_VERSION = '0.1.0';

export interface SessionOptions {
  cwd: string;
  config: ResolvedConfig;
  /** FILES given on the command line: report on these only. */
  files?: string[];
  /** Report on playbooks changed since this git ref, and those that depend on or link to them. */
  changedSince?: string;
  cache: boolean;
  now?: Date;
  /** Use worker threads from this many files to parse (default 150). */
  minFilesForWorkers?: number;
}

/** Raised when the run cannot happen (bad FILES, git failure): exit 2. */
export class SessionError extends Error {
  override name = 'SessionError';
}

const toPosix = (path: string) => path.split(sep).join('/');

export async function runCheckSession(options: SessionOptions): Promise<CheckResult & { corpus: Corpus }> {
  const started = performance.now();
  const { cwd, config } = options;
  const now = options.now ?? new Date();
  const listing = listPlaybookFiles(config.content, cwd);
  const key = cacheKey({ version: TOOL_VERSION, config, rules: RULES.map((rule) => [rule.id, rule.scope ?? 'corpus']) });
  const cache = options.cache ? readCache(cwd, key) : { key, entries: {} as Record<string, CacheEntry> };

  // Unchanged files come from the cache; the rest are parsed and checked (file-scope rules) afresh.
  const entries = new Map<string, CacheEntry>();
  const misses: { file: PlaybookFile; hash: string }[] = [];
  for (const file of listing.files) {
    let hash: string;
    try {
      hash = hashBytes(readFileSync(file.absolute));
    } catch {
      hash = 'unreadable';
    }
    const cached = cache.entries[file.file];
    if (cached && cached.hash === hash && hash !== 'unreadable') entries.set(file.file, cached);
    else misses.push({ file, hash });
  }
  for (const [index, result] of (await checkFiles(misses.map((miss) => miss.file), config, now, options.minFilesForWorkers ?? 150)).entries()) {
    entries.set(misses[index]!.file.file, { hash: misses[index]!.hash, ...result });
  }
  // Only shards holding a re-parsed file are rewritten: a warm run after one change writes one small shard.
  if (options.cache) writeCache(cwd, { key, entries: Object.fromEntries(entries) }, cache.key === key && Object.keys(cache.entries).length > 0 ? misses.map((miss) => miss.file.file) : undefined);

  const corpus = buildCorpus(listing.files.map((file) => entries.get(file.file)!.playbook));
  corpus.diagnostics.unshift(...listing.diagnostics);
  const report = selectReported(corpus, options, listing.files);

  const known = new Set(RULES.map((rule) => rule.id));
  const suppressionRule = RULES.find((rule) => rule.id === 'suppression');
  const diagnostics: Diagnostic[] = [];
  for (const playbook of corpus.playbooks) {
    if (!report.has(playbook.file)) continue;
    const fileDiagnostics = entries.get(playbook.file)!.fileDiagnostics;
    const corpusDiagnostics = checkPlaybook(playbook, corpus, config, now, RULES, 'corpus');
    diagnostics.push(...finishPlaybook(playbook, [...fileDiagnostics, ...corpusDiagnostics], known, suppressionRule, config));
  }
  const playbookFiles = new Set(corpus.playbooks.map((p) => p.file));
  for (const diagnostic of corpus.diagnostics) {
    if (playbookFiles.has(diagnostic.file) || !report.has(diagnostic.file)) continue;
    const rule = RULES.find((r) => r.id === diagnostic.ruleId);
    const severity = rule ? severityOf(rule, config) : 'error';
    if (severity !== 'off') diagnostics.push({ ...diagnostic, severity, url: ruleDocsUrl(diagnostic.ruleId, config) });
  }
  diagnostics.sort(compareDiagnostics);
  return {
    corpus,
    diagnostics,
    files: [...report].filter((file) => playbookFiles.has(file)).sort(),
    rules: RULES,
    elapsedMs: performance.now() - started,
    toolVersion: TOOL_VERSION,
    ruleUrl: (id) => ruleDocsUrl(id, config),
  };
}

/** Parse and run file-scope rules: on worker threads for many files, in this thread for a few. */
async function checkFiles(files: PlaybookFile[], config: ResolvedConfig, now: Date, minFilesForWorkers: number): Promise<Omit<CacheEntry, 'hash'>[]> {
  const empty = buildCorpus([]);
  if (files.length < minFilesForWorkers) {
    return files.map((file) => {
      const playbook = readPlaybookFile(file);
      return { playbook: withoutTree(playbook), fileDiagnostics: checkPlaybook(playbook, empty, config, now, RULES, 'file') };
    });
  }
  const results = await parseFilesInWorkers<Omit<CacheEntry, 'hash'>>(files, { workerUrl: new URL('./check-worker.ts', import.meta.url), workerData: { config, now: now.getTime() }, workers: 2 });
  // A file that hit the time limit comes back as a bare playbook with its parse-limit diagnostic.
  return results.map((result) => ('playbook' in result ? result : { playbook: result, fileDiagnostics: checkPlaybook(result, empty, config, now, RULES, 'file') }));
}

/** Which files to report on: FILES, or what changed since a ref and what depends on it, or everything. */
function selectReported(corpus: Corpus, options: SessionOptions, files: readonly PlaybookFile[]): Set<string> {
  const all = new Set([...files.map((file) => file.file), ...corpus.diagnostics.map((d) => d.file)]);
  let selected: Set<string> | undefined;
  if (options.files && options.files.length > 0) {
    selected = new Set();
    for (const given of options.files) {
      const file = toPosix(relative(options.cwd, resolve(options.cwd, given)));
      if (!all.has(file)) {
        throw new SessionError(`\`${given}\` is not a playbook under the content folder \`${options.config.content}\`. Give paths to Markdown files inside it, or set the folder with --content.`);
      }
      selected.add(file);
    }
  }
  if (options.changedSince) {
    const changed = changedFiles(options.cwd, options.changedSince);
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
      throw new SessionError(`--changed-since ${ref}: git could not compare (${stderr || (error as Error).message}). Check that ${ref} exists (in CI, fetch enough history: \`fetch-depth: 0\`).`, { cause: error });
    }
  };
  // Both commands print paths relative to cwd (`--relative`; ls-files always does).
  return new Set([...git(['diff', '--name-only', '--relative', ref, '--']).split('\n'), ...git(['ls-files', '--others', '--exclude-standard']).split('\n')].filter(Boolean));
}
