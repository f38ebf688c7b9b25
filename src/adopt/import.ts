/**
 * `playbook import`: turn a folder of existing runbooks into playbooks, in
 * place and idempotently. For each file it infers what the format needs and
 * the file lacks — title, summary, owner, status or kind — writes only that
 * into the frontmatter (keeping every key it does not understand, so the old
 * generator's site still builds), and says where each value came from and
 * what it left for a person. A second run changes nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { isMap, parseDocument as parseYamlDocument } from 'yaml';
import { splitFrontmatter } from '../core/frontmatter.ts';
import { listPlaybookFiles, type PlaybookFile } from '../core/load.ts';
import type { Playbook } from '../core/model.ts';
import { isTemplateText, parsePlaybook, UNASSIGNED } from '../core/parse.ts';
import { folderOf, type Settings } from '../settings/resolve.ts';
import { handleOf, readCodeOwners, type CodeOwners } from './codeowners.ts';


export type Source = 'frontmatter' | 'alias' | 'first H1' | 'first heading' | 'file name' | 'first sentence' | 'CODEOWNERS' | 'git history' | 'placeholder' | 'no ordered steps' | 'no steps heading';

export interface FilePlan {
  file: string;
  /** What import writes into the frontmatter, with where each value came from. */
  adds: { key: string; value: string; source: Source }[];
  /** What it read that was already there under another generator's key. */
  read: string[];
  /** What a person must still do. */
  forPerson: string[];
  /** The new text, when the file changes. */
  text?: string;
}

export interface ImportPlan {
  files: FilePlan[];
  /** Counts for the summary: `title from first H1` → 12. */
  counts: Map<string, number>;
  codeOwners?: string;
}

/** Plan the import of every playbook file of the content folder. */
export function planImport(settings: Settings): ImportPlan {
  const listing = listPlaybookFiles(settings.content, settings.root, { extensions: settings.extensions, exclude: settings.exclude });
  const codeOwners = readCodeOwners(settings.root);
  const authors = gitAuthors(settings.root, folderOf(settings, settings.content));
  const files = listing.files.map((file) => planFile(file, settings, codeOwners, authors));
  const counts = new Map<string, number>();
  for (const plan of files) {
    for (const add of plan.adds) counts.set(`${add.key} from ${add.source}`, (counts.get(`${add.key} from ${add.source}`) ?? 0) + 1);
    for (const read of plan.read) counts.set(read, (counts.get(read) ?? 0) + 1);
    for (const left of plan.forPerson) counts.set(`left for a person: ${left}`, (counts.get(`left for a person: ${left}`) ?? 0) + 1);
  }
  return { files, counts, ...(codeOwners ? { codeOwners: codeOwners.file } : {}) };
}

/** Write the planned files. */
export function applyImport(plan: ImportPlan, settings: Settings): number {
  let written = 0;
  for (const file of plan.files) {
    if (file.text === undefined) continue;
    writeFileSync(folderOf(settings, file.file), file.text);
    written++;
  }
  return written;
}

function planFile(file: PlaybookFile, settings: Settings, codeOwners: CodeOwners | undefined, authors: Map<string, Map<string, number>>): FilePlan {
  const plan: FilePlan = { file: file.file, adds: [], read: [], forPerson: [] };
  let raw: string;
  try {
    raw = readFileSync(file.absolute, 'utf8');
  } catch (error) {
    plan.forPerson.push(`the file cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return plan;
  }
  const crlf = raw.includes('\r\n');
  const text = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const playbook = parsePlaybook(file.file, text, { path: file.path, dialect: settings.dialect, extensions: settings.extensions });
  const split = splitFrontmatter(text);
  if (split.kind === 'unclosed' || split.kind === 'language' || (split.kind === 'yaml' && split.leadingBlankLines > 0)) {
    plan.forPerson.push('fix the frontmatter block first (the checker says how)');
    return plan;
  }
  const yamlText = split.kind === 'yaml' ? text.slice(split.yamlStart, split.yamlEnd) : '';
  const yaml = parseYamlDocument(yamlText, { version: '1.2' });
  if (yaml.errors.length > 0 || (yaml.contents !== null && !isMapping(yaml.contents))) {
    plan.forPerson.push('fix the frontmatter YAML first (the checker says where)');
    return plan;
  }
  const has = (key: string) => yaml.has(key);
  const add = (key: string, value: string, source: Source) => {
    yaml.set(key, value);
    plan.adds.push({ key, value, source });
  };

  if (!has('title')) {
    const { title, source } = inferTitle(playbook);
    add('title', title, source);
  }
  if (!has('summary')) {
    if (playbook.meta.summary) plan.read.push('summary read from another key');
    else {
      const summary = firstSentence(playbook, text);
      if (summary) add('summary', summary, 'first sentence');
      else {
        add('summary', `${playbookTitle(playbook)}.`, 'placeholder');
        plan.forPerson.push('write a one-sentence summary');
      }
    }
  }
  if (!has('owner')) {
    if (playbook.meta.owner) plan.read.push('owner read from another key');
    else {
      const owner = inferOwner(file.file, codeOwners, authors);
      add('owner', owner.value, owner.source);
      if (owner.source === 'placeholder') plan.forPerson.push('name an owner');
    }
  }
  if (playbook.meta.last_reviewed && !has('last_reviewed')) plan.read.push('review date read from another key');
  if (playbook.reviewEveryDays !== undefined && !has('review_every')) plan.read.push('review interval read from another key');
  if (!has('status') && !has('kind')) {
    if (playbook.stepsShape === 'missing') add('kind', 'reference', 'no steps heading');
    else if (playbook.steps.length === 0) {
      add('status', 'draft', 'no ordered steps');
      plan.forPerson.push('write the procedure as a numbered list, then remove `status: draft`');
    }
  }
  if (plan.adds.length === 0) return plan;
  const block = String(yaml).replace(/^\{\}\n$/, '');
  const body = split.kind === 'yaml' ? text.slice(split.bodyStart) : text.startsWith('\n') ? text : `\n${text}`;
  const next = `---\n${block}${block.endsWith('\n') ? '' : '\n'}---\n${body}`;
  plan.text = crlf ? next.replace(/\n/g, '\r\n') : next;
  return plan;
}

function isMapping(node: unknown): boolean {
  return isMap(node);
}

function playbookTitle(playbook: Playbook): string {
  return playbook.displayTitle;
}

/** Frontmatter title, else the first H1, else the first heading (never a template tag), else the file name made readable. */
function inferTitle(playbook: Playbook): { title: string; source: Source } {
  const usable = playbook.headings.filter((heading) => heading.text !== '' && !isTemplateText(heading.text));
  const h1 = usable.find((heading) => heading.depth === 1);
  if (h1) return { title: h1.text, source: 'first H1' };
  if (usable[0]) return { title: usable[0].text, source: 'first heading' };
  return { title: playbook.displayTitle, source: 'file name' };
}

/** The first sentence of the first paragraph of prose (not a heading, list, code or template), at most 200 characters. */
function firstSentence(playbook: Playbook, text: string): string | undefined {
  const lines = text.split('\n');
  const start = playbook.bodyLine - 1;
  let paragraph = '';
  let fence = false;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (/^(```|~~~)/.test(line)) fence = !fence;
    if (fence || /^(```|~~~)/.test(line)) continue;
    if (line === '') {
      if (paragraph) break;
      continue;
    }
    if (/^(#|[-*+] |\d+[.)] |>|\||<|!!!|:::|\{%|\{\{|<%)/.test(line) || isTemplateText(line)) {
      if (paragraph) break;
      continue;
    }
    paragraph += `${paragraph ? ' ' : ''}${line}`;
  }
  const plain = paragraph
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!plain) return undefined;
  const sentence = /^.*?[.!?](?=\s|$)/.exec(plain)?.[0] ?? plain;
  return sentence.length > 200 ? `${sentence.slice(0, 197).replace(/\s+\S*$/, '')}…` : sentence;
}

function inferOwner(file: string, codeOwners: CodeOwners | undefined, authors: Map<string, Map<string, number>>): { value: string; source: Source } {
  const owners = codeOwners?.ownersOf(file) ?? [];
  if (owners[0]) return { value: handleOf(owners[0]), source: 'CODEOWNERS' };
  const counts = authors.get(file);
  if (counts && counts.size > 0) {
    const [email] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    return { value: handleOf(email), source: 'git history' };
  }
  return { value: UNASSIGNED, source: 'placeholder' };
}

/** Authors (e-mail) of every file under a folder, with their number of commits, in one pass over the history. */
function gitAuthors(root: string, folder: string): Map<string, Map<string, number>> {
  const authors = new Map<string, Map<string, number>>();
  let log: string;
  try {
    log = execFileSync('git', ['log', '--format=%x00%ae', '--name-only', '--no-renames', '--relative', '--', relative(root, folder) || '.'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
  } catch {
    return authors; // not a git repository
  }
  for (const block of log.split('\0')) {
    const [email, ...names] = block.trim().split('\n');
    if (!email) continue;
    for (const name of names) {
      if (!name) continue;
      const file = name.split(sep).join('/');
      const counts = authors.get(file) ?? new Map<string, number>();
      counts.set(email, (counts.get(email) ?? 0) + 1);
      authors.set(file, counts);
    }
  }
  return authors;
}

/** The summary printed after a plan: what was inferred, from where, and what is left for a person. */
export function formatPlan(plan: ImportPlan, dryRun: boolean): string {
  const changed = plan.files.filter((file) => file.text !== undefined);
  const lines = [`${dryRun ? 'Would change' : 'Changed'} ${changed.length} of ${plan.files.length} file${plan.files.length === 1 ? '' : 's'}${plan.codeOwners ? ` (owners from ${plan.codeOwners} first, then git history)` : ''}.`];
  if (dryRun) for (const file of changed) lines.push(`  ${file.file}: ${file.adds.map((a) => `${a.key} (${a.source})`).join(', ')}`);
  const counts = [...plan.counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (counts.length > 0) lines.push('', 'Inferred:', ...counts.filter(([key]) => !key.startsWith('left for')).map(([key, count]) => `  ${String(count).padStart(5)}  ${key}`));
  const left = counts.filter(([key]) => key.startsWith('left for'));
  if (left.length > 0) lines.push('', 'Left for a person:', ...left.map(([key, count]) => `  ${String(count).padStart(5)}  ${key.replace('left for a person: ', '')}`));
  lines.push('', dryRun ? 'Nothing was written (--dry-run). Run without it to write these changes.' : 'Next: `npx playbook check`, then shadow someone doing the work.');
  return `${lines.join('\n')}\n`;
}
