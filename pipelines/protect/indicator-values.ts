import type {DuckDBConnection} from '@duckdb/node-api';
import {primaryBand} from './band-primary-cells.ts';
import {denominatorKey} from './suppress-cells.ts';
import type {Cell, DisclosurePolicy, MeasureEquations, SuppressionReason} from './suppress-cells.ts';
import {DEFAULT_COVERAGE_THRESHOLD} from '../../src/lib/publication-config.ts';
import {loadRows} from '../lib/load-rows.ts';
import {readRows} from '../lib/read-rows.ts';
import {type LocalTarget, type Status, type TargetRule, statusOf, targetForYear} from '../aggregate/assign-status.ts';
import {publicWeightedMeans} from './public-weighted-means.ts';
import {INDICATOR_FORMULAS} from '../aggregate/indicator-formulas.ts';
import type {Indicator} from '../aggregate/indicator-registry.ts';

export interface IndicatorValueOptions {
  indicators: readonly Indicator[];
  /** The rules the cells were protected by: they say what band a primary cell may show. */
  policy: DisclosurePolicy;
  workDir: string;
  /** Primary cells (`indicator|region|year`) that show no band: the audit found it narrowing a count too far. */
  unbanded?: ReadonlySet<string>;
  /** Below this share of its expected units reporting, a value's status is `incomplete` (default 0.8). */
  coverageThreshold?: number;
}

/** Counts of withheld cells by reason, for the manifest. */
export interface SuppressionCounts {
  primary: number;
  complementary: number;
  /** Withheld cells that show a band (primary cells above village level). */
  banded: number;
}

/** The cells of `indicator_raw` with their regions and the local targets, read once per build. */
export interface IndicatorCells {
  raw: (Cell & {level: string})[];
  locals: LocalTarget[];
}

/** Reads `indicator_raw` and targets.csv's accepted rows out of DuckDB. */
export async function readIndicatorCells(connection: DuckDBConnection): Promise<IndicatorCells> {
  // 617,000 cells on the samples: text out of DuckDB costs about half a microsecond a value, numbers far less,
  // so indicator and region travel as positions in two small lists read first.
  const ids = (await readRows(connection, 'SELECT DISTINCT indicator_id FROM indicator_raw ORDER BY 1')).map((r) =>
    String(r.indicator_id)
  );
  const regions = (await readRows(connection, 'SELECT code, parent_code, level FROM regions ORDER BY code')) as {
    code: string;
    parent_code: string | null;
    level: string;
  }[];
  const reader = await connection.runAndReadAll(`
    WITH ids AS (SELECT indicator_id, (row_number() OVER (ORDER BY indicator_id) - 1)::INTEGER AS i
                 FROM (SELECT DISTINCT indicator_id FROM indicator_raw)),
      places AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::INTEGER AS i FROM regions)
    SELECT ids.i AS indicator, places.i AS region, c.year::INTEGER AS year, c.value, c.numerator, c.denominator,
      c.numerator_households::DOUBLE AS numerator_households, c.denominator_households::DOUBLE AS denominator_households,
      c.reporting::DOUBLE AS reporting, c.expected::DOUBLE AS expected
    FROM indicator_raw c JOIN ids USING (indicator_id) JOIN places ON places.code = c.region_code
    ORDER BY c.indicator_id, c.region_code, c.year`);
  // An empty result has no columns at all (no households, villages or projects accepted).
  const [indicator = [], region, year, value, numerator, denominator, nh, dh, reporting, expected] =
    reader.getColumnsJS() as (number | null)[][];
  const raw: IndicatorCells['raw'] = [];
  for (let row = 0; row < indicator.length; row++) {
    const id = ids[indicator[row]!]!;
    const place = regions[region![row]!]!;
    // Indicators built on the same measure (hh_reg is the denominator of five) share its suppression.
    const formula = INDICATOR_FORMULAS[id];
    raw.push({
      indicator_id: id,
      region_code: place.code,
      level: place.level,
      year: year![row]!,
      value: value![row]!,
      numerator: numerator![row]!,
      denominator: denominator![row]!,
      numerator_households: nh![row]!,
      denominator_households: dh![row]!,
      parent_code: place.parent_code,
      numerator_measure: formula?.numerator ?? null,
      denominator_measure: formula?.denominator ?? null,
      reporting: reporting![row]!,
      expected: expected![row]!,
      // Coverage that is not published needs no protection.
      reporting_measure: formula?.publishCoverage === false ? null : formula?.reporting,
      expected_measure: formula?.publishCoverage === false ? null : formula?.expected
    });
  }
  const locals = (await readRows(
    connection,
    'SELECT indicator_id, region_code, year, target, direction FROM targets'
  )) as unknown as LocalTarget[];
  return {raw, locals};
}

/**
 * The indicator cells after disclosure control: why each cell of
 * {@link IndicatorCells.raw} is withheld (null when published), by position,
 * and the measures withheld (`measure|year|region`).
 */
export interface ProtectedIndicatorCells {
  reasons: (SuppressionReason | null)[];
  withheld: Set<string>;
  /** Whether each cell's coverage is withheld (the cell is, or a household count behind it is small). */
  coverageHidden: boolean[];
}

/**
 * Withholds what could identify a household among the cells of
 * `indicator_raw` (their `equations`, built once from
 * {@link IndicatorCells.raw}), and whatever measures another table withholds
 * (`forced`). Pure: the caller repeats it, with monitoring, until both tables
 * agree.
 */
export function protectIndicatorCells(
  equations: MeasureEquations,
  forced: ReadonlySet<string> = new Set()
): ProtectedIndicatorCells {
  const {reasons, hiddenMeasures, coverageHidden} = equations.protect(forced);
  return {reasons, withheld: hiddenMeasures, coverageHidden};
}

/**
 * Attaches targets and status to the protected cells and creates the DuckDB
 * table `indicator_values` (the published columns only). Returns the counts
 * of withheld cells by reason. The cells must come ordered by indicator,
 * region and year, as {@link readIndicatorCells} reads them: a status looks
 * back along the run of cells before it.
 */
export async function createIndicatorValues(
  connection: DuckDBConnection,
  {raw, locals}: IndicatorCells,
  {reasons: protectedReasons, coverageHidden, withheld}: ProtectedIndicatorCells,
  {indicators, policy, workDir, unbanded, coverageThreshold = DEFAULT_COVERAGE_THRESHOLD}: IndicatorValueOptions
): Promise<SuppressionCounts> {
  const parents = new Map(raw.map((c) => [c.region_code, c.parent_code]));
  const targetOf = targetLookup(indicators, locals, parents);
  // The household-weighted village rates of parents, from published figures only (public-weighted-means.ts).
  const weightedRates = new Set(
    Object.entries(INDICATOR_FORMULAS)
      .filter(([, f]) => f.table === 'village_measures' && f.publishCounts === false)
      .map(([id]) => id)
  );
  const means = publicWeightedMeans(raw, withheld, weightedRates);
  const reasons = protectedReasons.map(
    (reason, i) => reason ?? (means.get(i) && 'withheld' in means.get(i)! ? ('complementary' as const) : null)
  );

  // The published values of one indicator and region so far, oldest first (cells come ordered by indicator,
  // region and year, so a region's history is the run of cells before this one).
  let points: [number, number][] = [];
  let previous: Cell | undefined;
  const rows = [];
  for (let i = 0; i < raw.length; i++) {
    const mean = means.get(i);
    const cell = mean && 'value' in mean ? {...raw[i]!, value: mean.value} : raw[i]!;
    const suppressed = reasons[i]!;
    const reporting = cell.reporting ?? 0;
    const expected = cell.expected ?? 0;
    // A cell without a value is published only to say that what it needs was not reported (a first year's
    // growth or a year without a poverty line has no value by definition: nothing to say).
    if (cell.value === null && !suppressed && reporting >= expected) continue;
    if (previous?.indicator_id !== cell.indicator_id || previous.region_code !== cell.region_code) points = [];
    previous = cell;
    const target = targetOf(cell.indicator_id, cell.region_code, cell.year);
    const incomplete = cell.value === null || (expected > 0 && reporting < coverageThreshold * expected);
    let status: Status = 'suppressed';
    if (!suppressed) {
      if (incomplete) status = 'incomplete';
      else {
        // A trend is drawn through complete values only: one from half the villages says little of the next.
        points.push([cell.year, cell.value!]);
        status = target ? statusOf(cell.value!, cell.year, target, points.slice(-3)) : 'no_target';
      }
    }
    const hidden = suppressed !== null;
    const formula = INDICATOR_FORMULAS[cell.indicator_id];
    const counts = formula?.publishCounts !== false;
    // A primary cell above village level shows the band its rule implies, on its denominator, which it then shows
    // too (unless complementary suppression withholds that as well: no band then).
    const band =
      suppressed === 'primary' &&
      cell.level !== 'village' &&
      !unbanded?.has(`${cell.indicator_id}|${cell.region_code}|${cell.year}`)
        ? primaryBand(cell, policy, formula !== undefined && formula.numerator !== formula.numeratorHouseholds)
        : null;
    const bandOnDenominator = band !== null && cell.denominator_households !== null;
    const shown = band !== null && (!bandOnDenominator || !withheld.has(denominatorKey(cell)));
    const coverage = !hidden && !coverageHidden[i] && INDICATOR_FORMULAS[cell.indicator_id]?.publishCoverage !== false;
    rows.push({
      indicator_id: cell.indicator_id,
      region_code: cell.region_code,
      level: cell.level,
      year: cell.year,
      value: hidden ? null : tidy(cell.value),
      // A row without a value (nothing reported) shows no numerator or denominator either.
      numerator: hidden || !counts || cell.value === null ? null : tidy(cell.numerator),
      denominator:
        (hidden && !(shown && bandOnDenominator)) || !counts || cell.value === null ? null : tidy(cell.denominator),
      reporting_units: coverage ? reporting : null,
      expected_units: coverage ? expected : null,
      target: target?.value ?? null,
      target_operator: target?.operator ?? null,
      status,
      suppressed: hidden,
      // Inclusive bounds of the value: the value itself where it is published, the band where one is shown.
      lower: hidden ? (shown ? band!.lower : null) : tidy(cell.value),
      upper: hidden ? (shown ? band!.upper : null) : tidy(cell.value),
      band_of: shown ? band!.of : null
    });
  }
  await loadRows(connection, 'indicator_values', INDICATOR_VALUE_COLUMNS, rows, workDir);
  return {
    primary: reasons.filter((r) => r === 'primary').length,
    complementary: reasons.filter((r) => r === 'complementary').length,
    banded: rows.filter((r) => r.band_of !== null).length
  };
}

/**
 * Rounds away floating-point noise (0.37999999999999995 → 0.38) at 12 significant digits; whole numbers have none
 * (+ 0 turns -0 into 0, as the rounding did).
 */
const tidy = (x: number | null) => (x === null ? null : Number.isInteger(x) ? x + 0 : Number(x.toPrecision(12)));

export const INDICATOR_VALUE_COLUMNS = {
  indicator_id: 'VARCHAR',
  region_code: 'VARCHAR',
  level: 'VARCHAR',
  year: 'INTEGER',
  value: 'DOUBLE',
  numerator: 'DOUBLE',
  denominator: 'DOUBLE',
  reporting_units: 'BIGINT',
  expected_units: 'BIGINT',
  target: 'DOUBLE',
  target_operator: 'VARCHAR',
  status: 'VARCHAR',
  suppressed: 'BOOLEAN',
  lower: 'DOUBLE',
  upper: 'DOUBLE',
  band_of: 'VARCHAR'
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
  const withLocal = new Set(locals.map((t) => t.indicator_id));
  const defaults = new Map(indicators.map((i) => [i.id, i.targets as readonly TargetRule[]]));
  // The default in force depends on indicator and year only: looked up once each (617,000 cells, a few hundred
  // pairs), in nested maps so that no key text is built per cell.
  const defaultTargets = new Map<string, Map<number, TargetRule | null>>();
  return (indicatorId: string, regionCode: string, year: number): TargetRule | null => {
    if (withLocal.has(indicatorId)) {
      for (let code: string | null | undefined = regionCode; code; code = parents.get(code)) {
        const found = local.get(`${indicatorId}\u0000${code}\u0000${year}`);
        if (found) return {operator: found.direction, value: found.target, fromYear: year, byYear: null};
      }
    }
    let byYear = defaultTargets.get(indicatorId);
    if (!byYear) defaultTargets.set(indicatorId, (byYear = new Map()));
    let target = byYear.get(year);
    if (target === undefined) byYear.set(year, (target = targetForYear(defaults.get(indicatorId) ?? [], year)));
    return target;
  };
}
