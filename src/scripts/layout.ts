// The sidebar as a drawer on a phone: a menu button (shown only with JavaScript) opens it over the page;
// Escape, the button again, or following a link closes it, and focus goes back to the button. While it is
// open the page behind is inert, so neither keyboard nor screen reader wanders behind the drawer.
const button = document.querySelector<HTMLButtonElement>('[data-menu-button]');
const pane = document.querySelector<HTMLElement>('[data-sidebar]');
if (button && pane) {
  button.hidden = false;
  const behind = () => [...document.querySelectorAll<HTMLElement>('main, .rail, .site-footer')];
  const setOpen = (open: boolean, returnFocus = true) => {
    button.setAttribute('aria-expanded', String(open));
    pane.toggleAttribute('data-open', open);
    document.body.classList.toggle('menu-open', open);
    for (const element of behind()) element.inert = open;
    if (open) {
      const here = pane.querySelector<HTMLElement>('[aria-current="page"]') ?? pane.querySelector<HTMLElement>('a, summary');
      here?.focus();
    } else if (returnFocus) button.focus();
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && pane.hasAttribute('data-open')) setOpen(false);
  });
  pane.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a') && pane.hasAttribute('data-open')) setOpen(false, false);
  });
  // Past the phone layout the sidebar is always shown: a drawer left open would leave the page inert.
  matchMedia('(min-width: 50rem)').addEventListener('change', (event) => {
    if (event.matches && pane.hasAttribute('data-open')) setOpen(false, false);
  });
  // The current page's link is in view in the sidebar, as on any documentation site.
  const current = pane.querySelector<HTMLElement>('.sidebar [aria-current="page"]');
  if (current && matchMedia('(min-width: 50rem)').matches) {
    const box = pane.getBoundingClientRect();
    const at = current.getBoundingClientRect();
    if (at.bottom > box.bottom) pane.scrollTop = at.top - box.top - box.height / 3;
  }
}

// "On this page" is open beside the page on a wide screen, and a collapsed bar above it on a narrower one;
// following one of its links on a narrow screen closes it again.
const toc = document.querySelector<HTMLDetailsElement>('[data-toc]');
if (toc) {
  const wide = matchMedia('(min-width: 76rem)');
  const place = () => (toc.open = wide.matches);
  place();
  wide.addEventListener('change', place);
  // Beside the page it is always open.
  toc.addEventListener('toggle', () => {
    if (wide.matches && !toc.open) toc.open = true;
  });
  toc.addEventListener('click', (event) => {
    if (!wide.matches && (event.target as HTMLElement).closest('a')) toc.open = false;
  });
}

// "On this page": the section being read is marked in the outline.
const outline = [...document.querySelectorAll<HTMLAnchorElement>('[data-outline] a[href^="#"]')];
if (outline.length > 0 && 'IntersectionObserver' in window) {
  const targets = outline.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1)))).filter((t): t is HTMLElement => t !== null);
  const mark = () => {
    const line = 120;
    let active: HTMLElement | undefined;
    for (const target of targets) if (target.getBoundingClientRect().top <= line) active = target;
    for (const link of outline) {
      if (active && link.hash === `#${active.id}`) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
  let queued = false;
  addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark();
    });
  }, { passive: true });
  mark();
}
