/**
 * The SQL normalisers (DuckDB path for large UTF-8 files) against their
 * JavaScript twins, on messy cell texts of every column type: same value, same
 * null for an empty cell, same error code, for every text.
 */
import type {DuckDBConnection} from '@duckdb/node-api';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {isInvalid} from '../../../pipelines/ingest/cell-value.ts';
import {columnNormalizer} from '../../../pipelines/ingest/normalize-value.ts';
import {createNormalizerMacros, selectLayers, sqlNormalizer} from '../../../pipelines/ingest/sql-normalizers.ts';
import {openDuckDB, sqlString} from '../../../pipelines/lib/duckdb.ts';
import {type ColumnSpec, INPUT_TABLES} from '../../../src/lib/input-tables.ts';
import {messyCell} from './messy-cells.ts';

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await openDuckDB();
  await createNormalizerMacros(connection);
});
afterAll(() => connection.closeSync());

/** One column of each type, and every enum column (each has its own spellings). */
const COLUMNS = INPUT_TABLES.flatMap((t) => t.columns).filter(
  (c, i, all) => c.type === 'enum' || all.findIndex((o) => o.type === c.type) === i
);

/** The JavaScript normaliser's verdict in the shape SQL gives: value (lists `;`-joined) and error code. */
function viaJs(column: ColumnSpec, raw: string) {
  const result = columnNormalizer(column)(raw);
  if (isInvalid(result)) return {value: null, error: result.invalid};
  return {value: Array.isArray(result) ? result.join(';') : result, error: null};
}

async function viaSql(column: ColumnSpec, cells: string[]) {
  const normalizer = sqlNormalizer(column, 'raw', 'c');
  const rows = cells.map((cell, i) => `(${i}, ${sqlString(cell)})`).join(', ');
  const from = selectLayers(`SELECT * FROM (VALUES ${rows}) t(i, raw)`, [normalizer]);
  const reader = await connection.runAndReadAll(
    `SELECT ${normalizer.value} AS value, ${normalizer.error} AS error FROM (${from}) ORDER BY i`
  );
  return reader.getRowObjectsJS().map((row) => ({
    value: typeof row.value === 'bigint' ? Number(row.value) : row.value,
    error: row.error
  }));
}

describe('SQL normalisers equal the JavaScript ones', () => {
  for (const column of COLUMNS) {
    it(`${column.type} (${column.name})`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(messyCell(column), {minLength: 1, maxLength: 600}), async (cells) => {
          const sql = await viaSql(column, cells);
          cells.forEach((cell, i) => expect(sql[i], JSON.stringify(cell)).toEqual(viaJs(column, cell)));
        }),
        {numRuns: 12}
      );
    });
  }

  it('agrees on the edge cases written out', async () => {
    const cases: [ColumnSpec['type'], string][] = [
      ['int', '9007199254740993'],
      ['int', '-0'],
      ['decimal', '-0.0'],
      ['decimal', `1${'0'.repeat(400)}`],
      ['decimal', `-1${'0'.repeat(400)}`],
      ['share', '33.3%'],
      ['share', '０.１％'],
      ['date', '２０２０年５月６日'],
      ['date', '2020/5/6 0:00'],
      ['date', '2020-5/6'],
      ['list', '3;1、3'],
      ['list', ';'],
      ['bool', 'Ｙｅｓ']
    ];
    for (const [type, cell] of cases) {
      const column = COLUMNS.find((c) => c.type === type)!;
      expect((await viaSql(column, [cell]))[0], `${type} ${JSON.stringify(cell)}`).toEqual(viaJs(column, cell));
    }
  });
});
