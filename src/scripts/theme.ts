// Dark mode: follows the system unless the reader chose; the choice is kept in this browser.
import { storageKey } from './storage.ts';

const KEY = storageKey('theme');
const root = document.documentElement;
const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');

function apply(theme: string | null): void {
  if (theme === 'dark' || theme === 'light') root.dataset['theme'] = theme;
  else delete root.dataset['theme'];
  const dark = theme === 'dark' || (theme === null && matchMedia('(prefers-color-scheme: dark)').matches);
  button?.setAttribute('aria-pressed', String(dark));
}

apply(localStorage.getItem(KEY));
button?.addEventListener('click', () => {
  const dark = button.getAttribute('aria-pressed') === 'true';
  const next = dark ? 'light' : 'dark';
  localStorage.setItem(KEY, next);
  apply(next);
});

// Body ids are prefixed (`user-content-`) so none can replace the page's own; a link someone shared
// with the unprefixed anchor (`#steps`) still lands on its heading or step.
function followUnprefixedAnchor(): void {
  const anchor = decodeURIComponent(location.hash.slice(1));
  if (!anchor || document.getElementById(anchor)) return;
  const target = document.getElementById(`user-content-${anchor}`);
  if (target) target.scrollIntoView();
}
followUnprefixedAnchor();
addEventListener('hashchange', followUnprefixedAnchor);
