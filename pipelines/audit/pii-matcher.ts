/**
 * Finds input PII in a text: ID numbers and phone numbers as digit runs (so
 * that a 12-digit village code is never read as a phone), head names among
 * runs of Han characters once the public vocabulary (region, project and
 * indicator names…) is blanked out, since a two- or three-character name
 * often occurs inside ordinary words.
 */
import {NAME_DOTS, type PiiValues} from '../ingest/collect-pii.ts';

export type PiiKind = 'name' | 'id_number' | 'phone';

/** Reports one occurrence: its kind and offset (in UTF-16 code units). Never the value. */
export type OnPii = (kind: PiiKind, offset: number) => void;

export interface PiiMatcher {
  /** Calls `onPii` for every occurrence of an input name, ID number or phone in `text`, in order of kind. */
  scan(text: string, onPii: OnPii): void;
}

/**
 * Returns a matcher for `pii`, blanking every occurrence of a term of
 * `vocabulary` before looking for names. Names are matched when they are 2
 * or more Han characters (a middle dot allowed, as in transliterated minority
 * names); other names cannot be told from ordinary text and are ignored. A
 * vocabulary term counts by its runs of Han characters (a term such as
 * `赣财农指〔2020〕12号` blanks `赣财农指`).
 */
export function createPiiMatcher(pii: PiiValues, vocabulary: readonly string[]): PiiMatcher {
  const names = new Set<string>();
  for (const raw of pii.names) {
    // A transliterated name is written with any of several dots, or none (阿卜杜·热合曼, 阿卜杜•热合曼, 阿卜杜热合曼).
    const name = raw.replace(NAME_DOTS, '·');
    if (isNameLike(name)) names.add(name);
    const undotted = name.replaceAll('·', '');
    if (undotted !== name && isNameLike(undotted)) names.add(undotted);
  }
  const nameIndex = prefixIndex(names);
  const terms = new Set<string>();
  for (const term of vocabulary) for (const fragment of nameRuns(term)) terms.add(fragment);
  const termIndex = prefixIndex(terms);
  const {idNumbers, phones} = pii;
  // The lengths of the ID and phone numbers: a digit run of any other length is not looked up.
  const lengths = new Uint8Array(64);
  for (const set of [idNumbers, phones]) for (const value of set) if (value.length < 64) lengths[value.length] = 1;

  return {
    scan(text, onPii) {
      if (idNumbers.size > 0 || phones.size > 0) scanDigits(text, idNumbers, phones, lengths, onPii);
      // Other dots read as ·, one for one, so offsets stay those of `text`.
      if (names.size > 0) scanNames(text.replace(NAME_DOTS, '·'), {names, nameIndex, terms, termIndex}, onPii);
    }
  };
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The UTF-16 code units that may be part of a name: CJK ideographs (with
 * extension A, compatibility forms, and surrogates for the supplementary
 * planes, where rare name characters live), 〇, and the middle dots. As a
 * table for single characters and as a regular expression for runs in a text
 * (whose engine skips other text faster than a loop): keep the two alike.
 */
const NAME_UNIT_RANGES = [
  [0x3400, 0x9fff],
  [0xd800, 0xdfff],
  [0xf900, 0xfaff],
  [0x3007, 0x3007],
  [0xb7, 0xb7],
  [0x30fb, 0x30fb],
  [0x2027, 0x2027]
] as const;
const NAME_UNITS = new Uint8Array(0x10000);
for (const [from, to] of NAME_UNIT_RANGES) NAME_UNITS.fill(1, from, to + 1);
const isNameUnit = (c: number) => NAME_UNITS[c] === 1;
const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const NAME_CLASS = `[${NAME_UNIT_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`;
/** Runs of 2 or more name units. */
const NAME_RUN = new RegExp(`${NAME_CLASS}{2,}`, 'g');
/** Name units with one or two spaces between them: a register pads a two-character name with U+3000. */
const GAP = /[ \u3000\u00a0]/;
const SPACED_RUN = new RegExp(`${NAME_CLASS}+(?:[ \u3000\u00a0]{1,2}${NAME_CLASS}+)+`, 'g');

function isNameLike(name: string): boolean {
  if ([...name].length < 2) return false;
  for (let i = 0; i < name.length; i++) if (!isNameUnit(name.charCodeAt(i))) return false;
  return true;
}

/** The runs of name characters of `text` that are 2 or more characters long. */
function nameRuns(text: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i < text.length;) {
    if (!isNameUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isNameUnit(text.charCodeAt(i))) i++;
    const run = text.slice(start, i);
    if ([...run].length >= 2) runs.push(run);
  }
  return runs;
}

// The first two code units as a small integer (a Map hashes those fastest); ideographs sharing
// the low 14 bits of the first unit share a key, which costs only an extra look-up.
const prefixKey = (c0: number, c1: number) => ((c0 & 0x3fff) << 16) | c1;

/** Where strings of a set may start: their first code units, and their lengths by their first two. */
interface PrefixIndex {
  first: Uint8Array;
  lengths: Map<number, number[]>;
}

function prefixIndex(values: Set<string>): PrefixIndex {
  const first = new Uint8Array(0x10000);
  const lengths = new Map<number, number[]>();
  for (const value of values) {
    first[value.charCodeAt(0)] = 1;
    const key = prefixKey(value.charCodeAt(0), value.charCodeAt(1));
    const known = lengths.get(key);
    if (!known) lengths.set(key, [value.length]);
    else if (!known.includes(value.length)) known.push(value.length);
  }
  return {first, lengths};
}

/**
 * Digit runs, also grouped by single spaces or hyphens (`138 1234 5678`).
 * A run is bounded by non-digits, so a digit string inside a longer one (a
 * phone inside a 12-digit code) is never a candidate; nor is either side of a
 * decimal point between digits: `1.13444423929`, a village's rate in a
 * province's indicator_values, is a number, though its 11 decimals are one of
 * the 375,000 phones of the province's sample (six such rates failed the
 * build). Each run, each group
 * joined, a run followed by an ID check character `X`, and a run after a
 * +86/0086 prefix is looked up in both sets, when its length is one of theirs.
 */
function scanDigits(
  text: string,
  idNumbers: Set<string>,
  phones: Set<string>,
  lengths: Uint8Array,
  onPii: OnPii
): void {
  const check = (candidate: string, offset: number) => {
    if (phones.has(candidate)) onPii('phone', offset);
    if (idNumbers.has(candidate)) onPii('id_number', offset);
  };
  const n = text.length;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    let next = text.charCodeAt(j);
    if (inDecimal(text, i, j)) {
      i = j;
      continue;
    }
    // Most runs stand alone: only their length is looked at unless it is a candidate's.
    if ((next !== 32 && next !== 45) || !isDigit(text.charCodeAt(j + 1))) {
      const length = j - i;
      if (lengths[length] === 1 || length === 13 || length === 15 || (next | 0x20) === 0x78) {
        j = checkRun(text, i, j, true, lengths, check);
      }
      i = j;
      continue;
    }
    starts.length = ends.length = 0;
    starts.push(i);
    ends.push(j);
    while ((next === 32 || next === 45) && isDigit(text.charCodeAt(j + 1)) && starts.length < 8) {
      const start = ++j;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      starts.push(start);
      ends.push(j);
      next = text.charCodeAt(j);
    }
    let total = 0;
    for (let r = 0; r < starts.length; r++) {
      total += ends[r]! - starts[r]!;
      const end = checkRun(text, starts[r]!, ends[r]!, r === starts.length - 1, lengths, check);
      if (r === starts.length - 1) j = end;
    }
    const checkChar = hasCheckChar(text, ends[starts.length - 1]!) ? 'X' : '';
    if (lengths[total] === 1 || (checkChar !== '' && lengths[total + 1] === 1)) {
      let joined = '';
      for (let r = 0; r < starts.length; r++) joined += text.slice(starts[r], ends[r]);
      if (lengths[total] === 1) check(joined, i);
      if (checkChar !== '') check(joined + checkChar, i);
    }
    i = j;
  }
}

/** Whether the digit run `text[start, end)` is the integer or the fractional part of a decimal number (`12.5`). */
const inDecimal = (text: string, start: number, end: number) =>
  (text.charCodeAt(start - 1) === 46 && isDigit(text.charCodeAt(start - 2))) ||
  (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1)));

/** Whether an ID check character `X` (or `x`) stands at `at`, not followed by a digit. */
const hasCheckChar = (text: string, at: number) =>
  (text.charCodeAt(at) | 0x20) === 0x78 && !isDigit(text.charCodeAt(at + 1));

/**
 * Looks up the digit run `text[start, end)`: as it is, with a following check
 * character when `last` in its group, and without a +86/0086 prefix. Returns
 * where scanning goes on (past a check character).
 */
function checkRun(
  text: string,
  start: number,
  end: number,
  last: boolean,
  lengths: Uint8Array,
  check: (candidate: string, offset: number) => void
): number {
  const length = end - start;
  const withCheck = last && lengths[length + 1] === 1 && hasCheckChar(text, end);
  const prefixed = (length === 13 || length === 15) && text.startsWith(length === 13 ? '86' : '0086', start);
  if (lengths[length] !== 1 && !withCheck && !prefixed) return end;
  const run = text.slice(start, end);
  if (lengths[length] === 1) check(run, start);
  if (withCheck) check(run + 'X', start);
  if (prefixed) check(run.slice(length - 11), start);
  return withCheck ? end + 1 : end;
}

/** The names to look for and the public words that cover them, with their indexes. */
interface NameLookup {
  names: Set<string>;
  nameIndex: PrefixIndex;
  terms: Set<string>;
  termIndex: PrefixIndex;
}

/**
 * Looks for names in every run of Han characters: each substring whose first
 * two code units start a name and whose length is a name's is looked up. Only
 * in a run with a hit are the vocabulary's terms marked, and a hit that
 * overlaps a term is dropped: the name is part of a public word.
 */
function scanNames(text: string, lookup: NameLookup, onPii: OnPii): void {
  const runs = new RegExp(NAME_RUN);
  for (let match = runs.exec(text); match; match = runs.exec(text)) {
    for (const [at] of uncoveredNames(text, match.index, match.index + match[0].length, lookup)) onPii('name', at);
  }
  scanSpacedNames(text, lookup, onPii);
}

/**
 * Names written with spaces inside (肖, U+3000, 荣华: as a register pads them,
 * copied into a text): runs of name units with one or two spaces between them
 * are read again with the spaces taken out. A name found across a space is
 * reported at its first character (one within a part was found by
 * scanNames); the public vocabulary is blanked as there.
 */
function scanSpacedNames(text: string, lookup: NameLookup, onPii: OnPii): void {
  const runs = new RegExp(SPACED_RUN);
  for (let match = runs.exec(text); match; match = runs.exec(text)) {
    // The run without its spaces, and where each of its characters stands in `text`.
    let joined = '';
    const offsets: number[] = [];
    for (let k = 0; k < match[0].length; k++) {
      if (GAP.test(match[0][k]!)) continue;
      joined += match[0][k];
      offsets.push(match.index + k);
    }
    for (const [at, length] of uncoveredNames(joined, 0, joined.length, lookup)) {
      if (offsets[at + length - 1]! - offsets[at]! !== length - 1) onPii('name', offsets[at]!);
    }
  }
}

const HITS: number[] = [];
const NONE: [number, number][] = [];

/**
 * The names in `text[start, end)` that no public word overlaps, as offsets
 * and lengths; names found at the same place (刘明 and 刘明华) once.
 */
function uncoveredNames(text: string, start: number, end: number, lookup: NameLookup): [number, number][] {
  // Called for every run of Han characters in the site, nearly all without a name: no allocation until one is.
  const hits = HITS;
  hits.length = 0;
  collectMatches(text, start, end, lookup.names, lookup.nameIndex, hits);
  if (hits.length === 0) return NONE;
  const spans: number[] = [];
  collectMatches(text, start, end, lookup.terms, lookup.termIndex, spans);
  const blank = new Uint8Array(end - start);
  for (let t = 0; t < spans.length; t += 2) blank.fill(1, spans[t]! - start, spans[t]! - start + spans[t + 1]!);
  const found: [number, number][] = [];
  let reported = -1;
  for (let h = 0; h < hits.length; h += 2) {
    const [at, length] = [hits[h]!, hits[h + 1]!];
    if (at === reported || blank.subarray(at - start, at - start + length).includes(1)) continue;
    found.push([at, length]);
    reported = at;
  }
  return found;
}

/** Appends the offset and length of every substring of `text[start, end)` that is in `values` to `out`. */
function collectMatches(
  text: string,
  start: number,
  end: number,
  values: Set<string>,
  {first, lengths}: PrefixIndex,
  out: number[]
): void {
  for (let at = start; at + 1 < end; at++) {
    const c0 = text.charCodeAt(at);
    if (first[c0] !== 1) continue;
    const candidates = lengths.get(prefixKey(c0, text.charCodeAt(at + 1)));
    if (!candidates) continue;
    for (const length of candidates) {
      if (at + length <= end && values.has(text.slice(at, at + length))) out.push(at, length);
    }
  }
}
