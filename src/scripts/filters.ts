// Filters on the gaps page: narrow the table by owner, tag and rule. Without JavaScript every row shows.
const form = document.querySelector<HTMLFormElement>('[data-gap-filters]');
if (form) {
  form.hidden = false;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  const count = form.querySelector<HTMLElement>('[data-filter-count]')!;
  const apply = () => {
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
}
