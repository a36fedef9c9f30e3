/**
 * Hides ID and phone numbers in the values a rejection report quotes. PII
 * columns are never quoted, but a clerk's slip can put a head's ID number in
 * household_id (and a duplicate then quotes it as the key) or a phone number
 * in members: the report, printed and passed around an office, must not carry
 * them either.
 */

const D = '[0-9０-９]';
// Between digit groups: up to two spaces, dots or dashes of any width.
const SEP = '[ .\\-－—–]{0,2}';
const CHECK = '[0-9０-９XxＸｘ]';
const SHAPES = [
  // A resident ID number, whole or in its groups (area 6, birth date 8 or 4-4, sequence and check 4); the old 15.
  `${D}{6}${SEP}${D}{4}${SEP}${D}{4}${SEP}${D}{3}${CHECK}`,
  `${D}{15}`,
  // A mobile number, also after +86 and in groups of 3-4-4.
  `(?:[+＋]?[8８][6６]${SEP})?[1１][3-9３-９]${D}(?:${SEP}${D}{4}){2}`,
  // A landline with its area code (0797-5900199, (0797)5900199, 0797 590 0199).
  `[(（]?[0０]${D}{2,3}[)）]?${SEP}${D}{3,4}${SEP}${D}{3,4}`
];
// Standing alone: not part of a longer digit run.
const PERSONAL_NUMBER = new RegExp(`(?<!${D})(?:${SHAPES.join('|')})(?!${D})`, 'g');

/** `text` with every digit of an ID or phone number in it replaced by `*`. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(PERSONAL_NUMBER, (number) => number.replace(/[0-9０-９XxＸｘ]/g, '*'));
}
