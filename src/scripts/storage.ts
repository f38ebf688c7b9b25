/**
 * Keys of what the site keeps in this browser, namespaced by the site's base
 * path: two sites on one origin (`/handbook/a/`, `/handbook/b/`) never read
 * each other's progress, sessions or theme.
 */
export function storageKey(name: string): string {
  return `playbook:${document.documentElement.dataset['base'] ?? '/'}:${name}`;
}
