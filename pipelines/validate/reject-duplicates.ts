import type {DuckDBConnection} from '@duckdb/node-api';
import type {Problem} from '../lib/error-codes.ts';
import {sqlIdentifier} from '../lib/duckdb.ts';

/**
 * Removes from a loaded table every row whose key occurs more than once and
 * returns one E_DUPLICATE problem per removed row, pointing at another line
 * with the same key. All copies go: which of them is right is not ours to
 * guess. Runs in DuckDB so that millions of household rows need no JS index.
 */
export async function rejectDuplicates(
  connection: DuckDBConnection,
  file: string,
  table: string,
  keys: string[]
): Promise<Problem[]> {
  const keyList = keys.map(sqlIdentifier).join(', ');
  const keyText = keys.map((k) => `CAST(${sqlIdentifier(k)} AS VARCHAR)`).join(` || ' / ' || `);
  const reader = await connection.runAndReadAll(`
    WITH copies AS (
      SELECT line, ${keyText} AS key_text,
        min(line) OVER w AS first_line, max(line) OVER w AS last_line, count(*) OVER w AS n
      FROM ${sqlIdentifier(table)} WINDOW w AS (PARTITION BY ${keyList}))
    SELECT line, key_text, CASE WHEN line = first_line THEN last_line ELSE first_line END AS other_line
    FROM copies WHERE n > 1 ORDER BY line`);
  const rows = reader.getRowObjectsJS();
  if (rows.length === 0) return [];
  await connection.run(`DELETE FROM ${sqlIdentifier(table)} WHERE (${keyList}) IN (
    SELECT (${keyList}) FROM ${sqlIdentifier(table)} GROUP BY ALL HAVING count(*) > 1)`);
  return rows.map((row) => ({
    code: 'E_DUPLICATE',
    file,
    line: Number(row.line),
    column: keys[0],
    value: String(row.key_text),
    params: {firstLine: Number(row.other_line), key: keys.join(' + ')}
  }));
}
