import type {DuckDBConnection} from '@duckdb/node-api';

/**
 * Counts, from the households table, what the flows are made of — per
 * village and year, households entering and leaving monitoring and those
 * monitored — into small tables, so that the households (the largest table by
 * far) can be dropped before disclosure control. A household is followed by
 * household_id within its village.
 */
export async function createMonitoringMoves(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE household_years AS SELECT DISTINCT year FROM households`);
  await connection.run(`CREATE OR REPLACE TABLE village_monitoring_moves AS
    WITH m AS (SELECT household_id, village_code, year FROM households WHERE monitored),
    moves AS (
      SELECT c.village_code, c.year, 1 AS entered, 0 AS exited FROM m c
      LEFT JOIN m p ON p.household_id = c.household_id AND p.village_code = c.village_code AND p.year = c.year - 1
      WHERE p.household_id IS NULL
      UNION ALL
      SELECT p.village_code, p.year + 1, 0, 1 FROM m p
      LEFT JOIN m c ON c.household_id = p.household_id AND c.village_code = p.village_code AND c.year = p.year + 1
      WHERE c.household_id IS NULL)
    SELECT village_code, year, sum(entered)::BIGINT AS entered, sum(exited)::BIGINT AS exited FROM moves GROUP BY ALL`);
  await connection.run(`CREATE OR REPLACE TABLE village_monitoring_stocks AS
    SELECT village_code, year, count(*)::BIGINT AS households FROM households WHERE monitored GROUP BY ALL`);
}
