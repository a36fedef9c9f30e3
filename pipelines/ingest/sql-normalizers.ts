/**
 * The value normalisers of normalize-value.ts as DuckDB SQL, for the ingest
 * path that lets DuckDB read a large UTF-8 file. Each must give exactly what
 * its JavaScript twin gives for every cell text — the same value, the same
 * null for an empty cell, the same error code — and a property test holds
 * them to it (tests/pipelines/ingest/sql-normalizers.test.ts).
 */
import type {DuckDBConnection} from '@duckdb/node-api';
import type {ColumnSpec} from '../../src/lib/input-tables.ts';
import {sqlString} from '../lib/duckdb.ts';
import {enumLookup} from './normalize-value.ts';

/** What String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator); DuckDB's trim only knows spaces. */
const JS_SPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  '\u2028\u2029\u202f\u205f\u3000\ufeff';
/** The same characters as an RE2 class body, for the patterns that allow spaces inside (`2020 年 5 月`). */
export const JS_SPACE_CLASS =
  '\\x{09}-\\x{0d}\\x{20}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

// toHalfWidth: U+FF01–U+FF5E to ASCII, the ideographic space to a space, U+2212 to a hyphen-minus.
const FULL = Array.from({length: 0x5e}, (_, i) => String.fromCharCode(0xff01 + i)).join('') + '\u3000\u2212';
const HALF = Array.from({length: 0x5e}, (_, i) => String.fromCharCode(0x21 + i)).join('') + ' -';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const BOOLEAN_TRUE = ['1', '是', 'y', 'yes', 'true', '√'];
const BOOLEAN_FALSE = ['0', '否', 'n', 'no', 'false', '×'];

/**
 * Creates the temporary macros the normaliser expressions use: gs_trim (JS
 * trim), gs_rtrim (JS trimEnd), gs_half (toHalfWidth), gs_fold (toHalfWidth,
 * then lower case) and gs_plain (toPlainDecimal: the plain decimal text of a
 * number, NULL when it is none).
 */
export async function createNormalizerMacros(connection: DuckDBConnection): Promise<void> {
  await connection.run(`
    CREATE OR REPLACE TEMP MACRO gs_trim(x) AS trim(x, ${sqlString(JS_SPACE)});
    CREATE OR REPLACE TEMP MACRO gs_rtrim(x) AS rtrim(x, ${sqlString(JS_SPACE)});
    CREATE OR REPLACE TEMP MACRO gs_half(x) AS translate(x, ${sqlString(FULL)}, ${sqlString(HALF)});
    -- Only ASCII letters are folded: JavaScript's toLowerCase folds others too, but none of them turns into
    -- a letter of the spellings looked up (the Kelvin sign, which becomes k, is in none of them).
    CREATE OR REPLACE TEMP MACRO gs_fold(x) AS translate(gs_half(x), '${UPPER}', '${UPPER.toLowerCase()}');
    CREATE OR REPLACE TEMP MACRO gs_plain(t) AS CASE
      WHEN regexp_full_match(t, '-?[0-9]+(?:\\.[0-9]+)?') THEN t
      WHEN regexp_full_match(gs_half(t), '[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(?:\\.[0-9]+)?')
        AND NOT regexp_full_match(gs_half(t), '[+-]?')
      THEN (CASE WHEN starts_with(gs_half(t), '-') THEN '-' ELSE '' END)
        || coalesce(nullif(replace(regexp_extract(gs_half(t), '^[+-]?([0-9,]*)', 1), ',', ''), ''), '0')
        || regexp_extract(gs_half(t), '\\.[0-9]+$')
    END;
    -- Number(text): a decimal too long for a double is ±Infinity, as in JavaScript; + 0 turns -0 into 0.
    CREATE OR REPLACE TEMP MACRO gs_number(p) AS CASE WHEN p IS NOT NULL THEN
      coalesce(TRY_CAST(p AS DOUBLE), CASE WHEN starts_with(p, '-') THEN '-inf' ELSE 'inf' END::DOUBLE) + 0.0 END;
    CREATE OR REPLACE TEMP MACRO gs_days(y, m) AS CASE
      WHEN m = 2 THEN CASE WHEN y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0) THEN 29 ELSE 28 END
      WHEN m IN (4, 6, 9, 11) THEN 30 ELSE 31 END;
    CREATE OR REPLACE TEMP MACRO gs_iso(y, m, d) AS CASE
      WHEN m BETWEEN 1 AND 12 AND d >= 1 AND d <= gs_days(y, m) THEN printf('%04d-%02d-%02d', y, m, d) END;
  `);
}

/** One column's normaliser in SQL: its typed value and its error code, both NULL for an empty cell. */
export interface SqlNormalizer {
  /** The normalised value (VARCHAR for text, enum, ISO date and `;`-joined lists; BIGINT; DOUBLE; BOOLEAN). */
  value: string;
  /** The error code as a VARCHAR expression, NULL when the cell is valid or empty. */
  error: string;
}

const TIME = '(?:[ T](?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?)?';
// RE2 has no backreferences, so "one separator throughout" is spelt out per separator.
const SEPARATED = ['-', '/', '.'].map((s) => `[0-9]{4}\\${s}[0-9]{1,2}\\${s}[0-9]{1,2}${TIME}`).join('|');
const CHINESE = `([0-9]{4})[${JS_SPACE_CLASS}]*年[${JS_SPACE_CLASS}]*([0-9]{1,2})[${JS_SPACE_CLASS}]*月[${JS_SPACE_CLASS}]*([0-9]{1,2})[${JS_SPACE_CLASS}]*日`;

/**
 * Returns the SQL normaliser of `column` applied to the raw cell text `raw`
 * (a VARCHAR expression, never NULL). Requires the macros of
 * createNormalizerMacros.
 */
export function sqlNormalizer(column: ColumnSpec, raw: string): SqlNormalizer {
  const t = `gs_trim(${raw})`;
  const code = (c: string) => sqlString(c);
  switch (column.type) {
    case 'string':
      return {value: `nullif(${t}, '')`, error: 'NULL'};
    case 'int': {
      const number = `gs_number(gs_plain(${t}))`;
      const safe = `(gs_plain(${t}) IS NOT NULL AND ${number} = trunc(${number}) AND abs(${number}) <= 9007199254740991)`;
      return {
        value: `CASE WHEN ${t} = '' THEN NULL WHEN regexp_full_match(${t}, '[0-9]{1,15}') THEN CAST(${t} AS BIGINT)
          WHEN ${safe} THEN CAST(${number} AS BIGINT) END`,
        error: `CASE WHEN ${t} <> '' AND NOT regexp_full_match(${t}, '[0-9]{1,15}') AND NOT ${safe}
          THEN ${code('E_INTEGER')} END`
      };
    }
    case 'decimal':
      return {
        value: `CASE WHEN ${t} <> '' THEN gs_number(gs_plain(${t})) END`,
        error: `CASE WHEN ${t} <> '' AND gs_plain(${t}) IS NULL THEN ${code('E_NUMBER')} END`
      };
    case 'share': {
      const text = `gs_trim(gs_half(${raw}))`;
      const percent = `ends_with(${text}, '%')`;
      const plain = `gs_plain(CASE WHEN ${percent} THEN gs_rtrim(${text}[:-2]) ELSE ${text} END)`;
      return {
        // Shifting the decimal point in the text rounds once, as the JavaScript does (33.3% -> 0.333).
        value: `CASE WHEN ${text} <> '' THEN gs_number(CASE WHEN ${percent} THEN ${plain} || 'e-2' ELSE ${plain} END) END`,
        error: `CASE WHEN ${text} <> '' AND ${plain} IS NULL THEN ${code('E_SHARE')} END`
      };
    }
    case 'bool': {
      const folded = `gs_fold(${t})`;
      const list = (xs: string[]) => xs.map(sqlString).join(', ');
      return {
        value: `CASE WHEN ${folded} IN (${list(BOOLEAN_TRUE)}) THEN true WHEN ${folded} IN (${list(BOOLEAN_FALSE)}) THEN false END`,
        error: `CASE WHEN ${t} <> '' AND ${folded} NOT IN (${list([...BOOLEAN_TRUE, ...BOOLEAN_FALSE])})
          THEN ${code('E_BOOLEAN')} END`
      };
    }
    case 'enum': {
      const lookup = [...enumLookup(column.values ?? {})];
      const cases = (x: string) =>
        `CASE ${x} ${lookup.map(([key, value]) => `WHEN ${sqlString(key)} THEN ${sqlString(value)}`).join(' ')} END`;
      const value = `coalesce(${cases(t)}, ${cases(`gs_fold(${t})`)})`;
      return {value, error: `CASE WHEN ${t} <> '' AND ${value} IS NULL THEN ${code('E_ENUM')} END`};
    }
    case 'date': {
      const half = `gs_half(${t})`;
      const part = (text: string, pattern: string, group: number) =>
        `TRY_CAST(regexp_extract(${text}, '${pattern}', ${group}) AS INTEGER)`;
      const iso = `gs_iso(${part(t, '^([0-9]{4})', 1)}, ${part(t, '^.{5}([0-9]{2})', 1)}, ${part(t, '([0-9]{2})$', 1)})`;
      const numbers = '^([0-9]{4}).([0-9]{1,2}).([0-9]{1,2})';
      const separated = `gs_iso(${part(half, numbers, 1)}, ${part(half, numbers, 2)}, ${part(half, numbers, 3)})`;
      const chinese = `gs_iso(${part(half, CHINESE, 1)}, ${part(half, CHINESE, 2)}, ${part(half, CHINESE, 3)})`;
      const value = `CASE WHEN regexp_full_match(${t}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN ${iso}
        WHEN regexp_full_match(${half}, '${SEPARATED}') THEN ${separated}
        WHEN regexp_full_match(${half}, '${CHINESE}') THEN ${chinese} END`;
      return {value, error: `CASE WHEN ${t} <> '' AND (${value}) IS NULL THEN ${code('E_DATE')} END`};
    }
    case 'list': {
      // risk_flags: items split at ; ； 、 , ， — each a whole number 1–10 — kept sorted and without repeats.
      const items = `list_filter(list_transform(regexp_split_to_array(${t}, '[;；、,，]'), x -> gs_trim(gs_half(x))), x -> x <> '')`;
      const bad = `list_bool_or(list_transform(${items}, x -> NOT regexp_full_match(x, '[0-9]{1,2}') OR coalesce(TRY_CAST(x AS INTEGER) NOT BETWEEN 1 AND 10, true)))`;
      const joined = `array_to_string(list_sort(list_distinct(list_transform(${items}, x -> TRY_CAST(x AS INTEGER)))), ';')`;
      return {
        value: `CASE WHEN ${t} <> '' AND NOT coalesce(${bad}, false) THEN nullif(${joined}, '') END`,
        error: `CASE WHEN ${t} <> '' AND coalesce(${bad}, false) THEN ${code('E_RISK_FLAG')} END`
      };
    }
  }
}
