import type {DuckDBConnection} from '@duckdb/node-api';
import {type FlowCell, type ProtectedFlows, protectFlows} from './protect-flows.ts';
import {loadRows} from '../lib/load-rows.ts';
import {readRows} from '../lib/read-rows.ts';

export const MONITORING_FLOW_COLUMNS = {
  region_code: 'VARCHAR',
  level: 'VARCHAR',
  year: 'INTEGER',
  flow: 'VARCHAR',
  households: 'BIGINT',
  suppressed: 'BOOLEAN'
};

/** The two flows, in published order. */
export const FLOWS = ['entered', 'exited'] as const;

interface FlowRow {
  region_code: string;
  parent_code: string | null;
  level: string;
  year: number;
  entered: number;
  exited: number;
  stock: number;
  previous_stock: number;
  stock_withheld: boolean;
  previous_withheld: boolean;
}

/**
 * Creates the published `monitoring_flows` table (防返贫监测 flows): per
 * region of township level and above and per year that follows a year of
 * data, the households that entered monitoring (monitored this year, not in
 * the same village the year before) and that left it (the reverse), one row
 * per flow. Households are followed by `household_id`; one that moves to
 * another village while monitored leaves one and enters the other, so that
 * stock(year) = stock(year − 1) + entered − exited holds for every region and
 * the flows add up from children to parents. Must run after the `monitoring`
 * table exists: a withheld stock withholds the flows it is tied to.
 */
export async function createMonitoringFlows(
  connection: DuckDBConnection,
  kSensitive: number,
  workDir: string,
  forced: ReadonlySet<string> = new Set()
): Promise<{primary: number; complementary: number; flows: ProtectedFlows[]}> {
  const rows = (await readRows(connection, FLOWS_SQL)) as unknown as FlowRow[];
  const cells: FlowCell[] = rows.map((r) => ({
    region_code: r.region_code,
    parent_code: r.parent_code,
    year: r.year,
    entered: r.entered,
    exited: r.exited,
    stock: r.stock,
    stockWithheld: r.stock_withheld,
    previousStock: r.previous_stock,
    previousWithheld: r.previous_withheld
  }));
  const levels = new Map(rows.map((r) => [r.region_code, r.level]));
  const protectedFlows = protectFlows(cells, kSensitive, forced);
  const published = protectedFlows.flatMap((c) =>
    FLOWS.map((flow) => ({
      region_code: c.region_code,
      level: levels.get(c.region_code),
      year: c.year,
      flow,
      households: c.suppressed ? null : c[flow],
      suppressed: c.suppressed !== null
    }))
  );
  await loadRows(connection, 'monitoring_flows', MONITORING_FLOW_COLUMNS, published, workDir);
  // Counted per published cell, as for the other tables: each withheld region-year withholds two.
  const count = (reason: string) => 2 * protectedFlows.filter((c) => c.suppressed === reason).length;
  return {primary: count('primary'), complementary: count('complementary'), flows: protectedFlows};
}

const FLOWS_SQL = `
  WITH flow_years AS (SELECT year FROM household_years WHERE year - 1 IN (SELECT year FROM household_years)),
  flows AS (
    SELECT a.ancestor_code AS region_code, v.year, sum(v.entered) AS entered, sum(v.exited) AS exited
    FROM village_monitoring_moves v JOIN ancestry a ON a.code = v.village_code GROUP BY ALL),
  stocks AS (
    SELECT a.ancestor_code AS region_code, m.year, sum(m.households) AS households
    FROM village_monitoring_stocks m JOIN ancestry a ON a.code = m.village_code GROUP BY ALL),
  -- A stock is withheld where the monitoring total's households are (its eliminated ones may be on their own).
  withheld AS (
    SELECT region_code, year, households IS NULL AS suppressed
    FROM monitoring WHERE monitor_type IS NULL AND risk_flag IS NULL)
  SELECT r.code AS region_code, r.parent_code, r.level, y.year,
    coalesce(f.entered, 0)::INTEGER AS entered, coalesce(f.exited, 0)::INTEGER AS exited,
    coalesce(s.households, 0)::INTEGER AS stock, coalesce(ps.households, 0)::INTEGER AS previous_stock,
    coalesce(w.suppressed, false) AS stock_withheld, coalesce(pw.suppressed, false) AS previous_withheld
  FROM regions r CROSS JOIN flow_years y
  LEFT JOIN flows f ON f.region_code = r.code AND f.year = y.year
  LEFT JOIN stocks s ON s.region_code = r.code AND s.year = y.year
  LEFT JOIN stocks ps ON ps.region_code = r.code AND ps.year = y.year - 1
  LEFT JOIN withheld w ON w.region_code = r.code AND w.year = y.year
  LEFT JOIN withheld pw ON pw.region_code = r.code AND pw.year = y.year - 1
  -- Township level and above only: per village nearly every flow is a handful of households.
  WHERE r.level <> 'village'
  ORDER BY r.code, y.year`;
