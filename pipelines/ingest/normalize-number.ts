/**
 * Number normalisers for the `int`, `decimal` and `share` column types. They
 * accept what office spreadsheets write (`1,234.5`, `１，２３４．５`, `95%`) and
 * reject anything that would need a guess.
 */
import {invalid, toHalfWidth} from './cell-value.ts';
import type {Invalid} from './cell-value.ts';

const PLAIN = /^-?\d+(?:\.\d+)?$/;
// Thousands groups must be exact: `1,5` could be a European decimal comma, so it is refused, not guessed.
// Exponents are refused too: Excel writes `1.23457E+11` for a rounded display value.
const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?$/;

/**
 * Returns the plain decimal text (`-1234.5`) of a number written with an
 * optional sign, thousands separators and full-width forms, or undefined if
 * it is not a number. `text` must already be trimmed and non-empty.
 */
export function toPlainDecimal(text: string): string | undefined {
  if (PLAIN.test(text)) return text;
  const match = GROUPED.exec(toHalfWidth(text));
  if (!match) return undefined;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return undefined;
  return `${sign === '-' ? '-' : ''}${whole.replaceAll(',', '') || '0'}${fraction}`;
}

const NOT_INTEGER = invalid('E_INTEGER');
const NOT_NUMBER = invalid('E_NUMBER');
const NOT_SHARE = invalid('E_SHARE');

/**
 * Returns the whole number in `raw`, null when empty, or E_INTEGER. A zero
 * fraction (`3.0`) is accepted; `3.5` and integers beyond 2^53 are not.
 */
export function normalizeInteger(raw: string): number | null | Invalid {
  const text = raw.trim();
  if (text === '') return null;
  const digits = digitsValue(text);
  if (digits !== -1) return digits;
  const plain = toPlainDecimal(text);
  if (plain === undefined) return NOT_INTEGER;
  // `+ 0` turns -0 into 0 here and below: a signed zero means nothing in a table.
  const value = Number(plain) + 0;
  return Number.isSafeInteger(value) ? value : NOT_INTEGER;
}

// Most integer cells are a few ASCII digits: reading them directly skips two regular expressions
// per cell, a tenth of the ingest time of a households file.
function digitsValue(text: string): number {
  if (text.length > 15) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Returns the number in `raw` (`1,234.5`, `-12`, `１２．５`), null when empty, or E_NUMBER. */
export function normalizeDecimal(raw: string): number | null | Invalid {
  const text = raw.trim();
  if (text === '') return null;
  const plain = toPlainDecimal(text);
  return plain === undefined ? NOT_NUMBER : Number(plain) + 0;
}

/**
 * Returns a share as a fraction: `95%` is 0.95 and `0.95` is 0.95; null when
 * empty, or E_SHARE. A share above 1 without `%` is returned as written, for
 * the validate stage to range-check rather than silently dividing by 100.
 */
export function normalizeShare(raw: string): number | null | Invalid {
  return percentOrNumber(raw, NOT_SHARE);
}

/**
 * Returns a quantity (a target): a number as {@link normalizeDecimal} reads it, or a percentage read as a
 * fraction (`95%` = 0.95); null when empty, or E_NUMBER. Whether a percent fits is for the row's rules to
 * say: it depends on the unit of the target's indicator.
 */
export function normalizeQuantity(raw: string): number | null | Invalid {
  return percentOrNumber(raw, NOT_NUMBER);
}

function percentOrNumber(raw: string, failure: Invalid): number | null | Invalid {
  const text = toHalfWidth(raw).trim();
  if (text === '') return null;
  const percent = text.endsWith('%');
  const plain = toPlainDecimal(percent ? text.slice(0, -1).trimEnd() : text);
  if (plain === undefined) return failure;
  // Shifting the decimal point in the text rounds once (33.3% -> 0.333); dividing by 100 would round twice.
  return Number(percent ? `${plain}e-2` : plain) + 0;
}
