import {existsSync} from 'node:fs';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import type {Changelog, RevisedValue, RowKey} from '../../src/lib/releases.ts';
import {sqlIdentifier, sqlString} from '../lib/duckdb.ts';
import {readRows} from '../lib/read-rows.ts';

/** A published table as the data package describes it: its name and primary key. */
export interface DiffTable {
  name: string;
  primaryKey: string[];
}

export interface DiffOptions {
  /** Data folder of the previous release (its `<name>.parquet` files). */
  previousDir: string;
  /** Data folder of this release. */
  currentDir: string;
  /** Tables of both releases (a table in only one counts as wholly added or removed). */
  tables: readonly DiffTable[];
  release: string;
  previous: string;
  /** Largest number of row keys listed per kind and table (the counts are always complete). */
  keyLimit?: number;
}

/**
 * Compares two releases in DuckDB, table by table, on the tables' primary
 * keys (read from the typed Parquet files): rows added, removed and changed
 * (a cell other than the key differs, NULL-aware), columns added and
 * removed, and every published indicator value that was revised (old and new
 * value per indicator, region and year; a value newly withheld or newly
 * published counts as revised).
 */
export async function diffReleases(connection: DuckDBConnection, options: DiffOptions): Promise<Changelog> {
  const {previousDir, currentDir, keyLimit = 10_000} = options;
  const tables: Changelog['tables'] = [];
  for (const table of options.tables) {
    const before = parquetOf(previousDir, table.name);
    const after = parquetOf(currentDir, table.name);
    // An absent side reads as an empty table of the other side's columns.
    const source = (path: string | null, other: string) =>
      path ? `read_parquet(${sqlString(path)})` : `(SELECT * FROM read_parquet(${sqlString(other)}) LIMIT 0)`;
    await connection.run(`CREATE OR REPLACE TEMP VIEW diff_before AS SELECT * FROM ${source(before, after!)}`);
    await connection.run(`CREATE OR REPLACE TEMP VIEW diff_after AS SELECT * FROM ${source(after, before!)}`);
    const beforeColumns = await columnsOf(connection, 'diff_before');
    const afterColumns = await columnsOf(connection, 'diff_after');
    const key = table.primaryKey.filter((c) => beforeColumns.includes(c) && afterColumns.includes(c));
    if (key.length !== table.primaryKey.length) throw new Error(`primary key not in both releases: ${table.name}`);
    const compared = afterColumns.filter((c) => beforeColumns.includes(c) && !key.includes(c));
    const keyList = key.map((c) => sqlIdentifier(c)).join(', ');
    // A key column may be NULL (monitoring's risk_flag on total rows): NULL matches NULL.
    const onKey = key.map((c) => `a.${sqlIdentifier(c)} IS NOT DISTINCT FROM b.${sqlIdentifier(c)}`).join(' AND ');
    const keyOf = (alias: string) => key.map((c) => `${alias}.${sqlIdentifier(c)}`).join(', ');
    const differs = compared.map((c) => `a.${sqlIdentifier(c)} IS DISTINCT FROM b.${sqlIdentifier(c)}`).join(' OR ');
    const queries = {
      added: `SELECT ${keyOf('a')} FROM diff_after a ANTI JOIN diff_before b ON ${onKey}`,
      removed: `SELECT ${keyOf('b')} FROM diff_before b ANTI JOIN diff_after a ON ${onKey}`,
      changed: `SELECT ${keyOf('a')} FROM diff_after a JOIN diff_before b ON ${onKey} WHERE ${differs || 'false'}`
    };
    const counts: Record<string, number> = {};
    const keys: Record<string, RowKey[]> = {};
    for (const [kind, sql] of Object.entries(queries)) {
      counts[kind] = await count(connection, `SELECT count(*) FROM (${sql})`);
      keys[kind] = (await readRows(connection, `${sql} ORDER BY ${keyList} LIMIT ${keyLimit}`)) as RowKey[];
    }
    tables.push({
      table: table.name,
      rows_before: before ? await count(connection, 'SELECT count(*) FROM diff_before') : null,
      rows_after: after ? await count(connection, 'SELECT count(*) FROM diff_after') : null,
      added: counts.added!,
      removed: counts.removed!,
      changed: counts.changed!,
      columns_added: before ? afterColumns.filter((c) => !beforeColumns.includes(c)) : [],
      columns_removed: after ? beforeColumns.filter((c) => !afterColumns.includes(c)) : [],
      keys: {added: keys.added!, removed: keys.removed!, changed: keys.changed!}
    });
  }
  return {
    release: options.release,
    previous: options.previous,
    tables,
    key_limit: keyLimit,
    revised_values: await revisedValues(connection, previousDir, currentDir)
  };
}

/** Indicator values published in both releases whose value differs, in key order. */
async function revisedValues(connection: DuckDBConnection, previousDir: string, currentDir: string) {
  const before = parquetOf(previousDir, 'indicator_values');
  const after = parquetOf(currentDir, 'indicator_values');
  if (!before || !after) return [];
  const rows = await readRows(
    connection,
    `SELECT a.indicator_id, a.region_code, a.year::INTEGER AS year, b.value::DOUBLE AS old_value,
       a.value::DOUBLE AS new_value, b.status AS old_status, a.status AS new_status
     FROM read_parquet(${sqlString(after)}) a JOIN read_parquet(${sqlString(before)}) b
       ON a.indicator_id = b.indicator_id AND a.region_code = b.region_code AND a.year = b.year
     WHERE a.value IS DISTINCT FROM b.value
     ORDER BY a.indicator_id, a.region_code, a.year`
  );
  return rows as unknown as RevisedValue[];
}

function parquetOf(dir: string, name: string): string | null {
  const path = join(dir, `${name}.parquet`);
  return existsSync(path) ? path : null;
}

async function columnsOf(connection: DuckDBConnection, view: string): Promise<string[]> {
  return (await readRows(connection, `DESCRIBE ${view}`)).map((c) => String(c.column_name));
}

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRows()[0]![0]);
}
