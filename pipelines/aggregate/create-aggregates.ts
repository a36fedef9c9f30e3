import type {DuckDBConnection} from '@duckdb/node-api';
import {computeIndicatorValues} from './compute-indicators.ts';
import type {Indicator} from './indicator-registry.ts';
import {createMonitoringCounts, createMonitoringMoves} from './monitoring-counts.ts';

export interface AggregateOptions {
  indicators: readonly Indicator[];
  /** Yuan per person per year, by year. */
  povertyLines: ReadonlyMap<number, number>;
}

/**
 * The aggregate stage: from the validated tables, every indicator for every
 * region and year (`indicator_raw`), the monitoring counts (`monitoring_raw`)
 * and the monitoring moves the flows are made of, all before disclosure
 * control. Then drops the households table: everything published about
 * households is counted, and the next stages need DuckDB's memory.
 */
export async function createAggregates(
  connection: DuckDBConnection,
  {indicators, povertyLines}: AggregateOptions
): Promise<void> {
  await computeIndicatorValues(connection, indicators, povertyLines);
  await createMonitoringCounts(connection);
  await createMonitoringMoves(connection);
  await connection.run('DROP TABLE households');
}
