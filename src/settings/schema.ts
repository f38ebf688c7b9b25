/**
 * `playbook.config.json` (or `.playbookrc.json`, `.playbookrc.yaml`): one zod
 * schema for every setting the checker, the site and the CLI read. Rule
 * options are validated by each rule's own schema (`Rule.options`), so this
 * module knows nothing about rules.
 */
import { z } from 'astro/zod';

export const CONFIG_FILE_NAMES = ['playbook.config.json', '.playbookrc.json', '.playbookrc.yaml', '.playbookrc.yml'] as const;

export const severitySettingSchema = z.enum(['error', 'warning', 'info', 'off'], { error: 'expected `error`, `warning`, `info` or `off`' });

/** The config file, as written. Every key is optional; `resolveSettings` fills in defaults. */
export const configFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** Folder holding the playbooks, relative to the config file's folder (default `content`). */
    content: z.string().min(1).optional().describe('Folder holding the playbooks (default content).'),
    /** Base path the site is served under, e.g. `/handbook/playbooks/` (default `/`). */
    base: z.string().min(1).optional().describe('Base path the site is served under (default /).'),
    /** Folder the site is built into (default `dist`). */
    outDir: z.string().min(1).optional().describe('Folder the site is built into (default dist).'),
    /** Edit link pattern; `{path}` is the file's path in the repository. */
    editUrl: z.string().min(1).optional().describe('Edit link pattern, {path} is the file path in the repository.'),
    /** The site's name in the header and page titles (default `Playbooks`). */
    siteTitle: z.string().min(1).optional().describe('The site name (default Playbooks).'),
    /** Severity per rule id, or `off`. */
    rules: z.record(z.string(), severitySettingSchema).optional().describe('Severity per rule id: error | warning | info | off.'),
    /** More phrases `vague-step` flags (plain text, case-insensitive, whole words), on top of the built-in ones. */
    vaguePhrases: z.array(z.string().min(1)).optional(),
    /** Set to false to flag only `vaguePhrases`, not the built-in ones ("ask Alex", "as usual", "TODO", "etc."). */
    builtInVaguePhrases: z.boolean().optional(),
    /** Programs that need no `tool:` prerequisite, on top of shell builtins and coreutils. */
    allowedCommands: z.array(z.string().min(1)).optional(),
    /** Days after which `last_reviewed` is stale (default 180). */
    staleDays: z.number().int().positive().optional(),
    /** Base URL of the rule docs; a finding's `url` is `{docsUrl}{rule-id}/` (default: the rule pages of the site this package builds). */
    docsUrl: z.string().optional(),
    /** Options per rule id, validated by the rule: e.g. `"undocumented-step": { "threshold": 0.5 }`. */
    options: z.record(z.string(), z.unknown()).optional(),
    /** Whether a site build fails on checker errors (default true). */
    failBuildOnError: z.boolean().optional(),
    /** File extensions read as playbooks (default `.md`, `.markdown`, `.html.md`, `.md.erb`, `.html.md.erb`). */
    extensions: z.array(z.string().regex(/^\.[\w.]+$/, { message: 'expected an extension such as `.md` or `.html.md.erb`' })).min(1).optional(),
    /** Globs (relative to the content folder) of files that are not playbooks: `postmortems/**`, `**\/_*.md`. */
    exclude: z.array(z.string().min(1)).optional(),
    /** Frontmatter keys of other generators read as this format's keys, on top of the built-in ones: `{ "synopsis": "summary" }`. */
    aliases: z.record(z.string(), z.enum(['title', 'summary', 'owner', 'tags', 'status', 'last_reviewed', 'review_every', 'kind'])).optional(),
    /** Headings whose ordered lists are steps (whole words of the heading), replacing the built-in ones. */
    stepHeadings: z.array(z.string().min(1)).min(1).optional(),
    /** Folder of `playbook check`'s cache (default `node_modules/.cache/playbook`). */
    cacheDir: z.string().min(1).optional(),
  })
  .describe('Playbook configuration.');

export type ConfigFile = z.infer<typeof configFileSchema>;
