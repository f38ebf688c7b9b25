/**
 * Site settings, from the environment (set by the platform team at build time):
 *   PLAYBOOK_BASE      base path, e.g. /intranet/playbooks/ (default /)
 *   PLAYBOOK_CONTENT   content folder (default content/)
 *   PLAYBOOK_EDIT_URL  edit link pattern, `{path}` is the file's path in the repository,
 *                      e.g. https://git.example.com/team/playbooks/-/edit/main/{path}
 *   PLAYBOOK_SITE_TITLE
 */
export interface SiteConfig {
  base: string;
  content: string;
  editUrl?: string;
  title: string;
}

export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim() || '/';
  return `/${trimmed.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

export function siteConfig(environment: NodeJS.ProcessEnv = process.env): SiteConfig {
  const config: SiteConfig = {
    base: normaliseBase(environment['PLAYBOOK_BASE']),
    content: environment['PLAYBOOK_CONTENT'] ?? 'content',
    title: environment['PLAYBOOK_SITE_TITLE'] ?? 'Playbooks',
  };
  if (environment['PLAYBOOK_EDIT_URL']) config.editUrl = environment['PLAYBOOK_EDIT_URL'];
  return config;
}
