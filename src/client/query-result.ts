import type {DataType, Field, RecordBatch} from 'apache-arrow';
import type {Cell, ColumnKind, ResultColumn} from '../lib/query-result-types.ts';

// Arrow type ids (apache-arrow's Type enum), spelled out so the page need not import arrow at run time.
const INT = 2;
const FLOAT = 3;
const DECIMAL = 7;
const DATE = 8;
const TIMESTAMP = 10;
const BOOL = 6;
const UTF8 = 5;
const LARGE_UTF8 = 20;

/** Returns how a column of Arrow type `type` is shown and charted. */
export function columnKind(type: DataType): ColumnKind {
  switch (type.typeId) {
    case INT:
    case FLOAT:
    case DECIMAL:
      return 'number';
    case DATE:
    case TIMESTAMP:
      return 'date';
    case UTF8:
    case LARGE_UTF8:
      return 'string';
    case BOOL:
      return 'boolean';
    default:
      return 'other';
  }
}

/** Returns the columns of an Arrow schema's fields. */
export const resultColumns = (fields: readonly Field[]): ResultColumn[] =>
  fields.map((f) => ({name: f.name, kind: columnKind(f.type), type: String(f.type)}));

/**
 * Appends the rows of an Arrow record batch to `rows` as plain values, up to
 * `limit` rows in all; returns false once the limit is reached. 64-bit
 * integers become numbers while exact (else text, never a rounded number),
 * dates ISO `YYYY-MM-DD`, timestamps `YYYY-MM-DD HH:MM:SS`, nested values JSON.
 */
export function appendRows(rows: Cell[][], batch: RecordBatch, limit: number): boolean {
  const fields = batch.schema.fields;
  const vectors = fields.map((_, i) => batch.getChildAt(i));
  for (let r = 0; r < batch.numRows; r++) {
    if (rows.length >= limit) return false;
    rows.push(fields.map((field, c) => plainValue(vectors[c]?.get(r), field.type)));
  }
  return rows.length < limit;
}

function plainValue(value: unknown, type: DataType): Cell {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case DATE:
      return new Date(Number(value)).toISOString().slice(0, 10);
    case TIMESTAMP:
      // Arrow JS gives every timestamp unit as milliseconds since the epoch.
      return new Date(Number(value))
        .toISOString()
        .replace('T', ' ')
        .replace(/(\.000)?Z$/, '');
    case DECIMAL:
      return decimalNumber(value, (type as DataType & {scale: number}).scale);
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

// Arrow JS gives a decimal as its little-endian 32-bit words (two's complement).
function decimalNumber(value: unknown, scale: number): number | string {
  const words = value as Uint32Array;
  let big = 0n;
  for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i]!);
  if (words.length && words[words.length - 1]! & 0x80000000) big -= 1n << BigInt(32 * words.length);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, '0');
  const text = `${negative ? '-' : ''}${scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
  // Up to 15 significant digits a double holds the decimal exactly enough to print it back; beyond, keep the text.
  return digits.replace(/^0+/, '').length <= 15 ? Number(text) : text;
}
