import {closeSync, openSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import type {ColumnType, InputTableSpec} from '../../src/lib/input-tables.ts';
import type {IngestedRow} from '../ingest/read-input-table.ts';
import {sqlIdentifier, sqlString} from '../lib/duckdb.ts';

/** The DuckDB type each column type is loaded as. */
export const SQL_TYPES: Record<ColumnType, string> = {
  string: 'VARCHAR',
  enum: 'VARCHAR',
  int: 'INTEGER',
  decimal: 'DOUBLE',
  share: 'DOUBLE',
  quantity: 'DOUBLE',
  bool: 'BOOLEAN',
  date: 'DATE',
  list: 'VARCHAR'
};
const FLUSH_AT = 1 << 20;

/** Loads accepted rows of one input table into DuckDB. */
export interface TableLoader {
  add(row: IngestedRow): void;
  /** Creates the DuckDB table (named as the input table) and returns its row count. */
  finish(): Promise<number>;
}

/**
 * Returns a loader that streams accepted, normalised rows to a plain UTF-8
 * CSV in `workDir` and hands it to DuckDB's own reader: for millions of rows
 * this is faster than appending value by value. The table keeps each row's
 * physical `line` so later checks can still name it. PII columns never reach
 * it (ingest drops them); lists are stored as `;`-joined codes.
 */
export function createTableLoader(connection: DuckDBConnection, spec: InputTableSpec, workDir: string): TableLoader {
  const columns = spec.columns.filter((c) => !c.pii);
  const path = join(workDir, `${spec.table}.accepted.csv`);
  const fd = openSync(path, 'w');
  let buffer = '';
  let rows = 0;
  const flush = () => {
    writeSync(fd, buffer);
    buffer = '';
  };
  return {
    add(row) {
      let line = String(row.line);
      for (const column of columns) line += ',' + csvField(row.values[column.name] ?? null);
      buffer += line + '\n';
      rows++;
      if (buffer.length >= FLUSH_AT) flush();
    },
    async finish() {
      flush();
      closeSync(fd);
      const types = [`'line': 'INTEGER'`, ...columns.map((c) => `${sqlString(c.name)}: '${SQL_TYPES[c.type]}'`)];
      const table = sqlIdentifier(spec.table);
      await connection.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv(${sqlString(path)},
        header = false, columns = {${types.join(', ')}}, quote = '"', escape = '"', nullstr = '\\N',
        allow_quoted_nulls = false, auto_detect = false, dateformat = '%Y-%m-%d')`);
      return rows;
    }
  };
}

/** One normalised value as a CSV field; `\N` marks missing so empty strings survive. */
function csvField(value: IngestedRow['values'][string]): string {
  if (value === null) return '\\N';
  if (Array.isArray(value)) return value.join(';');
  if (typeof value !== 'string') return String(value);
  return /[",\n\r\\]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
}
