/**
 * Disclosure control of the three tables that publish household counts
 * (indicator_values, monitoring, monitoring_flows), until the attacker's
 * audit finds nothing in them.
 *
 * The suppressor's own rules (small cells, no lone unknown in a sum, enough
 * households among the withheld parts of a published total) protect most
 * cells; what they cannot see — bounds that meet across measures, a region
 * whose household count is known from another indicator, bands — the
 * interval audit finds. Each finding gets partners withheld beside it and the
 * tables are written again, until the audit passes or nothing more can be
 * withheld. The audit is the one of the release (contract section 3), run on
 * the tables alone in a scratch folder; it shares no code with the rules.
 */
import {mkdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {auditPublished} from '../audit/audit-published.ts';
import type {AuditFinding} from '../audit/audit-published.ts';
import {flowPartners} from './protect-flows.ts';
import {MeasureEquations} from './suppress-cells.ts';
import type {DisclosurePolicy, MeasureRole} from './suppress-cells.ts';
import {sqlString} from '../lib/duckdb.ts';
import type {IndicatorCells, SuppressionCounts} from './indicator-values.ts';
import {createIndicatorValues, protectIndicatorCells, readIndicatorCells} from './indicator-values.ts';
import type {Indicator} from '../aggregate/indicator-registry.ts';
import {createMonitoringFlows} from './monitoring-flows.ts';
import {
  countsNamed,
  createMonitoringValues,
  monitoringPartners,
  protectMonitoring,
  readMonitoringRows
} from './monitoring-values.ts';
import type {MonitoringRow, ProtectedMonitoring} from './monitoring-values.ts';

export interface ProtectTablesOptions {
  cells: IndicatorCells;
  monitoringRows: readonly MonitoringRow[];
  policy: DisclosurePolicy;
  indicators: readonly Indicator[];
  workDir: string;
  coverageThreshold?: number;
  /** Rounds of audit and more withholding before giving up (the release's audit then fails). Default 12. */
  maxRounds?: number;
}

export interface ProtectedTables {
  suppression: SuppressionCounts;
  monitoring: ProtectedMonitoring;
  flows: {primary: number; complementary: number};
  /** Passes of indicator_values and monitoring until they agree, summed over the rounds. */
  passes: number;
  /** Rounds of writing and auditing the tables. */
  rounds: number;
}

/** The protect stage's inputs beside the aggregates in DuckDB. */
export type ProtectAggregatesOptions = Omit<ProtectTablesOptions, 'cells' | 'monitoringRows'>;

/**
 * The protect stage: reads the aggregates (`indicator_raw`, `monitoring_raw`)
 * and creates the protected tables from them, as {@link protectTables}.
 */
export async function protectAggregates(
  connection: DuckDBConnection,
  options: ProtectAggregatesOptions
): Promise<ProtectedTables> {
  const cells = await readIndicatorCells(connection);
  const monitoringRows = await readMonitoringRows(connection);
  return protectTables(connection, {cells, monitoringRows, ...options});
}

/**
 * Creates the DuckDB tables `indicator_values`, `monitoring` and
 * `monitoring_flows` with everything withheld that disclosure control
 * withholds, auditing them as published until the audit finds nothing.
 */
export async function protectTables(
  connection: DuckDBConnection,
  {cells, monitoringRows, policy, indicators, workDir, coverageThreshold, maxRounds = 12}: ProtectTablesOptions
): Promise<ProtectedTables> {
  const equations = new MeasureEquations(cells.raw, policy);
  const scratch = join(workDir, 'audit-round');
  let forced = new Set<string>();
  let forcedFlows = new Set<string>();
  let forcedMonitoring = new Set<string>();
  const unbanded = new Set<string>();
  let passes = 0;
  for (let round = 1; ; round++) {
    // indicator_values and monitoring publish the same monitored-household counts: withhold them in both until
    // neither table withholds one the other publishes (in memory; the tables are written once a round).
    let indicatorCells = protectIndicatorCells(equations, forced);
    let monitoring = protectMonitoring(monitoringRows, policy, indicatorCells.withheld, forcedMonitoring);
    for (passes++; ; passes++) {
      const withheld = indicatorCells.withheld;
      const missing = [...monitoring.withheldTotals].filter((key) => !withheld.has(key));
      if (missing.length === 0) break;
      forced = new Set([...forced, ...missing]);
      indicatorCells = protectIndicatorCells(equations, forced);
      monitoring = protectMonitoring(monitoringRows, policy, indicatorCells.withheld, forcedMonitoring);
    }
    const suppression = await createIndicatorValues(connection, cells, indicatorCells, {
      indicators,
      policy,
      workDir,
      unbanded,
      coverageThreshold
    });
    await createMonitoringValues(connection, monitoring, workDir);
    // The flows never withhold a stock (they withhold themselves instead), so they need no part in that loop.
    const {flows: flowCells, ...flows} = await createMonitoringFlows(
      connection,
      policy.kSensitive,
      workDir,
      forcedFlows
    );

    const done = {suppression, monitoring, flows, passes, rounds: round};
    if (round === maxRounds) return done;
    const findings = await auditTables(connection, scratch, policy);
    const [inFlows, elsewhere] = [
      findings.filter((f) => f.table === 'monitoring_flows'),
      findings.filter((f) => f.table !== 'monitoring_flows')
    ];
    // A banded cell found too narrow gets partners beside it if it has any; else its band goes first (a blank
    // widens its siblings' ranges too), and only if it is found again does its parent, which leaders read first.
    const banded = await bandedCells(connection);
    const partners = new Set<string>();
    let unbandedMore = 0;
    for (const finding of elsewhere) {
      const key = `${finding.indicator_id}|${finding.region_code}|${finding.year}`;
      const firstTime = finding.table === 'indicator_values' && banded.has(key) && !unbanded.has(key);
      const found = equations.partnersFor(measuresOf(finding, equations), {parent: !firstTime});
      if (firstTime && found.size === 0) {
        unbanded.add(key);
        unbandedMore++;
      }
      for (const partner of found) partners.add(partner);
    }
    const more = [...partners].filter((key) => !forced.has(key));
    const moreFlows = [...flowPartners(flowCells, inFlows)].filter((key) => !forcedFlows.has(key));
    const moreMonitoring = [
      ...monitoringPartners(
        monitoring,
        findings.filter((f) => f.table === 'monitoring')
      )
    ].filter((key) => !forcedMonitoring.has(key));
    if (findings.length === 0 || more.length + moreFlows.length + moreMonitoring.length + unbandedMore === 0) {
      await rm(scratch, {recursive: true, force: true});
      return done;
    }
    forced = new Set([...forced, ...more]);
    forcedFlows = new Set([...forcedFlows, ...moreFlows]);
    forcedMonitoring = new Set([...forcedMonitoring, ...moreMonitoring]);
  }
}

/** The indicator cells that show a band, as `indicator|region|year`. */
async function bandedCells(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(
    `SELECT indicator_id || '|' || region_code || '|' || year FROM indicator_values WHERE band_of IS NOT NULL`
  );
  return new Set(reader.getColumnsJS()[0]?.map(String) ?? []);
}

/** Writes the tables as the release publishes them (CSV) into `dir` and audits them there. */
async function auditTables(connection: DuckDBConnection, dir: string, policy: DisclosurePolicy) {
  await mkdir(dir, {recursive: true});
  const tables = {
    regions: 'SELECT code, level, parent_code FROM regions',
    indicator_values: 'SELECT * FROM indicator_values',
    monitoring: 'SELECT * FROM monitoring',
    monitoring_flows: 'SELECT * FROM monitoring_flows'
  };
  for (const [name, query] of Object.entries(tables)) {
    await connection.run(`COPY (${query}) TO ${sqlString(join(dir, `${name}.csv`))} (FORMAT csv, HEADER true)`);
  }
  return auditPublished(dir, {k: policy.k, kSensitive: policy.kSensitive});
}

/** The audit's names of the counts of an indicator cell, by the measure behind each. */
const ROLE_OF: Record<string, MeasureRole> = {
  numerator: 'numerator',
  complement: 'numerator',
  denominator: 'denominator',
  reporting: 'reporting',
  not_reporting: 'reporting',
  expected: 'expected'
};

/**
 * The measures behind what a finding says discloses its cell: those of an indicator cell, or for a monitoring
 * total the monitored or eliminated households that monitored_share and risk_elimination_rate publish too.
 */
function measuresOf(finding: AuditFinding, equations: MeasureEquations): string[] {
  const {table, indicator_id: indicator, region_code: region, year} = finding;
  const named = finding.measures ?? [];
  if (table === 'indicator_values') {
    const roles = named.length ? [...new Set(named.flatMap((m) => ROLE_OF[m] ?? []))] : undefined;
    return equations.measuresOf(indicator, region, year, roles);
  }
  if (finding.monitor_type || finding.risk_flag) return [];
  return countsNamed(finding.measures).flatMap((count) =>
    count === 'households'
      ? equations.measuresOf('monitored_share', region, year, ['numerator'])
      : equations.measuresOf('risk_elimination_rate', region, year, ['numerator'])
  );
}
