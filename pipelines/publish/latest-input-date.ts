import type {DuckDBConnection} from '@duckdb/node-api';
import {readRows} from '../lib/read-rows.ts';

/**
 * Returns the latest date the input records as done (`YYYY-MM-DD`): a fund
 * issued or a project's notice posted — or null when it records none.
 * A release without a date of its own (site.yml's `release_date`) is dated
 * by it: the data's date, never the clock's, so the same input gives the
 * same release. Projects' start and end dates, and the end of a notice
 * period, are left out: they may still be to come.
 */
export async function latestInputDate(connection: DuckDBConnection): Promise<string | null> {
  const [row] = await readRows(
    connection,
    `SELECT strftime(max(d), '%Y-%m-%d') AS latest FROM (
       SELECT max(issued_date) AS d FROM funds
       UNION ALL SELECT max(notice_start) FROM projects)`
  );
  return (row?.latest as string | null) ?? null;
}
