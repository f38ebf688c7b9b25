/** `playbook new <slug>`: a playbook from a template that passes the check except for what the author must fill in. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { slugOf } from '../core/slug.ts';

export class NewPlaybookError extends Error {
  override name = 'NewPlaybookError';
}

export interface ScaffoldOptions {
  cwd: string;
  content: string;
  slug: string;
  owner: string;
  title?: string;
  today?: Date;
}

/** The template. `TODO` markers are deliberate: `vague-step` flags each until the author replaces it. */
export function playbookTemplate(options: { title: string; owner: string; today: string }): string {
  return `---
title: ${JSON.stringify(options.title)}
summary: TODO one sentence on what this playbook achieves.
owner: ${options.owner}
tags: []
status: draft
last_reviewed: ${options.today}
prerequisites: []
  # - playbook: access/request-vpn          another playbook, by slug
  # - tool: kubectl                        a program the reader must have
  #   install: https://kubernetes.io/docs/tasks/tools/
  # - access: Read access to the billing database
  #   request: access/request-db-access
  # - skill: Reading a Grafana dashboard
  #   learn: https://grafana.com/docs/grafana/latest/dashboards/
shadowing: []
  # - date: ${options.today}
  #   lead: ${options.owner}
  #   shadow: someone-else
  #   observed:
  #     - What the doer actually did, one line per action, in order
---

Why this playbook exists, and when to use it. Write for someone starting from
zero: name every system, every host and every channel.

## Steps

1. TODO: the first thing the reader does.
2. TODO: the next thing. Put commands in a code block:

   \`\`\`sh
   echo "replace with the exact command"
   \`\`\`

## Verify

TODO: what the reader looks at to know the work succeeded, and what it should show.
`;
}

export function scaffoldPlaybook(options: ScaffoldOptions): string {
  const slug = slugOf(options.slug.replace(/\.md$/i, ''));
  if (!/^[\p{L}\p{N}_-]+(\/[\p{L}\p{N}_-]+)*$/u.test(slug)) {
    throw new NewPlaybookError(`\`${options.slug}\` is not a usable slug. Use lower-case words with \`-\`, folders with \`/\`, e.g. \`on-call/rotate-schedule\`.`);
  }
  const path = join(options.cwd, options.content, `${slug}.md`);
  if (existsSync(path)) throw new NewPlaybookError(`\`${relative(options.cwd, path).split(sep).join('/')}\` already exists; choose another slug or edit that file.`);
  const words = slug.split('/').at(-1)!.split('-');
  const title = options.title ?? `${words[0]![0]!.toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(' ')}`.trim();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, playbookTemplate({ title, owner: options.owner, today: (options.today ?? new Date()).toISOString().slice(0, 10) }));
  return relative(options.cwd, path).split(sep).join('/');
}
