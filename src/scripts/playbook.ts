/**
 * Run mode and shadowing mode: progressive enhancement of a playbook page.
 * Without JavaScript the page is a complete, printable checklist.
 *
 * Run mode keeps ticked steps in this browser per playbook and per content
 * version: when the playbook changes, progress resets with a notice.
 * Shadowing mode records what the doer did and any gap, and writes a
 * `shadowing:` entry in the format of FORMAT.md to paste into the frontmatter.
 */
import { stringify } from 'yaml';
import { storageKey } from './storage.ts';

const article = document.querySelector<HTMLElement>('[data-playbook-page]');
if (article) {
  const slug = article.dataset['slug'] ?? '';
  const version = article.dataset['version'] ?? '';
  const controls = article.querySelector<HTMLElement>('[data-run-controls]')!;
  const notice = article.querySelector<HTMLElement>('[data-run-notice]')!;
  const progress = article.querySelector<HTMLElement>('[data-run-progress]')!;
  const runToggle = article.querySelector<HTMLButtonElement>('[data-run-toggle]')!;
  const steps = [...article.querySelectorAll<HTMLLIElement>('.body li.step')];
  const key = storageKey(`run:${slug}`);
  controls.hidden = false;

  interface Saved { version: string; done: string[]; on: boolean }
  const read = (): Saved | undefined => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? 'null') ?? undefined;
    } catch {
      return undefined;
    }
  };
  let saved = read();
  if (saved && saved.version !== version) {
    notice.hidden = false;
    notice.textContent = 'This playbook changed since you last ran it, so your ticked steps were reset. Start again from step 1.';
    saved = { version, done: [], on: saved.on };
  }
  const state: Saved = saved ?? { version, done: [], on: false };
  const save = () => localStorage.setItem(key, JSON.stringify(state));

  const boxes = steps.map((step) => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'run-check';
    box.setAttribute('aria-label', `Step ${step.dataset['step'] ?? ''} done`);
    box.dataset['anchor'] = step.id;
    box.addEventListener('change', () => {
      state.done = box.checked ? [...new Set([...state.done, step.id])] : state.done.filter((id) => id !== step.id);
      step.classList.toggle('done', box.checked);
      save();
      render();
    });
    return { step, box };
  });

  function render(): void {
    runToggle.setAttribute('aria-pressed', String(state.on));
    runToggle.textContent = state.on ? 'Leave run mode' : 'Run mode: tick steps as you go';
    for (const { step, box } of boxes) {
      box.checked = state.done.includes(step.id);
      step.classList.toggle('done', state.on && box.checked);
      if (state.on && !box.isConnected) step.prepend(box);
      if (!state.on && box.isConnected) box.remove();
    }
    progress.textContent = state.on ? `${state.done.filter((id) => steps.some((s) => s.id === id)).length} of ${steps.length} steps done` : '';
  }
  runToggle.addEventListener('click', () => {
    state.on = !state.on;
    save();
    render();
  });
  if (saved) save();
  render();

  // Shadowing mode
  const panel = article.querySelector<HTMLElement>('[data-shadowing-panel]')!;
  const shadowToggle = article.querySelector<HTMLButtonElement>('[data-shadow-toggle]')!;
  const field = <T extends HTMLElement>(name: string) => panel.querySelector<T>(`[data-sh-${name}]`)!;
  const date = field<HTMLInputElement>('date');
  const lead = field<HTMLInputElement>('lead');
  const shadow = field<HTMLInputElement>('shadow');
  const mode = field<HTMLSelectElement>('mode');
  const stepSelect = field<HTMLSelectElement>('step');
  const observedInput = field<HTMLInputElement>('observed');
  const isGap = field<HTMLInputElement>('is-gap');
  const output = field<HTMLTextAreaElement>('yaml');
  const sessionKey = storageKey(`shadow:${slug}`);
  interface Entry { text: string; step: string; gap: boolean }
  let entries: Entry[] = [];
  try {
    entries = JSON.parse(localStorage.getItem(sessionKey) ?? '[]');
  } catch {
    entries = [];
  }
  date.value = new Date().toISOString().slice(0, 10);

  /** The session in FORMAT.md's shape. */
  function session(): Record<string, unknown> {
    const entry: Record<string, unknown> = { date: date.value, lead: lead.value.trim() || 'lead', shadow: shadow.value.trim() || 'shadow', mode: mode.value };
    const observed = entries.map((e) => e.text);
    const gaps = entries.filter((e) => e.gap).map((e) => {
      const stepNumber = steps.find((s) => s.id === e.step)?.dataset['step'];
      return { found: stepNumber ? `${e.text} (around step ${stepNumber})` : e.text, status: 'open' };
    });
    if (observed.length > 0) entry['observed'] = observed;
    if (gaps.length > 0) entry['gaps'] = gaps;
    return entry;
  }
  function renderYaml(): void {
    // `yaml` quotes what must be quoted (`#`, `:`, leading `-`), so the block parses back as written.
    const text = stringify([session()], { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
    output.value = text.split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');
    localStorage.setItem(sessionKey, JSON.stringify(entries));
  }
  shadowToggle.addEventListener('click', () => {
    const on = panel.hidden;
    panel.hidden = !on;
    shadowToggle.setAttribute('aria-pressed', String(on));
    if (on) observedInput.focus();
  });
  field<HTMLButtonElement>('add').addEventListener('click', () => {
    const text = observedInput.value.trim();
    if (!text) return;
    entries.push({ text, step: stepSelect.value, gap: isGap.checked });
    observedInput.value = '';
    isGap.checked = false;
    const next = stepSelect.selectedIndex + 1;
    if (next < stepSelect.options.length) stepSelect.selectedIndex = next;
    renderYaml();
    observedInput.focus();
  });
  observedInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      field<HTMLButtonElement>('add').click();
    }
  });
  field<HTMLButtonElement>('clear').addEventListener('click', () => {
    entries = [];
    renderYaml();
  });
  field<HTMLButtonElement>('copy').addEventListener('click', () => {
    output.select();
    void navigator.clipboard?.writeText(output.value);
  });
  for (const input of [date, lead, shadow, mode]) input.addEventListener('input', renderYaml);
  renderYaml();
}
