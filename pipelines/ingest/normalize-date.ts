/**
 * The `date` normaliser: `2020-05-06`, `2020/5/6` and `2020年5月6日` all become
 * the ISO date `2020-05-06`; impossible dates such as 2021-02-30 are refused.
 */
import {invalid, toHalfWidth} from './cell-value.ts';
import type {Invalid} from './cell-value.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
// One separator used throughout (the backreference), so `2020-5/6` is refused. A trailing time of day is
// allowed because Excel writes `2020/5/6 0:00` for a date cell with a time format; the time is dropped.
const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const NOT_DATE = invalid('E_DATE');

/** Returns the ISO date (`2020-05-06`) written in `raw`, null when empty, or E_DATE. */
export function normalizeDate(raw: string): string | null | Invalid {
  const text = raw.trim();
  if (text === '') return null;
  if (ISO.test(text)) return isoDate(+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10)) ?? NOT_DATE;
  const folded = toHalfWidth(text);
  const match = SEPARATED.exec(folded);
  if (match) return isoDate(+match[1]!, +match[3]!, +match[4]!) ?? NOT_DATE;
  const chinese = CHINESE.exec(folded);
  if (chinese) return isoDate(+chinese[1]!, +chinese[2]!, +chinese[3]!) ?? NOT_DATE;
  return NOT_DATE;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
