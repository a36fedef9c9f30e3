import type {DuckDBConnection} from '@duckdb/node-api';
import {type Cell, type DisclosurePolicy, protectCells} from '../anonymize/suppress-cells.ts';
import {loadRows} from '../lib/load-rows.ts';
import {readRows} from '../publish/publish-table.ts';
import {type LocalTarget, type Status, type TargetRule, statusOf, targetForYear} from './assign-status.ts';
import {computeIndicators} from './compute-indicators.ts';
import {createHouseholdMeasures} from './household-measures.ts';
import {INDICATOR_FORMULAS} from './indicator-formulas.ts';
import type {Indicator} from './indicator-registry.ts';
import {createAncestry} from './region-ancestry.ts';
import {createVillageAndProjectMeasures} from './village-measures.ts';

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

export interface IndicatorValueOptions {
  indicators: readonly Indicator[];
  policy: DisclosurePolicy;
  workDir: string;
  /** Measures another table withholds (`measure|year|region`), withheld here too. */
  forced?: ReadonlySet<string>;
}

/** Counts of withheld cells by reason, for the manifest. */
export interface SuppressionCounts {
  primary: number;
  complementary: number;
}

/** The cells of `indicator_raw` with their regions and the local targets, read once per build. */
export interface IndicatorCells {
  raw: (Cell & {level: string})[];
  locals: LocalTarget[];
}

/** Reads `indicator_raw` and targets.csv's accepted rows out of DuckDB. */
export async function readIndicatorCells(connection: DuckDBConnection): Promise<IndicatorCells> {
  const rows = (await readRows(
    connection,
    `SELECT i.*, r.parent_code, r.level FROM indicator_raw i JOIN regions r ON r.code = i.region_code
     ORDER BY indicator_id, region_code, year`
  )) as unknown as (Cell & {level: string})[];
  // Indicators built on the same measure (hh_reg is the denominator of five) share its suppression.
  const raw = rows.map((c) => ({
    ...c,
    numerator_measure: INDICATOR_FORMULAS[c.indicator_id]?.numerator ?? null,
    denominator_measure: INDICATOR_FORMULAS[c.indicator_id]?.denominator ?? null
  }));
  const locals = (await readRows(
    connection,
    'SELECT indicator_id, region_code, year, target, direction FROM targets'
  )) as unknown as LocalTarget[];
  return {raw, locals};
}

/**
 * Withholds what could identify a household among `source`'s cells, attaches
 * targets and status, and creates the DuckDB table `indicator_values` (the
 * published columns only). Returns the counts and the withheld measures.
 */
export async function createIndicatorValues(
  connection: DuckDBConnection,
  {raw, locals}: IndicatorCells,
  {indicators, policy, workDir, forced = new Set()}: IndicatorValueOptions
): Promise<SuppressionCounts & {withheld: Set<string>}> {
  const {cells, hiddenMeasures} = protectCells(raw, policy, undefined, forced);
  const parents = new Map(raw.map((c) => [c.region_code, c.parent_code]));
  const targetOf = targetLookup(indicators, locals, parents);

  const history = new Map<string, [number, number][]>();
  const rows = [];
  for (const cell of cells) {
    if (cell.value === null && !cell.suppressed) continue;
    const target = targetOf(cell.indicator_id, cell.region_code, cell.year);
    let status: Status = 'suppressed';
    if (!cell.suppressed) {
      const key = `${cell.indicator_id}\u0000${cell.region_code}`;
      const points = history.get(key) ?? [];
      points.push([cell.year, cell.value!]);
      history.set(key, points);
      status = target ? statusOf(cell.value!, cell.year, target, points.slice(-3)) : 'no_target';
    }
    const hidden = cell.suppressed !== null;
    const counts = INDICATOR_FORMULAS[cell.indicator_id]?.publishCounts !== false;
    rows.push({
      indicator_id: cell.indicator_id,
      region_code: cell.region_code,
      level: (cell as unknown as {level: string}).level,
      year: cell.year,
      value: hidden ? null : tidy(cell.value),
      numerator: hidden || !counts ? null : tidy(cell.numerator),
      denominator: hidden || !counts ? null : tidy(cell.denominator),
      target: target?.value ?? null,
      target_operator: target?.operator ?? null,
      status,
      suppressed: hidden
    });
  }
  await loadRows(connection, 'indicator_values', INDICATOR_VALUE_COLUMNS, rows, workDir);
  return {
    primary: cells.filter((c) => c.suppressed === 'primary').length,
    complementary: cells.filter((c) => c.suppressed === 'complementary').length,
    withheld: hiddenMeasures
  };
}

/** Rounds away floating-point noise (0.37999999999999995 → 0.38) at 12 significant digits. */
const tidy = (x: number | null) => (x === null ? null : Number(x.toPrecision(12)));

export const INDICATOR_VALUE_COLUMNS = {
  indicator_id: 'VARCHAR',
  region_code: 'VARCHAR',
  level: 'VARCHAR',
  year: 'INTEGER',
  value: 'DOUBLE',
  numerator: 'DOUBLE',
  denominator: 'DOUBLE',
  target: 'DOUBLE',
  target_operator: 'VARCHAR',
  status: 'VARCHAR',
  suppressed: 'BOOLEAN'
};

/**
 * Returns a function giving the target in force for an indicator, region and
 * year: a local target of the region or its nearest ancestor for that year,
 * else the indicator's default.
 */
function targetLookup(
  indicators: readonly Indicator[],
  locals: readonly LocalTarget[],
  parents: ReadonlyMap<string, string | null>
) {
  const local = new Map(locals.map((t) => [`${t.indicator_id}\u0000${t.region_code}\u0000${t.year}`, t]));
  const defaults = new Map(indicators.map((i) => [i.id, i.targets as readonly TargetRule[]]));
  return (indicatorId: string, regionCode: string, year: number): TargetRule | null => {
    for (let code: string | null | undefined = regionCode; code; code = parents.get(code)) {
      const found = local.get(`${indicatorId}\u0000${code}\u0000${year}`);
      if (found) return {operator: found.direction, value: found.target, fromYear: year, byYear: null};
    }
    return targetForYear(defaults.get(indicatorId) ?? [], year);
  };
}
