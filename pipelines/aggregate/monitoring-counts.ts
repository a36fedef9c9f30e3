import type {DuckDBConnection} from '@duckdb/node-api';

/**
 * Creates `monitoring_raw`: per region (village and above), year, monitoring
 * type and risk feature, the monitored households, their people and those
 * whose risk was eliminated by the year's end — the monitoring table before
 * disclosure control. A type's row counts its households; a feature's, the
 * households with that feature (a household may have several).
 */
export async function createMonitoringCounts(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE monitoring_raw AS ${MONITORING_SQL}`);
}

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

const MONITORING_SQL = `
  WITH m AS (
    SELECT village_code, year, monitor_type, members, risk_flags,
      risk_eliminated_date <= make_date(year, 12, 31) AS eliminated
    FROM households WHERE monitored),
  parts AS (
    SELECT village_code, year, NULL AS monitor_type, NULL::INTEGER AS risk_flag, members, eliminated FROM m
    UNION ALL
    SELECT village_code, year, monitor_type, NULL, members, eliminated FROM m
    UNION ALL
    SELECT village_code, year, NULL, unnest(string_split(risk_flags, ';'))::INTEGER, members, eliminated
    FROM m WHERE risk_flags IS NOT NULL AND risk_flags <> '')
  SELECT a.ancestor_code AS region_code, r.parent_code, a.ancestor_level AS level, p.year, p.monitor_type, p.risk_flag,
    count(*)::INTEGER AS households, sum(p.members)::INTEGER AS people,
    count(*) FILTER (p.eliminated)::INTEGER AS eliminated_households
  FROM parts p JOIN ancestry a ON a.code = p.village_code JOIN regions r ON r.code = a.ancestor_code
  -- Risk-feature breakdowns only at township level and above (contract section 3).
  WHERE p.risk_flag IS NULL OR a.ancestor_level <> 'village'
  GROUP BY ALL`;
