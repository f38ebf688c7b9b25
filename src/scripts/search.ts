// The header search: a modal dialog opened by its button, `/` or Ctrl/⌘-K; results as you type, from this site's
// own Pagefind bundle (under the base path: no other origin, no inline code); arrow keys move through the results
// (a combobox over a listbox), Enter opens one, Escape closes and focus returns to where it was.
import { RANKING, runSearch, type Pagefind, type SearchHit, type SearchOutcome } from './search-engine.ts';
import { prepareTerms, TERM_LIST_FOLDER, termShard, type PreparedTerms } from './search-suggest.ts';

const FILTERS = [['tag', 'Tag'], ['owner', 'Owner'], ['status', 'Status']] as const;

/** The dialog, added by this script so that no page carries it (pages stay small; without JavaScript it is of no use). */
const DIALOG = `<dialog class="search-dialog" data-search-dialog aria-labelledby="site-search-label">
  <div class="search-bar" role="search">
    <label id="site-search-label" for="site-search-input" class="visually-hidden">Search playbooks</label>
    <input id="site-search-input" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="site-search-results" aria-describedby="site-search-status" autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="go" placeholder="A command, an alert, a system…" data-search-input>
    <button type="button" class="search-close" data-search-close>Close <kbd aria-hidden="true">Esc</kbd></button>
  </div>
  <details class="search-filters" data-search-filters><summary>Filters</summary><div class="search-filter-row" data-search-filter-row></div></details>
  <p id="site-search-status" class="search-status" role="status" aria-live="polite" data-search-status></p>
  <p class="search-suggestions" data-search-suggestions hidden></p>
  <div id="site-search-results" class="search-results" role="listbox" aria-label="Results" data-search-results></div>
  <p class="search-help muted" aria-hidden="true"><kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close</p>
</dialog>`;

const root = document.querySelector<HTMLElement>('[data-site-search]');
if (root) setUp(root);

function setUp(root: HTMLElement): void {
  const bundle = root.dataset['bundle'] ?? '/pagefind/';
  const base = root.dataset['base'] ?? '/';
  const opener = root.querySelector<HTMLButtonElement>('[data-search-open]')!;
  if (!root.querySelector('[data-search-dialog]')) root.insertAdjacentHTML('beforeend', DIALOG);
  const dialog = root.querySelector<HTMLDialogElement>('[data-search-dialog]')!;
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const list = root.querySelector<HTMLElement>('[data-search-results]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const suggestionsLine = root.querySelector<HTMLElement>('[data-search-suggestions]')!;
  const filters = root.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  const filterRow = root.querySelector<HTMLElement>('[data-search-filter-row]')!;
  opener.hidden = false;

  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () =>
    (pagefind ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(async (module) => {
      await module.options({ baseUrl: base, excerptLength: 22, ranking: RANKING });
      return module;
    }));
  // The term list's file for a word's first letter, fetched once (a letter without terms has no file: none near).
  const termFiles = new Map<string, Promise<PreparedTerms>>();
  const loadTerms = (word: string) => {
    const shard = termShard(word);
    let file = termFiles.get(shard);
    if (!file) {
      file = fetch(`${bundle}${TERM_LIST_FOLDER}/${shard}.json`)
        .then((response) => (response.ok ? (response.json() as Promise<{ terms?: string[] }>) : { terms: [] }))
        .then((list) => prepareTerms(list.terms ?? []))
        .catch(() => prepareTerms([]));
      termFiles.set(shard, file);
    }
    return file;
  };

  let returnTo: HTMLElement | null = null;
  function open(): void {
    if (dialog.open) {
      input.focus();
      return;
    }
    returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    input.focus();
    input.select();
    void loadPagefind();
  }
  function close(): void {
    if (dialog.open) dialog.close();
  }
  dialog.addEventListener('close', () => {
    // Back where the reader was; opened by a shortcut from nowhere in particular, back to the search button.
    const target = returnTo && returnTo !== document.body && document.contains(returnTo) ? returnTo : opener;
    target.focus();
  });
  opener.addEventListener('click', open);
  root.querySelector('[data-search-close]')!.addEventListener('click', close);
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  document.addEventListener('keydown', (event) => {
    if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      open();
    } else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !dialog.open && !isTyping(event.target)) {
      event.preventDefault();
      open();
    }
  });

  // Results as you type: the newest query wins; an older one finishing late is dropped.
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay = 120) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };
  input.addEventListener('input', () => schedule());
  async function run(): Promise<void> {
    const query = input.value.trim();
    const mine = ++sequence;
    if (!query) {
      root!.dataset['searchState'] = 'idle';
      render(undefined);
      return;
    }
    root!.dataset['searchState'] = 'busy';
    list.setAttribute('aria-busy', 'true');
    try {
      const outcome = await runSearch(await loadPagefind(), query, { terms: loadTerms, filters: chosenFilters(), limit: 10 });
      if (mine !== sequence) return;
      render(outcome);
    } catch (error) {
      if (mine !== sequence) return;
      render(undefined);
      status.textContent = 'Search is not available: its index could not be loaded.';
      console.error(error);
    } finally {
      if (mine === sequence) {
        list.removeAttribute('aria-busy');
        root!.dataset['searchState'] = 'done';
        root!.dataset['searchQuery'] = query;
        root!.dataset['searchRun'] = String(mine);
      }
    }
  }

  // Keyboard: the focus stays in the box; the active result is its aria-activedescendant.
  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  let active = -1;
  function activate(index: number): void {
    const all = options();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((option, at) => option.setAttribute('aria-selected', String(at === active)));
    const current = all[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      activate(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Enter before the results of the last keystroke arrive: search now, then open the first.
      const target = options()[Math.max(active, 0)];
      if (target && root!.dataset['searchQuery'] === input.value.trim()) target.click();
      else {
        clearTimeout(timer);
        void run().then(() => options()[0]?.click());
      }
    }
  });
  list.addEventListener('click', (event) => {
    // A result on this very page only moves to its anchor: close the dialog so the reader sees it.
    if ((event.target as Element).closest('[role="option"]')) close();
  });
  list.addEventListener('mousemove', (event) => {
    const option = (event.target as Element).closest<HTMLAnchorElement>('[role="option"]');
    const index = option ? options().indexOf(option) : -1;
    if (index !== -1 && index !== active) activate(index);
  });

  // Filters on tag, owner and status: filled from the index the first time they are opened.
  let filtersFilled = false;
  filters.addEventListener('toggle', async () => {
    if (!filters.open || filtersFilled) return;
    filtersFilled = true;
    const available = await (await loadPagefind()).filters();
    for (const [key, label] of FILTERS) {
      const values = Object.keys(available[key] ?? {}).filter(Boolean).sort();
      if (values.length === 0) continue;
      const select = document.createElement('select');
      select.id = `site-search-filter-${key}`;
      select.dataset['filter'] = key;
      select.append(new Option(`Any ${label.toLowerCase()}`, ''), ...values.map((value) => new Option(value, value)));
      select.addEventListener('change', () => schedule(0));
      const field = document.createElement('label');
      field.htmlFor = select.id;
      field.textContent = label;
      filterRow.append(field, select);
    }
  });
  function chosenFilters(): Record<string, string[]> | undefined {
    const chosen: Record<string, string[]> = {};
    for (const select of filterRow.querySelectorAll<HTMLSelectElement>('select')) if (select.value) chosen[select.dataset['filter']!] = [select.value];
    return Object.keys(chosen).length > 0 ? chosen : undefined;
  }

  function render(outcome: SearchOutcome | undefined): void {
    list.replaceChildren();
    suggestionsLine.replaceChildren();
    suggestionsLine.hidden = true;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (!outcome) {
      status.textContent = '';
      input.setAttribute('aria-expanded', 'false');
      return;
    }
    status.textContent = statusText(outcome);
    if (outcome.suggestions.length > 0) showSuggestions(outcome);
    outcome.hits.forEach((hit, index) => list.append(...hitOptions(hit, index)));
    input.setAttribute('aria-expanded', String(outcome.hits.length > 0));
  }

  function showSuggestions(outcome: SearchOutcome): void {
    suggestionsLine.append(outcome.mode === 'none' ? 'Did you mean ' : 'Or did you mean ');
    outcome.suggestions.forEach((suggestion, index) => {
      if (index > 0) suggestionsLine.append(index === outcome.suggestions.length - 1 ? ' or ' : ', ');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'search-suggestion';
      button.textContent = suggestion.term;
      button.addEventListener('click', () => {
        input.value = suggestion.query;
        input.focus();
        schedule(0);
      });
      suggestionsLine.append(button);
    });
    suggestionsLine.append('?');
    suggestionsLine.hidden = false;
  }
}

function statusText(outcome: SearchOutcome): string {
  const count = (n: number) => `${n} playbook${n === 1 ? '' : 's'}`;
  switch (outcome.mode) {
    case 'all':
      return `${count(outcome.total)} for “${outcome.query}”${outcome.partial > 0 ? `, then ${outcome.partial} with most of these words` : ''}.`;
    case 'corrected':
      return `Nothing matches ${[...outcome.corrections.map((c) => c.from), ...outcome.dropped].map((word) => `“${word}”`).join(', ')}: showing ${count(outcome.total)} for “${outcome.searched.join(' ')}”${outcome.partial > 0 ? `, then ${outcome.partial} with most of these words` : ''}.`;
    case 'any':
      return `No playbook has all of “${outcome.searched.join(' ')}”: showing ${count(outcome.total)} with most of these words.`;
    case 'none':
      return `Nothing matches “${outcome.query}”.`;
  }
}

/** One option for the page (linking to its best section), one more for each other section that matched. */
function hitOptions(hit: SearchHit, index: number): HTMLAnchorElement[] {
  const [best, ...more] = hit.sections;
  const main = option(`site-search-result-${index}`, hit.url, 'search-hit');
  main.append(span('search-hit-title', hit.title));
  if (best && best.kind !== 'page') main.append(span('search-hit-section', best.label));
  main.append(excerpt(hit.excerpt));
  return [
    main,
    ...more.map((section, at) => {
      const sub = option(`site-search-result-${index}-${at + 1}`, section.url, 'search-hit search-hit-more');
      sub.append(span('search-hit-section', section.kind === 'page' ? 'Top of the page' : section.label), excerpt(section.excerpt));
      return sub;
    }),
  ];
}

function option(id: string, href: string, className: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.id = id;
  link.href = href;
  link.className = className;
  link.setAttribute('role', 'option');
  link.setAttribute('aria-selected', 'false');
  link.tabIndex = -1;
  return link;
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** Pagefind's excerpt (entities encoded, matches in `<mark>`) rebuilt as text and <mark> elements only. */
function excerpt(html: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = 'search-hit-excerpt';
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      element.append(mark);
    } else element.append(node.textContent ?? '');
  }
  return element;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
