/**
 * The personal data the final site scan looks for (contract section 3): the
 * distinct head names, ID numbers and phone numbers of households.csv. Read
 * with the ingest reader (same encodings, same header aliases), held only in
 * memory, never written or printed.
 */
import {join} from 'node:path';
import {inputTable} from '../../src/lib/input-tables.ts';
import {normalizeHeader} from './map-headers.ts';
import {parseCsvStream} from './parse-csv-stream.ts';
import {readTextChunks} from './read-text-chunks.ts';
import {JS_SPACE_CLASS} from './sql-normalizers.ts';

/** The distinct PII values of the input, in the forms the scan compares. */
export interface PiiValues {
  /** Head names, whitespace removed (registers pad two-character names: `张\u3000三`). */
  names: Set<string>;
  /** ID numbers, whitespace removed, check character `x` upper-cased. */
  idNumbers: Set<string>;
  /** Phone numbers, digits only, without a +86/0086 prefix. */
  phones: Set<string>;
}

export type PiiColumn = keyof PiiValues;

const COLUMNS: Record<string, PiiColumn> = {head_name: 'names', id_number: 'idNumbers', phone: 'phones'};

/**
 * Returns the distinct, non-empty PII values of `households.csv` in
 * `inputDir` (by canonical header or Chinese alias, UTF-8 or GB18030), in the
 * forms of PiiValues. A file without PII columns gives empty sets. Only unique
 * values are kept, so ~11 million rows with ~1.6 million households fit in a
 * few hundred MB. Throws the ingest reader's PipelineError on a file-level
 * fault (its messages name lines, never values).
 */
export async function collectPii(inputDir: string): Promise<PiiValues> {
  const pii: PiiValues = {names: new Set(), idNumbers: new Set(), phones: new Set()};
  const spec = inputTable('households');
  const byHeader = new Map<string, PiiColumn>();
  for (const column of spec.columns) {
    const set = COLUMNS[column.name];
    if (!column.pii || !set) continue;
    byHeader.set(normalizeHeader(column.name), set).set(normalizeHeader(column.alias), set);
  }
  let columns: {index: number; set: Set<string>; normalize: (raw: string) => string[]; shortest: number}[] = [];
  await parseCsvStream(readTextChunks(join(inputDir, spec.file)), spec.file, {
    header(fields) {
      columns = fields.flatMap((text, index) => {
        const set = byHeader.get(normalizeHeader(text));
        return set ? [{index, set: pii[set], normalize: NORMALIZERS[set], shortest: SHORTEST[set]}] : [];
      });
    },
    record(fields) {
      for (const {index, set, normalize, shortest} of columns) {
        const raw = fields[index];
        // A household repeats every year: most values are already known as they stand.
        if (raw === undefined || raw === '' || set.has(raw)) continue;
        for (const value of normalize(raw)) {
          if (value.length >= shortest && !set.has(value)) set.add(ownCopy(value));
        }
      }
    }
  });
  return pii;
}

const WHITESPACE = /[\s\u3000\uFEFF]+/g;

/**
 * The shortest value that can identify anyone: a placeholder such as 0 or 无
 * in the phone or ID column is no one's number, and would match every digit
 * of the site. Phones have 7 digits at least (a local landline), IDs 15.
 */
const SHORTEST: Record<PiiColumn, number> = {names: 1, idNumbers: 15, phones: 7};

const FULL_WIDTH = '０１２３４５６７８９Ｘｘ';
const HALF_WIDTH = '0123456789Xx';
/** The other dots a transliterated name is written with (阿卜杜•热合曼, 阿卜杜・热合曼): all read as ·. */
export const NAME_DOTS = /[•・‧]/g;
/** What separates two phone numbers written in one cell (13912345672/15800001111). */
const PHONE_SEPARATORS = /[/,;，；、]/;

const halfWidth = (text: string) => text.replace(/[０-９Ｘｘ]/g, (c) => HALF_WIDTH[FULL_WIDTH.indexOf(c)]!);

/**
 * The forms the scans compare values in, by column, as a clerk may have typed
 * them: a name without the spaces a register pads it with, its dots as ·; an
 * ID number without spaces or Excel's leading apostrophe, in ASCII, X upper
 * case; each phone of a cell as its digits, without +86. PII_SQL_FORMS gives
 * the same in DuckDB SQL.
 */
export const NORMALIZERS: Record<PiiColumn, (raw: string) => string[]> = {
  names: (raw) => [raw.replace(WHITESPACE, '').replace(NAME_DOTS, '·')],
  idNumbers: (raw) => [halfWidth(raw).replace(WHITESPACE, '').replaceAll("'", '').toUpperCase()],
  phones: (raw) =>
    halfWidth(raw)
      .split(PHONE_SEPARATORS)
      .map((phone) => {
        const digits = phone.replace(/\D+/g, '');
        // +86 / 0086 country code before an 11-digit mobile number.
        return /^(?:0086|86)1\d{10}$/.test(digits) ? digits.slice(digits.length - 11) : digits;
      })
};

// What JavaScript's \s matches (and U+FEFF), as an RE2 class: DuckDB's \s is ASCII only.
const SQL_WHITESPACE = `[${JS_SPACE_CLASS}]+`;
const sqlHalfWidth = (cell: string) => `translate(${cell}, '${FULL_WIDTH}', '${HALF_WIDTH}')`;

/**
 * NORMALIZERS in DuckDB SQL, over a VARCHAR expression `cell`, each giving a
 * LIST, for the check that compares households' values in DuckDB
 * (personal-data-in-projects.ts); a test holds the two to the same forms.
 */
export const PII_SQL_FORMS: Record<PiiColumn, (cell: string) => string> = {
  names: (cell) => `[translate(regexp_replace(${cell}, '${SQL_WHITESPACE}', '', 'g'), '•・‧', '···')]`,
  idNumbers: (cell) =>
    `[upper(replace(regexp_replace(${sqlHalfWidth(cell)}, '${SQL_WHITESPACE}', '', 'g'), '''', ''))]`,
  phones: (cell) =>
    `list_transform(string_split_regex(${sqlHalfWidth(cell)}, '[/,;，；、]'),
      p -> regexp_replace(regexp_replace(p, '[^0-9]+', '', 'g'), '^(?:0086|86)(1[0-9]{10})$', '\\1'))`
};

/**
 * A copy of `text` that holds no reference to the chunk it was parsed from:
 * V8 keeps a substring of 13 or more characters as a view into its parent,
 * and one 18-digit ID number per chunk would keep the whole file in memory.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}
