// Pagefind's UI, loaded from this site's own /pagefind/ folder (under the base path), with filters and highlighted excerpts.
const container = document.querySelector<HTMLElement>('#search');
if (container) {
  const bundle = container.dataset['searchBundle'] ?? '/pagefind/';
  const script = document.createElement('script');
  script.src = `${bundle}pagefind-ui.js`;
  script.addEventListener('load', () => {
    const PagefindUI = (window as unknown as { PagefindUI: new (options: Record<string, unknown>) => unknown }).PagefindUI;
    new PagefindUI({ element: '#search', bundlePath: bundle, showSubResults: true, showImages: false, resetStyles: false, translations: { placeholder: 'Search playbooks: a command, an alert, a system' } });
    const input = container.querySelector<HTMLInputElement>('input');
    input?.setAttribute('aria-label', 'Search playbooks');
  });
  document.head.append(script);
}
