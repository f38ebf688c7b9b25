/**
 * Run mode and shadowing mode: progressive enhancement of a playbook page.
 * Without JavaScript the page is a complete, printable checklist.
 *
 * The controls sit with the steps (moved to just before the list of steps,
 * and sticky while they are read). Run mode keeps ticked steps in this
 * browser per playbook and per content version: when the playbook changes,
 * progress resets with a notice. Shadowing mode puts an "Observed" control on
 * every step: what the doer did there, and whether the playbook says it (a
 * gap, recorded against that step). The session is written as a `shadowing:`
 * entry in the format of FORMAT.md, once its required fields are filled in.
 */
import { stringify } from 'yaml';
import { announce, copyText } from './clipboard.ts';
import { storageKey } from './storage.ts';

type Child = Node | string;
/** An element built with the DOM (text is always text), for the parts of the page only JavaScript uses. */
function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** The shadowing session panel: made here, not sent in every page's HTML (it only works with JavaScript). */
function shadowingPanel(article: HTMLElement): HTMLElement {
  const owner = article.dataset['owner'] ?? '';
  const file = article.dataset['file'] ?? '';
  const editHref = article.dataset['editHref'];
  const field = (id: string, label: string, control: HTMLElement) => el('div', { class: 'field' }, el('label', { for: id }, label), control);
  const input = (id: string, name: string, extra: Record<string, string> = {}) => el('input', { id, [`data-sh-${name}`]: '', required: '', autocomplete: 'off', 'aria-describedby': 'sh-missing', ...extra });
  const mode = el('select', { id: 'sh-mode', 'data-sh-mode': '' }, el('option', { value: 'shadow' }, 'shadow: the lead does the work'), el('option', { value: 'reverse' }, 'reverse: the shadow does the work'));
  const lead = input('sh-lead', 'lead') as HTMLInputElement;
  lead.value = owner;
  const edit = editHref
    ? el('a', { href: editHref, 'data-sh-edit': '' }, `Open ${file} to edit`)
    : el('span', { class: 'muted' }, 'Set ', el('code', {}, 'editUrl'), ' (or ', el('code', {}, 'PLAYBOOK_EDIT_URL'), ') to get a link to edit ', el('code', {}, file), '.');
  return el('section', { id: 'shadowing-panel', class: 'shadowing-panel no-print', hidden: '', 'data-shadowing-panel': '', 'aria-labelledby': 'shadowing-mode-title', 'data-pagefind-ignore': '' },
    el('h2', { id: 'shadowing-mode-title' }, 'Shadowing session'),
    el('p', {}, 'Who is here, then, at each step, ', el('strong', {}, 'Observed'), ' records what the doer did and anything the playbook did not say. The session becomes a ', el('code', {}, 'shadowing:'), " entry for this playbook's frontmatter."),
    el('div', { class: 'fields' },
      field('sh-date', 'Date', input('sh-date', 'date', { type: 'date' })),
      field('sh-lead', 'Lead (leads the session)', lead),
      field('sh-shadow', 'Shadow (watches, or does it in reverse mode)', input('sh-shadow', 'shadow')),
      field('sh-mode', 'Mode', mode)),
    el('p', { class: 'status-line missing', id: 'sh-missing', 'data-sh-missing': '' }),
    el('div', { class: 'field' }, el('label', { for: 'sh-yaml' }, 'The entry, to paste into the frontmatter under ', el('code', {}, 'shadowing:')), el('textarea', { id: 'sh-yaml', rows: '8', readonly: '', 'data-sh-yaml': '' })),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'primary', 'data-sh-copy': '' }, 'Copy YAML'), edit, el('button', { type: 'button', 'data-sh-clear': '' }, 'Clear session')),
    el('p', { class: 'status-line', 'data-sh-status': '', role: 'status' }));
}

const article = document.querySelector<HTMLElement>('[data-playbook-page]');
if (article) {
  const slug = article.dataset['slug'] ?? '';
  const version = article.dataset['version'] ?? '';
  const controls = article.querySelector<HTMLElement>('[data-run-controls]')!;
  const notice = article.querySelector<HTMLElement>('[data-run-notice]')!;
  const progress = article.querySelector<HTMLElement>('[data-run-progress]')!;
  const runToggle = article.querySelector<HTMLButtonElement>('[data-run-toggle]')!;
  const steps = [...article.querySelectorAll<HTMLLIElement>('.body li.step')];
  const panel = shadowingPanel(article);
  const key = storageKey(`run:${slug}`);

  // Beside the steps: the controls, the notice and the session panel go just before the list of steps.
  const list = steps[0]?.closest('ol');
  if (list) list.before(controls, notice, panel);
  else notice.after(panel);
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
    runToggle.title = 'Tick steps as you go; kept in this browser';
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
  const shadowToggle = article.querySelector<HTMLButtonElement>('[data-shadow-toggle]')!;
  const quickCopy = article.querySelector<HTMLButtonElement>('[data-sh-quick-copy]')!;
  const field = <T extends HTMLElement>(name: string) => panel.querySelector<T>(`[data-sh-${name}]`)!;
  const date = field<HTMLInputElement>('date');
  const lead = field<HTMLInputElement>('lead');
  const shadow = field<HTMLInputElement>('shadow');
  const mode = field<HTMLSelectElement>('mode');
  const output = field<HTMLTextAreaElement>('yaml');
  const missingLine = field<HTMLElement>('missing');
  const status = field<HTMLElement>('status');
  const sessionKey = storageKey(`shadow:${slug}`);
  interface Entry { text: string; step: string; gap: boolean }
  interface Session { date: string; lead: string; shadow: string; mode: string; entries: Entry[] }
  let stored: Partial<Session> & { entries?: Entry[] };
  try {
    const raw = JSON.parse(localStorage.getItem(sessionKey) ?? '{}');
    // Sessions kept by an earlier version of this page were a bare list of entries.
    stored = Array.isArray(raw) ? { entries: raw } : raw;
  } catch {
    stored = {};
  }
  let entries: Entry[] = (stored.entries ?? []).filter((e) => typeof e?.text === 'string');
  date.value = stored.date || new Date().toISOString().slice(0, 10);
  if (stored.lead) lead.value = stored.lead;
  if (stored.shadow) shadow.value = stored.shadow;
  if (stored.mode === 'reverse') mode.value = 'reverse';

  const stepNumber = (id: string) => steps.find((s) => s.id === id)?.dataset['step'];
  /** How a gap names its step: the explicit id when the step has one, else its number (FORMAT.md). */
  const stepReference = (id: string) => {
    const anchor = id.replace(/^user-content-/, '');
    return /^step-\d+(-\d+)*$/.test(anchor) ? stepNumber(id) : anchor;
  };

  /** What must be filled in before the entry is valid, in words. */
  function missing(): { input: HTMLInputElement; words: string }[] {
    const list: { input: HTMLInputElement; words: string }[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) list.push({ input: date, words: 'the date' });
    if (!lead.value.trim()) list.push({ input: lead, words: 'who leads (Lead)' });
    if (!shadow.value.trim()) list.push({ input: shadow, words: 'who watches (Shadow)' });
    return list;
  }

  /** The session in FORMAT.md's shape. */
  function session(): Record<string, unknown> {
    const entry: Record<string, unknown> = { date: date.value, lead: lead.value.trim(), shadow: shadow.value.trim(), mode: mode.value };
    const observed = entries.map((e) => e.text);
    const gaps = entries.filter((e) => e.gap).map((e) => {
      const reference = e.step ? stepReference(e.step) : undefined;
      return reference ? { found: e.text, status: 'open', step: reference } : { found: e.text, status: 'open' };
    });
    if (observed.length > 0) entry['observed'] = observed;
    if (gaps.length > 0) entry['gaps'] = gaps;
    return entry;
  }

  function persist(): void {
    localStorage.setItem(sessionKey, JSON.stringify({ date: date.value, lead: lead.value, shadow: shadow.value, mode: mode.value, entries }));
  }

  function renderYaml(): void {
    const gaps = missing();
    for (const input of [date, lead, shadow]) input.setAttribute('aria-invalid', String(gaps.some((m) => m.input === input)));
    if (gaps.length > 0) {
      missingLine.textContent = `Missing: ${gaps.map((m) => m.words).join(', ')}. Fill ${gaps.length === 1 ? 'it' : 'them'} in to get the entry.`;
      output.value = '';
    } else {
      missingLine.textContent = lead.value.trim() === shadow.value.trim() ? 'Lead and shadow are the same person: a session needs two.' : '';
      // `yaml` quotes what must be quoted (`#`, `:`, leading `-`), so the block parses back as written.
      const text = stringify([session()], { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
      output.value = text.split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');
    }
    const gapCount = entries.filter((e) => e.gap).length;
    quickCopy.textContent = 'Copy YAML';
    quickCopy.title = `${entries.length} observed, ${gapCount} gap${gapCount === 1 ? '' : 's'}`;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = ` ${entries.length}`;
    count.setAttribute('aria-hidden', 'true');
    const words = document.createElement('span');
    words.className = 'visually-hidden';
    words.textContent = `: ${entries.length} observed, ${gapCount} gap${gapCount === 1 ? '' : 's'}`;
    quickCopy.append(count, words);
    persist();
    for (const observe of observers) observe.refresh();
  }

  async function copyYaml(button: HTMLButtonElement): Promise<void> {
    const gaps = missing();
    if (gaps.length > 0) {
      const words = `Not copied: fill in ${gaps.map((m) => m.words).join(', ')} first.`;
      status.textContent = words;
      announce(words);
      if (!panel.hidden) gaps[0]!.input.focus();
      return;
    }
    const ok = await copyText(output.value);
    const words = ok ? 'Copied the shadowing entry: paste it under shadowing: in the frontmatter.' : 'Could not copy: select the text in the box and copy it.';
    status.textContent = words;
    announce(ok ? 'Copied' : words);
    const label = button.textContent;
    button.textContent = ok ? 'Copied' : 'Copy failed';
    setTimeout(() => (button.textContent = label), 2000);
    if (!ok) output.select();
  }

  // The "Observed" control of each step: a small form, and the entries recorded at that step.
  const observers = steps.map((step) => {
    const number = step.dataset['step'] ?? '';
    const box = document.createElement('div');
    box.className = 'observe';
    box.hidden = true;
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'observe-toggle';
    toggle.textContent = `Observed at step ${number}…`;
    toggle.setAttribute('aria-expanded', 'false');
    const form = document.createElement('div');
    form.className = 'observe-form';
    form.hidden = true;
    const inputId = `observe-${step.id}`;
    const label = document.createElement('label');
    label.htmlFor = inputId;
    label.className = 'visually-hidden';
    label.textContent = `What the doer did at step ${number}`;
    const input = document.createElement('input');
    input.type = 'text';
    input.id = inputId;
    input.placeholder = 'What the doer did, e.g. drained the queue first';
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'primary';
    add.textContent = 'Add';
    add.setAttribute('aria-label', `Add at step ${number}`);
    const gapLabel = document.createElement('label');
    gapLabel.className = 'check';
    const gap = document.createElement('input');
    gap.type = 'checkbox';
    gapLabel.append(gap, document.createTextNode(`The playbook does not say this (a gap at step ${number})`));
    form.append(label, input, add, gapLabel);
    const recorded = document.createElement('ul');
    recorded.className = 'observed-list';
    box.append(toggle, form, recorded);
    toggle.addEventListener('click', () => {
      form.hidden = !form.hidden;
      toggle.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) input.focus();
    });
    const submit = () => {
      const text = input.value.trim();
      if (!text) {
        announce('Type what the doer did first.');
        input.focus();
        return;
      }
      entries.push({ text, step: step.id, gap: gap.checked });
      input.value = '';
      gap.checked = false;
      renderYaml();
      announce(`Recorded at step ${number}${entries.at(-1)!.gap ? ', as a gap' : ''}.`);
      input.focus();
    };
    add.addEventListener('click', submit);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        submit();
      }
    });
    // After the step's own text and gap notes, before its sub-steps and code.
    const firstBlock = [...step.children].find((child) => /^(OL|UL|PRE|DIV|TABLE|BLOCKQUOTE)$/.test(child.tagName) && !child.classList.contains('gap-marker') && !child.classList.contains('code-frame'));
    if (firstBlock) firstBlock.before(box);
    else step.append(box);
    return {
      box,
      refresh: () => {
        recorded.replaceChildren();
        entries.forEach((entry, index) => {
          if (entry.step !== step.id) return;
          const item = document.createElement('li');
          item.textContent = `${entry.gap ? 'Gap: ' : ''}${entry.text}`;
          const remove = document.createElement('button');
          remove.type = 'button';
          remove.textContent = 'Remove';
          remove.setAttribute('aria-label', `Remove “${entry.text}”`);
          remove.addEventListener('click', () => {
            entries.splice(index, 1);
            renderYaml();
            announce('Removed.');
            input.focus();
          });
          item.append(remove);
          recorded.append(item);
        });
      },
    };
  });

  const setShadowing = (on: boolean) => {
    panel.hidden = !on;
    quickCopy.hidden = !on;
    shadowToggle.setAttribute('aria-pressed', String(on));
    for (const observe of observers) observe.box.hidden = !on;
    localStorage.setItem(storageKey(`shadowing-on:${slug}`), on ? '1' : '');
  };
  shadowToggle.addEventListener('click', () => {
    const on = shadowToggle.getAttribute('aria-pressed') !== 'true';
    setShadowing(on);
    if (on) (missing()[0]?.input ?? observers[0]?.box.querySelector('button'))?.focus();
  });
  field<HTMLButtonElement>('copy').addEventListener('click', (event) => void copyYaml(event.currentTarget as HTMLButtonElement));
  quickCopy.addEventListener('click', () => void copyYaml(quickCopy));
  field<HTMLButtonElement>('clear').addEventListener('click', () => {
    entries = [];
    renderYaml();
    status.textContent = 'Session cleared.';
  });
  for (const input of [date, lead, shadow, mode]) input.addEventListener('input', renderYaml);
  renderYaml();
  if (localStorage.getItem(storageKey(`shadowing-on:${slug}`)) === '1') setShadowing(true);
}
