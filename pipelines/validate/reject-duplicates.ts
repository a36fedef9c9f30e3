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
  // The repeated keys first (one hash aggregate), then the window over their rows only: over all of them, the
  // window and the key texts cost seconds on millions of households that are nearly all unique.
  const reader = await connection.runAndReadAll(`
    WITH repeated AS (SELECT * FROM ${sqlIdentifier(table)} WHERE (${keyList}) IN (
        SELECT (${keyList}) FROM ${sqlIdentifier(table)} GROUP BY ALL HAVING count(*) > 1)),
      copies AS (
        SELECT line, ${keyText} AS key_text, min(line) OVER w AS first_line, max(line) OVER w AS last_line
        FROM repeated WINDOW w AS (PARTITION BY ${keyList}))
    SELECT line, key_text, CASE WHEN line = first_line THEN last_line ELSE first_line END AS other_line
    FROM copies ORDER BY line`);
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
