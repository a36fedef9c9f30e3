/**
 * What a normaliser returns: a typed cell value, `null` for an empty cell, or
 * an `Invalid` naming the error code when the text breaks its column's type.
 */
import type {ErrorCode} from '../lib/error-codes.ts';

/** A normalised cell: text, number, yes/no, ISO date text, code list, or null when empty. */
export type CellValue = string | number | boolean | number[] | null;

/** A cell whose text breaks its column's type; `invalid` is the code to report. */
export interface Invalid {
  readonly invalid: ErrorCode;
}

const cache = new Map<ErrorCode, Invalid>();

/** Returns the shared, frozen `Invalid` for `code` (one object per code, so failing cells allocate nothing). */
export function invalid(code: ErrorCode): Invalid {
  let failure = cache.get(code);
  if (!failure) cache.set(code, (failure = Object.freeze({invalid: code})));
  return failure;
}

/** Whether a normaliser's result is a failure rather than a value. */
export function isInvalid(result: CellValue | Invalid): result is Invalid {
  return typeof result === 'object' && result !== null && !Array.isArray(result);
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000\u2212]/g;

/**
 * Returns `text` with full-width ASCII forms (`９５`, `１，２３４．５`, `％`,
 * `－`), the ideographic space and the minus sign U+2212 replaced by their ASCII
 * equivalents. Deliberately not NFKC: that would also turn `10²` into `102`.
 */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => {
    if (c === '\u3000') return ' ';
    if (c === '\u2212') return '-';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}
