import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import Papa from 'papaparse';

/** A parsed sample row: every cell as written, empty string for a missing value. */
export type SampleRow = Record<string, string>;

/**
 * Parses one CSV of a sample folder, skipping its leading `#` comment lines.
 * With `onRow` rows are streamed and not kept (for the default scale's
 * households); otherwise they are returned.
 */
export function readSample(dir: string, file: string, onRow?: (row: SampleRow) => void): SampleRow[] {
  const text = readFileSync(join(dir, file), 'utf8');
  const rows: SampleRow[] = [];
  // Without a quote character a CSV is plain comma-separated lines: splitting is
  // exact and several times faster than PapaParse on ~60 MB of households.
  if (onRow && !text.includes('"')) {
    const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    const header = lines[0]!.split(',');
    for (let i = 1; i < lines.length; i++) {
      const cells = lines[i]!.split(',');
      if (cells.length !== header.length) throw new Error(`${file}:${i + 1}: ${cells.length} cells`);
      onRow(Object.fromEntries(header.map((name, c) => [name, cells[c]!])));
    }
    return rows;
  }
  Papa.parse<SampleRow>(text, {
    header: true,
    comments: '#',
    skipEmptyLines: true,
    step: ({data, errors}) => {
      if (errors.length > 0) throw new Error(`${file}: ${errors[0]!.message}`);
      if (onRow) onRow(data);
      else rows.push(data);
    }
  });
  return rows;
}

/** Whether an 18-character ID number carries the GB 11643-1999 check character, computed as 2^(17-i) mod 11. */
export function hasValidCheckDigit(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11] === id[17];
}
