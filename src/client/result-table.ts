import type {Cell, ResultColumn} from '../lib/query-result-types.ts';
import {fillPlaceholders} from '../lib/fill-placeholders.ts';

/** Rows per page of the result table: the DOM never holds more, however large the result. */
export const PAGE_SIZE = 100;

export interface ResultTableText {
  /** "Rows {from}–{to} of {rows}". */
  page: string;
  first: string;
  previous: string;
  next: string;
  last: string;
  /** Accessible name of the pager. */
  pager: string;
  /** Shown for NULL. */
  null: string;
  /** Formats a row count for the reader's language. */
  count: (n: number) => string;
}

/**
 * Returns an element showing `rows` one page of {@link PAGE_SIZE} at a time,
 * with first/previous/next/last buttons and the rows shown in words. Numbers
 * are right-aligned and shown as DuckDB gave them (no rounding: the reader
 * checks them against the CSV); cells are set as text, never as markup.
 */
export function resultTable(
  columns: readonly ResultColumn[],
  rows: readonly (readonly Cell[])[],
  text: ResultTableText
): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'result-table';
  const scroller = document.createElement('div');
  scroller.className = 'table-scroll';
  // A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-labelledby', 'sql-result-heading');
  const table = document.createElement('table');
  table.setAttribute('aria-rowcount', String(rows.length + 1));
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column.name;
    th.title = column.type;
    if (column.kind === 'number') th.className = 'num';
    head.append(th);
  }
  const body = table.createTBody();
  scroller.append(table);

  const nav = document.createElement('nav');
  nav.className = 'pager';
  nav.setAttribute('aria-label', text.pager);
  const label = document.createElement('span');
  label.setAttribute('aria-live', 'polite');
  label.tabIndex = -1;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  let current = 0;
  const button = (name: string, target: () => number) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = name;
    b.addEventListener('click', () => {
      show(target());
      // A button that has just been disabled (Next on the last page) drops the keyboard focus: keep it in the pager.
      if (b.disabled) label.focus();
    });
    return b;
  };
  const buttons = [
    button(text.first, () => 0),
    button(text.previous, () => current - 1),
    button(text.next, () => current + 1),
    button(text.last, () => pages - 1)
  ];
  nav.append(buttons[0]!, buttons[1]!, label, buttons[2]!, buttons[3]!);

  function show(page: number) {
    current = Math.min(pages - 1, Math.max(0, page));
    const start = current * PAGE_SIZE;
    const slice = rows.slice(start, start + PAGE_SIZE);
    body.replaceChildren(
      ...slice.map((row, i) => {
        const tr = document.createElement('tr');
        tr.setAttribute('aria-rowindex', String(start + i + 2));
        row.forEach((cell, c) => {
          const td = document.createElement('td');
          if (cell === null) {
            td.className = 'null';
            td.textContent = text.null;
          } else td.textContent = String(cell);
          if (columns[c]?.kind === 'number') td.classList.add('num');
          tr.append(td);
        });
        return tr;
      })
    );
    label.textContent = fillPlaceholders(text.page, {
      from: text.count(rows.length ? start + 1 : 0),
      to: text.count(start + slice.length),
      rows: text.count(rows.length)
    });
    buttons[0]!.disabled = buttons[1]!.disabled = current === 0;
    buttons[2]!.disabled = buttons[3]!.disabled = current === pages - 1;
  }
  show(0);
  wrapper.append(scroller, nav);
  return wrapper;
}
