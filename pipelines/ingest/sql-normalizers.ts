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
    -- Whether x holds any white space: a chain of substring searches costs a fraction of one regular expression
    -- over a Unicode class, and of DuckDB's trim with a set of characters.
    CREATE OR REPLACE TEMP MACRO gs_has_space(x) AS ${[...JS_SPACE].map((c) => `contains(x, ${sqlString(c)})`).join(' OR ')};
    CREATE OR REPLACE TEMP MACRO gs_rtrim(x) AS rtrim(x, ${sqlString(JS_SPACE)});
    -- DuckDB's translate costs tens of microseconds a cell: only text holding a full-width form goes through it
    -- (strlen = length is the cheap test for ASCII).
    CREATE OR REPLACE TEMP MACRO gs_half(x) AS CASE
      WHEN strlen(x) = length(x) OR NOT regexp_matches(x, '[\\x{ff01}-\\x{ff5e}\\x{3000}\\x{2212}]') THEN x
      ELSE translate(x, ${sqlString(FULL)}, ${sqlString(HALF)}) END;
    -- Only ASCII letters are folded: JavaScript's toLowerCase folds others too, but none of them turns into
    -- a letter of the spellings looked up (the Kelvin sign, which becomes k, is in none of them).
    CREATE OR REPLACE TEMP MACRO gs_fold(x) AS CASE WHEN strlen(x) = length(x) THEN lower(x)
      ELSE translate(gs_half(x), '${UPPER}', '${UPPER.toLowerCase()}') END;
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

/**
 * One column's normaliser in SQL: columns to compute first, in layers (each
 * may use the ones before), then its typed value and its error code, both
 * NULL for an empty cell. Layers keep each step computed once: written as one
 * expression, the nested macros would repeat the trimming and folding dozens
 * of times per cell and take DuckDB seconds to plan.
 */
export interface SqlNormalizer {
  layers: [alias: string, expr: string][][];
  /** The normalised value (VARCHAR for text, enum, ISO date and `;`-joined lists; BIGINT; DOUBLE; BOOLEAN). */
  value: string;
  /** The error code as a VARCHAR expression, NULL when the cell is valid or empty. */
  error: string;
}

const TIME = '(?:[ T](?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?)?';
// RE2 has no backreferences, so "one separator throughout" is spelt out per separator.
const SEPARATED = ['-', '/', '.'].map((s) => `[0-9]{4}\\${s}[0-9]{1,2}\\${s}[0-9]{1,2}${TIME}`).join('|');
const CHINESE = `([0-9]{4})[${JS_SPACE_CLASS}]*年[${JS_SPACE_CLASS}]*([0-9]{1,2})[${JS_SPACE_CLASS}]*月[${JS_SPACE_CLASS}]*([0-9]{1,2})[${JS_SPACE_CLASS}]*日`;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Returns the SQL normaliser of `column` applied to the raw cell text `raw`
 * (a VARCHAR expression, never NULL); its layer columns are named `<id>_…`.
 * `spaced`, when given, is a condition that holds whenever the cell may begin
 * or end with white space: DuckDB's trim with a set of characters costs tens
 * of microseconds a cell, so cells known to need none skip it. Requires the
 * macros of createNormalizerMacros.
 */
export function sqlNormalizer(column: ColumnSpec, raw: string, id: string, spaced = 'true'): SqlNormalizer {
  const t = `${id}_t`;
  const trim = (x: string) =>
    spaced === 'true' ? `gs_trim(${x})` : `CASE WHEN ${spaced} THEN gs_trim(${x}) ELSE ${x} END`;
  const trimmed: [string, string] = [t, trim(raw)];
  const lookup = (x: string, pairs: [string, string][]) =>
    `CASE ${x} ${pairs.map(([key, value]) => `WHEN ${sqlString(key)} THEN ${value}`).join(' ')} END`;
  const code = (c: string) => sqlString(c);
  switch (column.type) {
    case 'string':
      return {layers: [[trimmed]], value: `nullif(${t}, '')`, error: 'NULL'};
    case 'int': {
      // Most cells are a few ASCII digits: they skip the number parsing (as digitsValue does in JavaScript).
      // A digit string is one that reads back unchanged through UBIGINT (`+5`, `007`, `1_000` do not).
      const [fast, n] = [`${id}_fast`, `${id}_n`];
      const safe = `coalesce(${n} = trunc(${n}) AND abs(${n}) <= ${MAX_SAFE}, false)`;
      return {
        layers: [
          [trimmed],
          [[fast, `coalesce(length(${t}) <= 15 AND TRY_CAST(${t} AS UBIGINT)::VARCHAR = ${t}, false)`]],
          [[n, `CASE WHEN ${t} <> '' AND NOT ${fast} THEN gs_number(gs_plain(${t})) END`]]
        ],
        value: `CASE WHEN ${fast} THEN CAST(${t} AS BIGINT) WHEN ${safe} THEN CAST(${n} AS BIGINT) END`,
        error: `CASE WHEN ${t} <> '' AND NOT ${fast} AND NOT ${safe} THEN ${code('E_INTEGER')} END`
      };
    }
    case 'decimal': {
      const p = `${id}_p`;
      return {
        layers: [[trimmed], [[p, `CASE WHEN ${t} <> '' THEN gs_plain(${t}) END`]]],
        value: `gs_number(${p})`,
        error: `CASE WHEN ${t} <> '' AND ${p} IS NULL THEN ${code('E_NUMBER')} END`
      };
    }
    case 'share':
    case 'quantity': {
      const [text, percent, p] = [`${id}_s`, `${id}_pc`, `${id}_p`];
      return {
        layers: [
          // toHalfWidth then trim, as in JavaScript (the two commute: both treat U+3000 as white space).
          [[text, trim(`gs_half(${raw})`)]],
          [[percent, `ends_with(${text}, '%')`]],
          [
            [
              p,
              `CASE WHEN ${text} <> '' THEN gs_plain(CASE WHEN ${percent} THEN gs_rtrim(${text}[:-2]) ELSE ${text} END) END`
            ]
          ]
        ],
        // Shifting the decimal point in the text rounds once, as the JavaScript does (33.3% -> 0.333).
        value: `gs_number(CASE WHEN ${percent} THEN ${p} || 'e-2' ELSE ${p} END)`,
        error: `CASE WHEN ${text} <> '' AND ${p} IS NULL THEN ${code(column.type === 'share' ? 'E_SHARE' : 'E_NUMBER')} END`
      };
    }
    case 'bool': {
      // The spellings as written first (`1`, `是`), then folded (`YES`, `ｙ`): folding is the slow part.
      const [direct, b] = [`${id}_direct`, `${id}_b`];
      const pairs: [string, string][] = [
        ...BOOLEAN_TRUE.map((k): [string, string] => [k, 'true']),
        ...BOOLEAN_FALSE.map((k): [string, string] => [k, 'false'])
      ];
      return {
        layers: [
          [trimmed],
          [[direct, lookup(t, pairs)]],
          [
            [
              b,
              `CASE WHEN ${direct} IS NOT NULL THEN ${direct} WHEN ${t} <> '' THEN ${lookup(`gs_fold(${t})`, pairs)} END`
            ]
          ]
        ],
        value: b,
        error: `CASE WHEN ${t} <> '' AND ${b} IS NULL THEN ${code('E_BOOLEAN')} END`
      };
    }
    case 'enum': {
      const [direct, e] = [`${id}_direct`, `${id}_e`];
      const pairs = [...enumLookup(column.values ?? {})].map(([key, value]): [string, string] => [
        key,
        sqlString(value)
      ]);
      return {
        layers: [
          [trimmed],
          [[direct, lookup(t, pairs)]],
          [
            [
              e,
              `CASE WHEN ${direct} IS NOT NULL THEN ${direct} WHEN ${t} <> '' THEN ${lookup(`gs_fold(${t})`, pairs)} END`
            ]
          ]
        ],
        value: e,
        error: `CASE WHEN ${t} <> '' AND ${e} IS NULL THEN ${code('E_ENUM')} END`
      };
    }
    case 'date': {
      const [h, d] = [`${id}_h`, `${id}_d`];
      const part = (text: string, pattern: string, group: number) =>
        `TRY_CAST(regexp_extract(${text}, '${pattern}', ${group}) AS INTEGER)`;
      const iso = `gs_iso(${part(t, '^([0-9]{4})', 1)}, ${part(t, '^.{5}([0-9]{2})', 1)}, ${part(t, '([0-9]{2})$', 1)})`;
      const numbers = '^([0-9]{4}).([0-9]{1,2}).([0-9]{1,2})';
      const separated = `gs_iso(${part(h, numbers, 1)}, ${part(h, numbers, 2)}, ${part(h, numbers, 3)})`;
      const chinese = `gs_iso(${part(h, CHINESE, 1)}, ${part(h, CHINESE, 2)}, ${part(h, CHINESE, 3)})`;
      const date = `CASE WHEN ${t} = '' THEN NULL WHEN regexp_full_match(${t}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN ${iso}
        WHEN regexp_full_match(${h}, '${SEPARATED}') THEN ${separated}
        WHEN regexp_full_match(${h}, '${CHINESE}') THEN ${chinese} END`;
      return {
        layers: [[trimmed], [[h, `gs_half(${t})`]], [[d, date]]],
        value: d,
        error: `CASE WHEN ${t} <> '' AND ${d} IS NULL THEN ${code('E_DATE')} END`
      };
    }
    case 'list': {
      // risk_flags: items split at ; ； 、 , ， — each a whole number 1–10 — kept sorted and without repeats.
      const [items, bad] = [`${id}_items`, `${id}_bad`];
      const split = `list_filter(list_transform(regexp_split_to_array(${t}, '[;；、,，]'), x -> gs_trim(gs_half(x))), x -> x <> '')`;
      const wrong = `x -> NOT regexp_full_match(x, '[0-9]{1,2}') OR coalesce(TRY_CAST(x AS INTEGER) NOT BETWEEN 1 AND 10, true)`;
      return {
        layers: [
          [trimmed],
          [[items, `CASE WHEN ${t} <> '' THEN ${split} END`]],
          [[bad, `coalesce(list_bool_or(list_transform(${items}, ${wrong})), false)`]]
        ],
        value: `CASE WHEN NOT ${bad} THEN nullif(array_to_string(list_sort(list_distinct(list_transform(${items}, x -> TRY_CAST(x AS INTEGER)))), ';'), '') END`,
        error: `CASE WHEN ${t} <> '' AND ${bad} THEN ${code('E_RISK_FLAG')} END`
      };
    }
  }
}

/**
 * Returns a SELECT of everything in `from` plus the layer columns of
 * `normalizers`, one nested SELECT per layer depth.
 */
export function selectLayers(from: string, normalizers: readonly SqlNormalizer[]): string {
  const depth = Math.max(0, ...normalizers.map((n) => n.layers.length));
  let sql = from;
  for (let i = 0; i < depth; i++) {
    const columns = normalizers.flatMap((n) => n.layers[i] ?? []).map(([alias, expr]) => `${expr} AS ${alias}`);
    sql = `SELECT *${columns.length ? ', ' + columns.join(', ') : ''} FROM (${sql})`;
  }
  return sql;
}
