// Filters on the gaps page: narrow the table by owner, tag and rule. Without JavaScript the first rows show.
// When there are more rows than the page holds, they are loaded from gaps.json and added as text (never as HTML).
interface Row { kind: string; playbook: string; href: string; owner: string; tags: string[]; rule: string; severity: string; text: string; where: string }

/** A finding's text with its `backticked` parts as <code> elements: text nodes and elements, never HTML. */
function inlineCode(text: string): Node[] {
  return text.split(/`([^`\n]+)`/).map((part, index) => {
    if (index % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}

const form = document.querySelector<HTMLFormElement>('[data-gap-filters]');
const table = document.querySelector<HTMLTableElement>('[data-gap-table]');
if (form && table) {
  form.hidden = false;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const count = form.querySelector<HTMLElement>('[data-filter-count]')!;
  const body = table.tBodies[0]!;
  const cell = (row: HTMLTableRowElement, text: string, href?: string, code = false) => {
    const td = row.insertCell();
    td.setAttribute('role', 'cell');
    if (code) td.append(...inlineCode(text));
    else if (href) {
      const link = document.createElement('a');
      link.href = href;
      link.textContent = text;
      td.append(link);
    } else td.textContent = text;
  };
  const apply = () => {
    const rows = [...body.rows];
    let shown = 0;
    for (const row of rows) {
      const visible = selects.every((select) => {
        const wanted = select.value;
        const key = select.dataset['filter']!;
        const value = row.dataset[key] ?? '';
        return !wanted || (key === 'tags' ? value.split(' ').includes(wanted) : value === wanted);
      });
      row.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = `${shown} of ${rows.length} shown`;
  };
  for (const select of selects) select.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
  const url = table.dataset['rowsUrl'];
  if (url) {
    void fetch(url).then(async (response) => {
      const all = (await response.json()) as Row[];
      body.replaceChildren();
      for (const r of all) {
        const row = body.insertRow();
        row.setAttribute('role', 'row');
        row.dataset['owner'] = r.owner;
        row.dataset['tags'] = r.tags.join(' ');
        row.dataset['rule'] = r.rule;
        cell(row, r.playbook, r.href);
        cell(row, r.owner);
        const kind = row.insertCell();
        kind.setAttribute('role', 'cell');
        const badge = document.createElement('span');
        badge.className = `badge ${r.kind === 'gap' ? 'open' : r.severity}`;
        badge.textContent = r.kind === 'gap' ? 'open gap' : r.severity;
        const rule = document.createElement('span');
        rule.className = 'muted';
        rule.textContent = r.rule;
        kind.append(badge, ' ', rule);
        cell(row, r.text, undefined, r.kind === 'finding');
        cell(row, r.where);
      }
      document.querySelector('[data-rows-note]')?.remove();
      apply();
    });
  }
}
