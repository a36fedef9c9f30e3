/**
 * The value normalisers, one per column type of src/lib/input-tables.ts: each
 * takes the raw cell text and returns the typed value, null for an empty cell
 * (missing), or an `Invalid` naming the error code. They are pure, so the same
 * text always gives the same result.
 */
import type {ColumnSpec} from '../../src/lib/input-tables.ts';
import {invalid, toHalfWidth} from './cell-value.ts';
import type {CellValue, Invalid} from './cell-value.ts';
import {normalizeDate} from './normalize-date.ts';
import {normalizeDecimal, normalizeInteger, normalizeQuantity, normalizeShare} from './normalize-number.ts';

export {normalizeDate} from './normalize-date.ts';
export {normalizeDecimal, normalizeInteger, normalizeQuantity, normalizeShare} from './normalize-number.ts';

/** Returns the trimmed text, or null when it is empty (spaces, full-width spaces and a BOM count as empty). */
export function normalizeString(raw: string): string | null {
  const text = raw.trim();
  return text === '' ? null : text;
}

const BOOLEANS = new Map<string, boolean>([
  ['1', true],
  ['0', false],
  ['是', true],
  ['否', false],
  ['y', true],
  ['n', false],
  ['yes', true],
  ['no', false],
  ['true', true],
  ['false', false],
  ['√', true],
  ['×', false]
]);
const NOT_BOOLEAN = invalid('E_BOOLEAN');

/** Returns true for `1`, `是`, `Y`, `yes`, `true`, `√` and false for `0`, `否`, `N`, `no`, `false`, `×` (any case, full-width too); null when empty, or E_BOOLEAN. */
export function normalizeBoolean(raw: string): boolean | null | Invalid {
  // The common spellings first, by plain comparison: hashing a fresh string for a Map lookup costs more.
  switch (raw) {
    case '是':
    case '1':
      return true;
    case '否':
    case '0':
      return false;
    case '':
      return null;
  }
  const text = raw.trim();
  if (text === '') return null;
  return BOOLEANS.get(text) ?? BOOLEANS.get(toHalfWidth(text).toLowerCase()) ?? NOT_BOOLEAN;
}

/**
 * Returns the lookup an enum column's cells are read through: each canonical
 * code (also in lower case) and each Chinese label, to the canonical code.
 */
export function enumLookup(values: Record<string, string>): ReadonlyMap<string, string> {
  const lookup = new Map<string, string>();
  for (const [code, label] of Object.entries(values)) {
    lookup.set(code, code).set(code.toLowerCase(), code).set(label, code);
  }
  return lookup;
}

const NOT_ENUM = invalid('E_ENUM');

/** Returns the canonical code for a code or Chinese label (`已脱贫` -> `exited`), null when empty, or E_ENUM. */
export function normalizeEnum(raw: string, lookup: ReadonlyMap<string, string>): string | null | Invalid {
  const text = raw.trim();
  if (text === '') return null;
  return lookup.get(text) ?? lookup.get(toHalfWidth(text).toLowerCase()) ?? NOT_ENUM;
}

const LIST_SEPARATORS = /[;；、,，]/;
const RISK_FLAG = /^\d{1,2}$/;
const NOT_RISK_FLAG = invalid('E_RISK_FLAG');

/**
 * Returns the risk feature codes in `raw` (`"3;1、3"` -> `[1, 3]`) as a sorted
 * array without duplicates, null when empty, or E_RISK_FLAG when an item is not
 * a whole number 1–10. Items are separated by `;` `；` `、` `,` or `，`; empty
 * items (a trailing `;`) are skipped.
 */
export function normalizeRiskFlags(raw: string): number[] | null | Invalid {
  const text = raw.trim();
  if (text === '') return null;
  const flags: number[] = [];
  for (const part of text.split(LIST_SEPARATORS)) {
    const item = toHalfWidth(part).trim();
    if (item === '') continue;
    const flag = RISK_FLAG.test(item) ? Number(item) : 0;
    if (flag < 1 || flag > 10) return NOT_RISK_FLAG;
    if (!flags.includes(flag)) flags.push(flag);
  }
  return flags.length === 0 ? null : flags.sort((a, b) => a - b);
}

/** Returns the normaliser for one column of the input contract, chosen by its type. */
export function columnNormalizer(column: ColumnSpec): (raw: string) => CellValue | Invalid {
  switch (column.type) {
    case 'string':
      return normalizeString;
    case 'int':
      return normalizeInteger;
    case 'decimal':
      return normalizeDecimal;
    case 'share':
      return normalizeShare;
    case 'quantity':
      return normalizeQuantity;
    case 'bool':
      return normalizeBoolean;
    case 'date':
      return normalizeDate;
    case 'list':
      // The contract's only list column is risk_flags (section 4's codes 1–10).
      return normalizeRiskFlags;
    case 'enum': {
      const lookup = enumLookup(column.values ?? {});
      return (raw) => normalizeEnum(raw, lookup);
    }
  }
}
