import type {DuckDBConnection} from '@duckdb/node-api';
import {sqlString} from '../lib/duckdb.ts';
import {createHouseholdMeasures} from './household-measures.ts';
import {INDICATOR_FORMULAS} from './indicator-formulas.ts';
import type {Indicator} from './indicator-registry.ts';
import {createAncestry} from './region-ancestry.ts';
import {createVillageAndProjectMeasures} from './village-measures.ts';

/**
 * Creates `indicator_raw(indicator_id, region_code, level, year, value,
 * numerator, denominator, numerator_households, denominator_households,
 * reporting, expected)`: every indicator for every region and year that has
 * data, before disclosure control, with its coverage. A ratio with a zero
 * denominator (nothing reported, say) has no value.
 */
export async function computeIndicators(connection: DuckDBConnection, ids: readonly string[]): Promise<void> {
  const selects = ids.map((id) => {
    const f = INDICATOR_FORMULAS[id];
    if (!f) throw new Error(`no formula for indicator: ${id}`);
    const numerator = f.numerator ?? 'NULL';
    const denominator = f.denominator ?? 'NULL';
    const value = f.value ?? `(${numerator}) / nullif(${denominator}, 0)`;
    // Where the indicator does not apply (a first year's growth, a year without a poverty line) it expects
    // no unit, and none reports.
    const applicable = (count: string) =>
      f.appliesWhere ? `CASE WHEN ${f.appliesWhere} THEN ${count} ELSE 0 END` : count;
    const window = /OVER w\b/.test(`${value} ${f.denominatorHouseholds} ${f.appliesWhere} ${f.reporting} ${f.expected}`)
      ? 'WINDOW w AS (PARTITION BY code ORDER BY year)'
      : '';
    return `SELECT * FROM (SELECT ${sqlString(id)} AS indicator_id, code AS region_code, level, year,
        (${value})::DOUBLE AS value, (${numerator})::DOUBLE AS numerator, (${denominator})::DOUBLE AS denominator,
        (${f.numeratorHouseholds ?? 'NULL'})::BIGINT AS numerator_households,
        (${f.denominatorHouseholds ?? 'NULL'})::BIGINT AS denominator_households,
        ${applicable(`coalesce(${f.reporting}, 0)`)}::BIGINT AS reporting,
        ${applicable(`coalesce(${f.expected}, 0)`)}::BIGINT AS expected
      FROM ${f.table} ${window})`;
  });
  await connection.run(`CREATE OR REPLACE TABLE indicator_raw AS ${selects.join('\nUNION ALL\n')}`);
}

/**
 * Computes every indicator for every region and year into `indicator_raw`
 * (before disclosure control), from the validated tables.
 */
export async function computeIndicatorValues(
  connection: DuckDBConnection,
  indicators: readonly Indicator[],
  povertyLines: ReadonlyMap<number, number>
): Promise<void> {
  await createAncestry(connection);
  await createHouseholdMeasures(connection, povertyLines);
  await createVillageAndProjectMeasures(connection);
  await computeIndicators(
    connection,
    indicators.map((i) => i.id)
  );
}
