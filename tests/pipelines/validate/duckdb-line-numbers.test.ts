/**
 * The DuckDB path numbers a file's lines by the row ids of the table it reads
 * them into, which holds only because DuckDB keeps a file's order when several
 * threads read it. Here a small read buffer and four threads split a file of
 * 20,000 rows into many pieces read at once; every row names its own line in
 * its household_id, so a row numbered wrongly shows.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {closeDuckDB, openDuckDB} from '../../../pipelines/lib/duckdb.ts';
import type {Problem} from '../../../pipelines/lib/error-codes.ts';
import {readRows} from '../../../pipelines/lib/read-rows.ts';
import {householdRulesSql} from '../../../pipelines/validate/household-rules-sql.ts';
import {loadTableInDuckDB} from '../../../pipelines/validate/load-table-in-duckdb.ts';
import {inputTable} from '../../../src/lib/input-tables.ts';
import {minimalInput, toCsv} from './input-folder.ts';

const ROWS = 20_000;
const template = minimalInput().households[0]!;
let folder: string;
let connection: DuckDBConnection;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gongshi-lines-'));
  connection = await openDuckDB();
  await connection.run('SET threads = 4');
  await connection.run(`CREATE TABLE regions AS SELECT '${template.village_code}' AS code, 'village' AS level`);
  // Line 1 a comment, line 2 the header; a blank line every 1,000 rows, a wrong members cell every 997.
  const lines = ['# 合成示例数据 test', toCsv('households', [template]).split('\n')[0]!];
  for (let i = 0; lines.length < ROWS; i++) {
    const line = lines.length + 1;
    if (i % 1000 === 999) lines.push('');
    else {
      const members = line % 997 === 0 ? 'many' : template.members!;
      lines.push(toCsv('households', [{...template, household_id: `H${line}`, members}]).split('\n')[1]!);
    }
  }
  await writeFile(join(folder, 'households.csv'), lines.join('\n') + '\n');
});

afterAll(async () => {
  closeDuckDB(connection);
  await rm(folder, {recursive: true, force: true});
});

describe('the DuckDB path read by several threads', () => {
  it('numbers every accepted and every rejected row with its physical line', async () => {
    const rejected: Problem[] = [];
    const load = await loadTableInDuckDB(
      connection,
      join(folder, 'households.csv'),
      inputTable('households'),
      {
        rules: (v) => householdRulesSql(v, `SELECT code FROM regions WHERE level = 'village'`),
        regionColumn: 'village_code',
        bufferSize: 4096
      },
      (problems) => rejected.push(...problems)
    );
    expect(load).toBeDefined();
    const rows = await readRows(connection, 'SELECT line, household_id FROM households');
    expect(rows.length).toBe(load!.accepted);
    expect(rows.length).toBeGreaterThan(19_000);
    expect(rows.filter((row) => row.household_id !== `H${row.line}`)).toEqual([]);
    expect(rejected.length).toBeGreaterThan(15);
    expect(rejected.filter((problem) => (problem.line ?? 0) % 997 !== 0 || problem.code !== 'E_INTEGER')).toEqual([]);
    expect(load!.result.rowsRead).toBe(load!.accepted + rejected.length);
  });

  it('leaves the file to the streaming path on a connection that may reorder rows', async () => {
    const reordering = await openDuckDB();
    try {
      await reordering.run('SET preserve_insertion_order = false');
      const load = await loadTableInDuckDB(
        reordering,
        join(folder, 'households.csv'),
        inputTable('households'),
        {rules: () => []},
        () => undefined
      );
      expect(load).toBeUndefined();
    } finally {
      closeDuckDB(reordering);
    }
  });
});
