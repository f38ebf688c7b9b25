/**
 * One file through the check: bytes → model (the tree-less `Playbook`) →
 * file-scope rules → (for the site) rendered HTML. The same function runs in a
 * worker thread or in this one; the file is hashed from the very bytes parsed,
 * so the cache can never hold findings of other bytes.
 */
import { createHash } from 'node:crypto';
import { buildCorpus } from '../core/corpus.ts';
import { unreadableFileFinding } from '../core/load.ts';
import type { Playbook } from '../core/model.ts';
import { parseDocumentBytes } from '../core/parse.ts';
import type { RenderOptions } from '../core/render.ts';
import type { Diagnostic } from './diagnostic.ts';
import { modelDiagnostic, runRules, type PreparedRules } from './run.ts';
import { Timing } from './timing.ts';

/** A file to check, with its bytes already read (they are what is hashed and parsed). */
export interface FileJob {
  /** Path relative to the working directory, with `/`. */
  file: string;
  /** Path relative to the content folder, with `/`. */
  path: string;
  bytes: Uint8Array;
  /** Set when the file could not be read: the job becomes an `unreadable-file` finding. */
  unreadable?: string;
}

/** What a check of one file gives: cached as it is, shipped across threads as it is. */
export interface FileResult {
  file: string;
  /** SHA-1 of the bytes that were parsed. */
  hash: string;
  playbook: Playbook;
  /** Findings of the file-scope rules (before suppressions, which need the corpus-scope ones too). */
  diagnostics: Diagnostic[];
  /** The body as sanitised HTML, when rendering was asked for. */
  html?: string;
  /** Milliseconds per rule, and per step of this function (`parse`, `render`), when timing was asked for. */
  ruleTimes?: Record<string, number>;
  stepTimes?: Record<string, number>;
}

export interface FileCheckOptions {
  now: Date;
  render?: RenderOptions;
  timing?: boolean;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

const EMPTY_CORPUS = buildCorpus([]);

/** The renderer is loaded only when a run renders (the site build), not for `playbook check`. */
let renderer: typeof import('../core/render.ts') | undefined;

export async function loadRenderer(): Promise<void> {
  renderer ??= await import('../core/render.ts');
}

export function checkFile(job: FileJob, prepared: PreparedRules, options: FileCheckOptions): FileResult {
  const started = options.timing ? performance.now() : 0;
  const { playbook, tree } = parseDocumentBytes(job.file, job.bytes, { path: job.path, dialect: prepared.settings.dialect, extensions: prepared.settings.extensions });
  const parsed = options.timing ? performance.now() : 0;
  if (job.unreadable) {
    playbook.findings = [unreadableFileFinding(job.file, job.unreadable)];
  }
  const timing = options.timing ? new Timing() : undefined;
  const diagnostics = runRules(playbook, EMPTY_CORPUS, prepared, options.now, 'file', timing);
  const result: FileResult = { file: job.file, hash: hashBytes(job.bytes), playbook, diagnostics };
  const checked = options.timing ? performance.now() : 0;
  if (options.render) {
    if (!renderer) throw new Error('checkFile: call loadRenderer() before rendering');
    try {
      result.html = renderer.renderPlaybookHtml(playbook, tree, options.render);
    } catch (error) {
      // Nothing the checker accepts may take the build down: the page says it could not be rendered, the finding says why.
      result.html = '<p><strong>This playbook could not be rendered.</strong> Its source file is in the repository; the checker names the problem.</p>';
      const diagnostic = modelDiagnostic({ file: job.file, line: 1, column: 1, ruleId: 'parse-limit', message: `\`${job.file}\` could not be rendered (${(error as Error).message.slice(0, 120)})`, fix: 'simplify the Markdown or raw HTML of the file; report the file as a bug in Playbook' }, prepared);
      if (diagnostic) result.diagnostics.push(diagnostic);
    }
  }
  if (timing) {
    result.ruleTimes = Object.fromEntries(timing.rules);
    result.stepTimes = { parse: parsed - started, 'file rules': checked - parsed, ...(options.render ? { render: performance.now() - checked } : {}) };
  }
  return result;
}
