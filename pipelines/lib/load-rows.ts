import {closeSync, openSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {sqlIdentifier, sqlString} from './duckdb.ts';

/**
 * Creates DuckDB table `table` from JS rows, through a JSON Lines file in
 * `workDir` (DuckDB's reader is far faster than appending value by value).
 * `columns` maps each column to its SQL type and fixes the column order.
 */
export async function loadRows(
  connection: DuckDBConnection,
  table: string,
  columns: Record<string, string>,
  rows: readonly object[],
  workDir: string
): Promise<void> {
  const path = join(workDir, `${table}.jsonl`);
  // Written in chunks: one joined string of 600,000 rows would double the peak memory.
  const fd = openSync(path, 'w');
  for (let start = 0; start < rows.length; start += 10_000) {
    writeSync(
      fd,
      rows
        .slice(start, start + 10_000)
        .map((row) => JSON.stringify(row) + '\n')
        .join('')
    );
  }
  closeSync(fd);
  const spec = Object.entries(columns)
    .map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
    .join(', ');
  await connection.run(`CREATE OR REPLACE TABLE ${sqlIdentifier(table)} AS
    SELECT ${Object.keys(columns).map(sqlIdentifier).join(', ')}
    FROM read_json(${sqlString(path)}, format = 'newline_delimited', columns = {${spec}})`);
}
