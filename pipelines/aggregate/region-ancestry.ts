import type {DuckDBConnection} from '@duckdb/node-api';

/**
 * Creates `ancestry(code, ancestor_code, ancestor_level)`: every accepted
 * region paired with itself and each region above it. Rolling a village's
 * sums up to all its ancestors is then one join and one GROUP BY.
 */
export async function createAncestry(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ancestry AS
    WITH RECURSIVE up(code, ancestor_code) AS (
      SELECT code, code FROM regions
      UNION ALL
      SELECT up.code, r.parent_code FROM up JOIN regions r ON r.code = up.ancestor_code WHERE r.parent_code IS NOT NULL)
    SELECT up.code, up.ancestor_code, r.level AS ancestor_level
    FROM up JOIN regions r ON r.code = up.ancestor_code`);
}
