import type {DuckDBConnection} from '@duckdb/node-api';
import {exactSum} from '../lib/duckdb.ts';

/** The collective income a village must reach (村集体经济经营性收入 ≥ 5万元, 赣市扶攻字〔2019〕8号 二.5). */
export const COLLECTIVE_INCOME_LINE = 50_000;
/** A notice period shorter than this many days is flagged (contract, projects.csv). */
export const MIN_NOTICE_DAYS = 10;

/**
 * Creates `village_measures` and `project_measures` (per region and year,
 * rolled up through `ancestry`). Village shares are weighted by the village's
 * households of that year, so a parent rate is a household-weighted mean, as
 * the indicator registry defines it; the median income is over the villages
 * that reported one.
 */
export async function createVillageAndProjectMeasures(connection: DuckDBConnection): Promise<void> {
  // Each village measure may be unreported (empty): an indicator counts the villages that reported what it
  // needs, and weights a rate by the households of those villages only.
  const rate = (name: string, column: string) => `
      count(*) FILTER (${column} IS NOT NULL)::BIGINT AS ${name}_villages,
      sum(households) FILTER (${column} IS NOT NULL)::BIGINT AS ${name}_households,
      ${exactSum(`${column} * households`)} AS ${name}_weighted,
      max(${column}) AS ${name}_own`;
  await connection.run(`CREATE OR REPLACE TABLE village_measures AS
    WITH v AS (
      SELECT v.village_code AS code, v.year, v.collective_operating_income AS income,
        coalesce(r.weak_village, false) AS weak, coalesce(m.hh_all, 0) AS households,
        v.garbage_collection_rate, v.greening_rate, v.tap_water_rate
      FROM villages v JOIN regions r ON r.code = v.village_code
      LEFT JOIN village_household_measures m ON m.code = v.village_code AND m.year = v.year)
    SELECT a.ancestor_code AS code, a.ancestor_level AS level, v.year,
      count(*)::BIGINT AS villages,
      count(*) FILTER (income IS NOT NULL)::BIGINT AS villages_with_income,
      count(*) FILTER (income >= ${COLLECTIVE_INCOME_LINE})::BIGINT AS villages_income_met,
      count(*) FILTER (weak)::BIGINT AS weak_villages,
      count(*) FILTER (weak AND income IS NOT NULL)::BIGINT AS weak_villages_with_income,
      count(*) FILTER (weak AND income >= ${COLLECTIVE_INCOME_LINE})::BIGINT AS weak_villages_income_met,
      ${rate('garbage', 'garbage_collection_rate')},
      ${rate('greening', 'greening_rate')},
      ${rate('tap_water', 'tap_water_rate')},
      median(income) AS collective_income_median
    FROM v JOIN ancestry a ON a.code = v.code
    GROUP BY ALL`);
  await connection.run(`CREATE OR REPLACE TABLE project_measures AS
    SELECT a.ancestor_code AS code, a.ancestor_level AS level, p.year,
      count(*)::BIGINT AS projects,
      count(*) FILTER (date_diff('day', notice_start, notice_end) + 1 >= ${MIN_NOTICE_DAYS})::BIGINT AS projects_noticed,
      ${exactSum('budget')} AS budget,
      ${exactSum('spent')} AS spent
    FROM projects p JOIN ancestry a ON a.code = p.region_code
    GROUP BY ALL`);
}
