/**
 * Display formatting of calendar dates from the published tables, which
 * write them as ISO `YYYY-MM-DD` (issued_date, notice_start, …).
 */
import {type Locale, t} from './i18n.ts';
import {MISSING} from './format-number.ts';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

/**
 * Returns an ISO date `YYYY-MM-DD` written for reading: "2020年5月6日" in
 * Chinese, "6 May 2020" in English — with no-break spaces, so that a narrow
 * screen or a printed column never splits a date across lines (Chinese dates
 * are kept whole by the style sheet's `word-break: keep-all`). The string is read as a calendar date,
 * never through `Date`, so the time zone cannot shift it by a day. Null or
 * empty prints as "—"; anything else that is not a real calendar date
 * throws (`invalid date: 2020-02-30`).
 */
export function formatDate(date: string | null | undefined, locale: Locale): string {
  if (date === null || date === undefined || date === '') return MISSING;
  const [year, month, day] = calendarDate(date);
  return locale === 'en' ? `${day}\u00a0${EN_MONTHS[month - 1]}\u00a0${year}` : `${year}年${month}月${day}日`;
}

/**
 * Returns a date written short, for a table column on paper (a notice's 公示表): "2020.5.6" in Chinese, as such
 * tables write it, "6 May 2020" (month abbreviated) in English; "—" for none.
 */
export function formatDateShort(date: string | null | undefined, locale: Locale): string {
  if (date === null || date === undefined || date === '') return MISSING;
  const [year, month, day] = calendarDate(date);
  return locale === 'en' ? `${day}\u00a0${EN_MONTHS[month - 1]!.slice(0, 3)}\u00a0${year}` : `${year}.${month}.${day}`;
}

/** The year, month and day of an ISO date `YYYY-MM-DD`; throws unless it is a real calendar date. */
function calendarDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`invalid date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new Error(`invalid date: ${date}`);
  return [year, month, day];
}

/** Days in `month` (1–12) of `year`, in the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Returns a project's planned dates for reading: "2024年3月1日至2024年11月30日", with a date not fixed yet (a
 * planned project's, or the end of work in progress; contract, projects.csv) written as 待定 / "not set" — once,
 * where neither is fixed. Each date is written by `format` (formatDateShort in a notice's table).
 */
export function formatDateRange(
  start: string | null,
  end: string | null,
  locale: Locale,
  format: (date: string, locale: Locale) => string = formatDate
): string {
  if (!start && !end) return t(locale, 'date.notSet');
  if (!start) return t(locale, 'date.until', {end: format(end!, locale)});
  if (!end) return t(locale, 'date.from', {start: format(start, locale)});
  return t(locale, 'notice.dateRange', {start: format(start, locale), end: format(end, locale)});
}
