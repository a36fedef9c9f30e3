import Papa from 'papaparse';
import type {Cell, ResultColumn} from '../lib/query-result-types.ts';

/**
 * Returns a query result as CSV text in UTF-8 with a byte-order mark (so Excel
 * reads Chinese correctly), like the published files: a header row of the
 * column names, CRLF line ends, NULL as an empty cell, numbers as JavaScript
 * prints them (shortest round-trip form), dates ISO.
 */
export function resultCsv(columns: readonly ResultColumn[], rows: readonly (readonly Cell[])[]): string {
  const data = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  // Cells that start like a formula are written as they are: the file is data, not a spreadsheet to evaluate.
  // An empty cell alone on its line is quoted, else the row would read as a blank line and vanish.
  const quotes = (value: unknown) => columns.length === 1 && value === '';
  const lines = (table: string[][]) => `${Papa.unparse(table, {newline: '\r\n', escapeFormulae: false, quotes})}\r\n`;
  return `\uFEFF${lines([columns.map((c) => c.name)])}${data.length ? lines(data) : ''}`;
}
