import {createWriteStream} from 'node:fs';
import {once} from 'node:events';
import {finished} from 'node:stream/promises';
import type {ColumnSpec} from '../../src/lib/input-tables.ts';

/** A cell as generators hand it over: booleans become 1/0, null and undefined an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/** One row keyed by canonical column name. */
export type CsvRow = Record<string, CsvValue>;

/** A CSV file being written row by row. */
export interface CsvWriter {
  /** Appends a row to the in-memory chunk, serialised at once (so callers may reuse the object). */
  push(row: CsvRow): void;
  /**
   * Appends a row given as cells in column order, the fast path for big tables
   * (no per-row object, no lookup by name); use `columnIndex` to place cells.
   */
  pushCells(cells: readonly CsvValue[]): void;
  /** Hands the chunk to the file once it passed ~1 MB, waiting for the stream to drain. */
  flush(): Promise<void>;
  /** Writes what is left, closes the file and returns the number of data rows. */
  close(): Promise<number>;
  /** Closes the file after a failure, discarding what is buffered. */
  abort(): void;
}

// Big enough that a write call carries real work, small enough that the full
// scale's ~2 GB of households never sits in memory.
const CHUNK_CHARS = 1 << 20;
const NEEDS_QUOTES = /[",\r\n]/;

/** Returns a cell as RFC 4180 text: quoted only when it holds a comma, a quote or a line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = typeof value === 'number' ? String(value) : value;
  return NEEDS_QUOTES.test(text) ? quote(text) : text;
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Opens `path` for writing (UTF-8 without BOM, LF line ends): first the
 * `comments` lines, each prefixed with `# `, then the header of `columns`.
 * Every row must carry exactly these columns; the first row is checked so a
 * generator that drifts from the contract fails loudly instead of shifting
 * cells (`pushCells` checks the count only). Only free-text columns
 * (`string`, `list`) are scanned for characters that need quoting: the
 * generators write numbers, dates, flags and enum codes that never contain
 * one, and the full scale's ~11 million household rows are kept lean.
 */
export function openCsvWriter(path: string, columns: readonly ColumnSpec[], comments: readonly string[]): CsvWriter {
  const stream = createWriteStream(path, {encoding: 'utf8'});
  const names = columns.map((c) => c.name);
  const free = columns.map((c) => c.type === 'string' || c.type === 'list');
  let chunk = comments.map((line) => `# ${line}\n`).join('') + names.map(csvCell).join(',') + '\n';
  const values: CsvValue[] = new Array<CsvValue>(names.length);
  let rows = 0;

  // A write error (a full disk, a vanished folder) surfaces at the next flush or
  // close, never as an unhandled 'error' event that would end the process.
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const write = async () => {
    if (failure) throw failure;
    const text = chunk;
    chunk = '';
    if (!stream.write(text)) await once(stream, 'drain');
  };

  const pushCells = (row: readonly CsvValue[]) => {
    if (row.length !== names.length) throw new Error(`${row.length} cells for ${names.length} columns of ${path}`);
    // Inline conversion and plain concatenation measured fastest (about twice
    // a per-cell function call and Array#join) on the full scale's households.
    let line = '';
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      const text =
        typeof value === 'string'
          ? free[i] && NEEDS_QUOTES.test(value)
            ? quote(value)
            : value
          : typeof value === 'number'
            ? String(value)
            : value === true
              ? '1'
              : value === false
                ? '0'
                : '';
      line += i === 0 ? text : ',' + text;
    }
    chunk += line + '\n';
    rows++;
  };

  return {
    push(row) {
      if (rows === 0) assertColumns(path, row, names);
      for (let i = 0; i < names.length; i++) values[i] = row[names[i]!];
      pushCells(values);
    },
    pushCells,
    async flush() {
      if (chunk.length >= CHUNK_CHARS) await write();
    },
    async close() {
      if (chunk.length > 0) await write();
      stream.end();
      await finished(stream);
      if (failure) throw failure;
      return rows;
    },
    abort() {
      chunk = '';
      stream.destroy();
    }
  };
}

function assertColumns(path: string, row: CsvRow, columns: readonly string[]): void {
  const keys = Object.keys(row);
  const missing = columns.filter((c) => !(c in row));
  const extra = keys.filter((k) => !columns.includes(k));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `row does not match the columns of ${path}: missing ${missing.join(' ')}; extra ${extra.join(' ')}`
    );
  }
}

/** Returns the position of `name` among `columns`; throws for a name the contract does not have (a bug of ours). */
export function columnIndex(columns: readonly ColumnSpec[], name: string): number {
  const index = columns.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`no column ${name}`);
  return index;
}
