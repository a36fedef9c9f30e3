/**
 * The start of a file as the DuckDB ingest path needs it: whether the file
 * can take that path at all, the comment lines before the header, and the
 * header mapped to the contract's columns.
 */
import {open} from 'node:fs/promises';
import Papa from 'papaparse';
import type {InputTableSpec} from '../../src/lib/input-tables.ts';
import {detectEncoding, hasUtf8Bom, isSpreadsheet} from './detect-encoding.ts';
import {type HeaderMapping, mapHeaders} from './map-headers.ts';
import {splitPreamble} from './split-preamble.ts';

/** The head of a UTF-8 CSV file: its comment lines and its header. */
export interface CsvHead {
  /** The physical line of the header; data lines follow it. */
  headerLine: number;
  comments: string[];
  mapping: HeaderMapping;
}

const HEAD_BYTES = 1 << 20;

/** The first MiB of the file at `path`, and whether that is the whole file. */
export async function readFileHead(path: string): Promise<{bytes: Buffer; whole: boolean}> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const {bytesRead} = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return {bytes: buffer.subarray(0, bytesRead), whole: bytesRead < HEAD_BYTES};
  } finally {
    await handle.close();
  }
}

/**
 * Reads the first MiB of `path` and returns its head, or undefined when the
 * file should take the streaming JavaScript path instead: not UTF-8 (GBK
 * needs decoding), an Excel workbook, no header, a header that does not fit
 * in the first MiB or holds a quoted line break. Faults of the header itself
 * (E_MISSING_COLUMN, E_DUPLICATE_COLUMN) are thrown as the streaming path
 * throws them.
 */
export async function readCsvHead(path: string, spec: InputTableSpec): Promise<CsvHead | undefined> {
  const head = await readFileHead(path);
  const {whole} = head;
  let {bytes} = head;
  if (isSpreadsheet(bytes)) return undefined;
  if (hasUtf8Bom(bytes)) bytes = bytes.subarray(3);
  if (detectEncoding(bytes) !== 'utf8') return undefined;
  // Up to the last line break, so no character is cut in two.
  const end = whole ? bytes.length : Math.max(bytes.lastIndexOf(0x0a), bytes.lastIndexOf(0x0d)) + 1;
  const text = bytes.subarray(0, end).toString('utf8');
  const preamble = splitPreamble(text, whole);
  if (!preamble || preamble.rest === '') return undefined;
  const lineEnd = preamble.rest.indexOf(preamble.newline);
  if (lineEnd === -1 && !whole) return undefined;
  const headerText = lineEnd === -1 ? preamble.rest : preamble.rest.slice(0, lineEnd);
  const parsed = Papa.parse<string[]>(headerText, {delimiter: ',', newline: preamble.newline, quoteChar: '"'});
  if (parsed.errors.length > 0 || parsed.data.length !== 1) return undefined;
  const headerLine = preamble.skipped + 1;
  return {headerLine, comments: preamble.comments, mapping: mapHeaders(parsed.data[0]!, spec, headerLine)};
}
