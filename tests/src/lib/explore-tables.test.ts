import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DuckDBInstance} from '@duckdb/node-api';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createTableSql, duckdbType} from '../../../src/lib/explore-tables.ts';

// The published CSV form: BOM, CRLF, empty cells for missing values, quoted free text.
const CSV =
  '\uFEFFcode,year,amount,flag,issued,note\r\n' +
  '0360,2024,1012979.37,true,2024-02-16,"a, ""quoted"" note"\r\n' +
  '3607,2025,,false,,""\r\n';

describe('createTableSql', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongshi-explore-'));
    await writeFile(join(dir, 'sample.csv'), CSV);
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it('loads a published CSV with the schema types: codes stay text, empty cells are NULL', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const fields = [
      {name: 'code', type: 'string'},
      {name: 'year', type: 'integer'},
      {name: 'amount', type: 'number'},
      {name: 'flag', type: 'boolean'},
      {name: 'issued', type: 'date'},
      {name: 'note', type: 'string'}
    ];
    await connection.run(createTableSql({name: 'sample', url: '', file: join(dir, 'sample.csv'), fields}));
    const types = await connection.runAndReadAll(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'sample' ORDER BY ordinal_position"
    );
    expect(types.getRowsJS()).toEqual(fields.map((f) => [f.name, duckdbType(f.type)]));
    const rows = await connection.runAndReadAll(
      'SELECT code, year, amount, flag, CAST(issued AS VARCHAR), note FROM sample'
    );
    expect(rows.getRowsJS()).toEqual([
      ['0360', 2024n, 1012979.37, true, '2024-02-16', 'a, "quoted" note'],
      ['3607', 2025n, null, false, null, null]
    ]);
    connection.closeSync();
  });

  it('refuses a schema type it cannot load exactly', () => {
    expect(() => duckdbType('geopoint')).toThrow('no duckdb type for table schema type: geopoint');
  });
});
