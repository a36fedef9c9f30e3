/**
 * Dates of the sample as whole days since 1970-01-01 (UTC), so they add and
 * compare as integers and never depend on the machine's time zone.
 */

const MS_PER_DAY = 86_400_000;

/** The first and last year the sample covers. */
export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2025;

/** Every year of the sample, in order. */
export const YEARS: readonly number[] = Array.from({length: LAST_YEAR - FIRST_YEAR + 1}, (_, i) => FIRST_YEAR + i);

/** Returns the day number of a calendar date (month 1–12). */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Returns the day number of 31 December of `year`. */
export function yearEnd(year: number): number {
  return dayOf(year, 12, 31);
}

// Day numbers the sample uses (heads born from 1934, projects ending by 2027) are
// formatted and split into years hundreds of thousands of times: a table of
// them is much faster than a Date per call.
const TABLE_START = Date.UTC(1930, 0, 1) / MS_PER_DAY;
const TABLE_END = Date.UTC(2031, 0, 1) / MS_PER_DAY;
const DAY_TEXT: string[] = [];
const DAY_YEAR: number[] = [];
for (let day = TABLE_START; day < TABLE_END; day++) {
  const text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  DAY_TEXT.push(text);
  DAY_YEAR.push(Number(text.slice(0, 4)));
}

/** Returns the calendar year of a day number. */
export function yearOf(day: number): number {
  return DAY_YEAR[day - TABLE_START] ?? new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return DAY_TEXT[day - TABLE_START] ?? new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
