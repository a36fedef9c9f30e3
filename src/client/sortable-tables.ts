/**
 * Makes every `table[data-sortable]` sortable by its column headers, as an
 * enhancement: without script the table reads the same, in official order.
 * Cells sort by `data-sort` when present (raw numbers), else by their text;
 * empty and withheld cells go last.
 */
export function enhanceSortableTables(root: ParentNode = document): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
    headers.forEach((th, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener('click', () => sortBy(table, headers, column));
    });
  }
}

function sortBy(table: HTMLTableElement, headers: HTMLTableCellElement[], column: number): void {
  const th = headers[column]!;
  const ascending = th.getAttribute('aria-sort') !== 'ascending';
  headers.forEach((h) => h.removeAttribute('aria-sort'));
  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  const body = table.tBodies[0]!;
  const key = (row: HTMLTableRowElement) => {
    const cell = row.cells[column];
    const raw = cell?.dataset.sort ?? cell?.textContent?.trim() ?? '';
    const number = Number(raw);
    return raw === '' || raw === '—' ? null : Number.isFinite(number) ? number : raw;
  };
  const rows = [...body.rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return ascending ? order : -order;
  });
  body.append(...rows);
}
