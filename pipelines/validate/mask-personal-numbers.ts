/**
 * Hides ID and phone numbers in the values a rejection report quotes. PII
 * columns are never quoted, but a clerk's slip can put a head's ID number in
 * household_id (and a duplicate then quotes it as the key) or a phone number
 * in members: the report, printed and passed around an office, must not carry
 * them either.
 */

const DIGIT = '[0-9０-９]';
// A resident ID number (18 characters, the last may be X; or the old 15 digits) or a mobile number (11 digits,
// 13x–19x, as often written in groups of 3-4-4), standing alone: not part of a longer digit run.
const PERSONAL_NUMBER = new RegExp(
  `(?<!${DIGIT})(?:${DIGIT}{17}[0-9０-９XxＸｘ]|${DIGIT}{15}|[1１][3-9３-９]${DIGIT}(?:[ \\-－]?${DIGIT}{4}){2})(?!${DIGIT})`,
  'g'
);

/** `text` with every digit of an ID or phone number in it replaced by `*`. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(PERSONAL_NUMBER, (number) => number.replace(/[0-9０-９XxＸｘ]/g, '*'));
}
