// The graph drawing: fitted to its box by default; zoom in and out (buttons, or + and - while the drawing has
// focus), scroll to pan (arrow keys on the focused box). A node's full title shows beside it on hover and focus.
const wrap = document.querySelector<HTMLElement>('[data-graph]');
const svg = wrap?.querySelector('svg');
const tools = document.querySelector<HTMLElement>('[data-graph-tools]');
if (wrap && svg && tools) {
  tools.hidden = false;
  const natural = Number(svg.getAttribute('width'));
  const level = tools.querySelector<HTMLElement>('[data-zoom-level]')!;
  const fitButton = tools.querySelector<HTMLButtonElement>('[data-zoom="fit"]')!;
  let scale = 0;
  const fitted = () => Math.min(1, (wrap.clientWidth - 2) / natural);
  const apply = (next: number | 'fit') => {
    const fit = next === 'fit';
    scale = fit ? fitted() : Math.max(0.25, Math.min(2.5, next));
    wrap.classList.toggle('fit', fit);
    svg.style.width = fit ? '' : `${Math.round(natural * scale)}px`;
    fitButton.setAttribute('aria-pressed', String(fit));
    level.textContent = `${Math.round(scale * 100)}%`;
  };
  tools.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-zoom]');
    if (!button) return;
    const zoom = button.dataset['zoom'];
    apply(zoom === 'fit' ? 'fit' : scale * (zoom === 'in' ? 1.25 : 0.8));
  });
  wrap.addEventListener('keydown', (event) => {
    if (event.key === '+' || event.key === '=') apply(scale * 1.25);
    else if (event.key === '-') apply(scale * 0.8);
    else if (event.key === '0') apply('fit');
    else return;
    event.preventDefault();
  });
  apply('fit');
  addEventListener('resize', () => {
    if (wrap.classList.contains('fit')) apply('fit');
  });

  const tip = document.createElement('div');
  tip.className = 'graph-tip';
  tip.hidden = true;
  tip.setAttribute('aria-hidden', 'true');
  wrap.append(tip);
  const show = (node: Element) => {
    tip.textContent = node.getAttribute('data-title') ?? '';
    tip.hidden = false;
    const box = node.getBoundingClientRect();
    const frame = wrap.getBoundingClientRect();
    tip.style.left = `${Math.max(0, box.left - frame.left + wrap.scrollLeft)}px`;
    tip.style.top = `${box.bottom - frame.top + wrap.scrollTop + 4}px`;
  };
  const hide = () => (tip.hidden = true);
  for (const node of svg.querySelectorAll('.node')) {
    node.addEventListener('mouseenter', () => show(node));
    node.addEventListener('mouseleave', hide);
    node.addEventListener('focus', () => {
      show(node);
      // Keep the focused node in view when the drawing is zoomed in.
      const box = node.getBoundingClientRect();
      const frame = wrap.getBoundingClientRect();
      if (box.right > frame.right || box.left < frame.left) wrap.scrollLeft += box.left - frame.left - frame.width / 3;
      if (box.bottom > frame.bottom || box.top < frame.top) wrap.scrollTop += box.top - frame.top - frame.height / 3;
    });
    node.addEventListener('blur', hide);
  }
}
