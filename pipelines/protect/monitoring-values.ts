import type {DuckDBConnection} from '@duckdb/node-api';
import {
  type Cell,
  type DisclosurePolicy,
  type ProtectedCell,
  isSmall,
  protectHierarchy,
  suppressCells
} from './suppress-cells.ts';
import {loadRows} from '../lib/load-rows.ts';
import {readRows} from '../lib/read-rows.ts';

export interface MonitoringRow {
  region_code: string;
  parent_code: string | null;
  level: string;
  year: number;
  monitor_type: string | null;
  risk_flag: number | null;
  households: number;
  people: number;
  eliminated_households: number;
}

export const MONITORING_COLUMNS = {
  region_code: 'VARCHAR',
  level: 'VARCHAR',
  year: 'INTEGER',
  monitor_type: 'VARCHAR',
  risk_flag: 'INTEGER',
  households: 'BIGINT',
  people: 'BIGINT',
  eliminated_households: 'BIGINT',
  suppressed: 'BOOLEAN'
};

/** The rows of the monitoring table before disclosure control (`monitoring_raw`, from the aggregate stage). */
export async function readMonitoringRows(connection: DuckDBConnection): Promise<MonitoringRow[]> {
  const rows = await readRows(
    connection,
    'SELECT * FROM monitoring_raw ORDER BY region_code, year, monitor_type NULLS FIRST, risk_flag NULLS FIRST'
  );
  return rows as unknown as MonitoringRow[];
}

/**
 * The two counts of a monitoring row that are withheld each on its own: the
 * monitored households (with their people, never fewer), and the households
 * whose risk was eliminated (with those not yet eliminated, the difference).
 * A region's monitored households stay published when only a few of them
 * are out of risk: they are monitored_share's numerator and
 * risk_elimination_rate's denominator, on which its band stands.
 */
export type MonitoringCount = 'households' | 'eliminated';

/** A monitoring count after disclosure control, with the row it belongs to. */
export type MonitoringCell = ProtectedCell & {row: MonitoringRow; count: MonitoringCount};

/** The monitoring cells after disclosure control, their counts by reason, and the totals withheld. */
export interface ProtectedMonitoring {
  /** One cell per row and count. */
  cells: MonitoringCell[];
  primary: number;
  complementary: number;
  withheldTotals: Set<string>;
}

/** The measure of indicator_values that a total row's count is (监测对象户数, 已消除风险户数). */
const TOTAL_MEASURE: Record<MonitoringCount, string> = {households: 'hh_monitored', eliminated: 'hh_eliminated'};

/** The cell id of a count of a row's type and feature; the total's is `monitoring||` (or `monitoring-eliminated||`). */
const idOf = (count: MonitoringCount, r: Pick<MonitoringRow, 'monitor_type' | 'risk_flag'>) =>
  `${count === 'households' ? 'monitoring' : 'monitoring-eliminated'}|${r.monitor_type ?? ''}|${r.risk_flag ?? ''}`;

const isTotal = (r: MonitoringRow) => r.monitor_type === null && r.risk_flag === null;

/**
 * Disclosure control of the monitoring table (防返贫监测): monitored
 * households, people and households whose risk was eliminated, per region and
 * year, in total, by monitor type and (township level and above only) by risk
 * feature. Every cell is sensitive (k = kSensitive). The monitored households
 * (and people) are withheld when they are 1..k−1; the eliminated households
 * when they or the households not yet eliminated are. A total is withheld
 * wherever indicator_values withholds the same measure (hh_monitored,
 * hh_eliminated); then parts of a total and children of a region are
 * protected against subtraction, each count on its own. Returns the totals
 * withheld, for the caller to feed back into indicator_values until both
 * agree. `forced` names cells to withhold besides ({@link monitoringPartners}).
 * Pure.
 */
export function protectMonitoring(
  rows: readonly MonitoringRow[],
  policy: DisclosurePolicy,
  withheldMeasures: ReadonlySet<string>,
  forced: ReadonlySet<string> = new Set()
): ProtectedMonitoring {
  const k = policy.kSensitive;
  const shared = (count: MonitoringCount, r: MonitoringRow) =>
    isTotal(r) && withheldMeasures.has(`${TOTAL_MEASURE[count]}|${r.year}|${r.region_code}`);
  // Partners are ranked by the row's monitored households for both counts: the audit checks what that leaves of
  // the eliminated households and of those not yet eliminated, and asks for more where it is too little.
  const cellOf = (count: MonitoringCount, r: MonitoringRow) => ({
    indicator_id: idOf(count, r),
    region_code: r.region_code,
    parent_code: r.parent_code,
    year: r.year,
    value: count === 'households' ? r.households : r.eliminated_households,
    numerator: count === 'households' ? r.households : r.eliminated_households,
    denominator: null,
    numerator_households: r.households,
    denominator_households: null,
    row: r,
    count
  });
  const cells = rows.flatMap((r) => [cellOf('households', r), cellOf('eliminated', r)]);
  const ids = new Set(cells.map((c) => c.indicator_id));
  const monitoringPolicy: DisclosurePolicy = {...policy, householdBased: ids, additive: ids, sensitive: ids};
  const isPrimary = (cell: Cell) => {
    const {row: r, count} = cell as (typeof cells)[number];
    if (count === 'households') return isSmall(r.households, k) || shared(count, r);
    return (
      isSmall(r.eliminated_households, k) || isSmall(r.households - r.eliminated_households, k) || shared(count, r)
    );
  };
  const protectedCells = suppressCells(cells, monitoringPolicy, isPrimary, forced) as MonitoringCell[];
  for (const count of ['households', 'eliminated'] as const) {
    protectTypesWithinRegions(
      protectedCells.filter((c) => c.count === count),
      monitoringPolicy,
      idOf(count, {monitor_type: null, risk_flag: null})
    );
  }
  const withheldTotals = new Set(
    protectedCells
      .filter((c) => c.suppressed && isTotal(c.row))
      .map((c) => `${TOTAL_MEASURE[c.count]}|${c.year}|${c.region_code}`)
  );
  return {
    cells: protectedCells,
    primary: protectedCells.filter((c) => c.suppressed === 'primary').length,
    complementary: protectedCells.filter((c) => c.suppressed === 'complementary').length,
    withheldTotals
  };
}

/** The key by which `forced` names a monitoring count: its cell id, year and region, as suppressCells keys them. */
const cellKey = (
  count: MonitoringCount,
  r: Pick<MonitoringRow, 'monitor_type' | 'risk_flag' | 'year' | 'region_code'>
) => `${idOf(count, r)}:numerator|${r.year}|${r.region_code}`;

/** The counts of a row that the audit's names of its measures belong to (none named: both). */
export function countsNamed(measures: readonly string[] | undefined): MonitoringCount[] {
  if (!measures?.length) return ['households', 'eliminated'];
  const counts = new Set<MonitoringCount>();
  for (const m of measures) counts.add(m === 'households' || m === 'people' ? 'households' : 'eliminated');
  return [...counts];
}

/**
 * Partners that widen what an outsider can work out of the monitoring counts
 * `found` (as the audit names them: empty type and feature for all, and the
 * measures that disclose), once withheld: of the same count, the published
 * sibling region of the same type and feature with the most households, and
 * the published other type of the same region, year and feature with the
 * most. Keys for `forced` of {@link protectMonitoring}.
 */
export function monitoringPartners(
  monitoring: ProtectedMonitoring,
  found: Iterable<{
    region_code: string;
    year: number;
    monitor_type?: string;
    risk_flag?: string;
    measures?: readonly string[];
  }>
): Set<string> {
  // Findings are few, cells many: look among the cells of a finding's year only.
  const byYear = Map.groupBy(monitoring.cells, (c) => c.year);
  const partners = new Set<string>();
  for (const f of found) {
    const type = f.monitor_type ? f.monitor_type : null;
    const flag = f.risk_flag ? Number(f.risk_flag) : null;
    const year = byYear.get(f.year) ?? [];
    for (const count of countsNamed(f.measures)) {
      const cell = year.find(
        (c) =>
          c.count === count &&
          c.region_code === f.region_code &&
          c.row.monitor_type === type &&
          c.row.risk_flag === flag
      );
      if (!cell) continue;
      // The published count with the most households among those `alike` to the found one.
      const largestOpen = (alike: (c: MonitoringCell) => boolean) =>
        year
          .filter(
            (c) =>
              c !== cell &&
              c.count === count &&
              c.suppressed === null &&
              c.row.households > 0 &&
              c.row.risk_flag === flag &&
              alike(c)
          )
          .reduce<MonitoringCell | undefined>(
            (best, c) => (!best || c.row.households > best.row.households ? c : best),
            undefined
          );
      const sibling = largestOpen((c) => c.parent_code === cell.parent_code && c.row.monitor_type === type);
      const otherType = largestOpen(
        (c) => c.region_code === cell.region_code && c.row.monitor_type !== null && c.row.monitor_type !== type
      );
      for (const partner of [sibling, otherType]) if (partner) partners.add(cellKey(count, partner.row));
    }
  }
  return partners;
}

/**
 * Creates the published `monitoring` table from the protected cells: a
 * withheld count is empty (the monitored households with their people), and
 * `suppressed` says that some count of the row is.
 */
export async function createMonitoringValues(
  connection: DuckDBConnection,
  {cells}: ProtectedMonitoring,
  workDir: string
): Promise<void> {
  const withheld = new Map<MonitoringRow, Set<MonitoringCount>>();
  for (const c of cells) {
    let counts = withheld.get(c.row);
    if (!counts) withheld.set(c.row, (counts = new Set()));
    if (c.suppressed) counts.add(c.count);
  }
  const published = [...withheld].map(([row, counts]) => ({
    region_code: row.region_code,
    level: row.level,
    year: row.year,
    monitor_type: row.monitor_type,
    risk_flag: row.risk_flag,
    households: counts.has('households') ? null : row.households,
    people: counts.has('households') ? null : row.people,
    eliminated_households: counts.has('eliminated') ? null : row.eliminated_households,
    suppressed: counts.size > 0
  }));
  await loadRows(connection, 'monitoring', MONITORING_COLUMNS, published, workDir);
}

/**
 * The three monitor types of a region and year add up to its total, so a lone
 * withheld type would be recoverable; a risk feature is part of its total, so
 * it is withheld where the total is; protecting types and features can in
 * turn expose a region to its parent, so the passes repeat until none
 * changes anything.
 */
function protectTypesWithinRegions(cells: MonitoringCell[], policy: DisclosurePolicy, totalId: string): void {
  const totals = new Map<string, ProtectedCell>();
  const key = (c: {row: MonitoringRow}) => `${c.row.region_code}\u0000${c.row.year}`;
  for (const c of cells) if (c.row.monitor_type === null && c.row.risk_flag === null) totals.set(key(c), c);
  const typeCells = cells.filter((c) => c.row.monitor_type !== null || c.row.risk_flag === null);
  const featureCells = cells.filter((c) => c.row.risk_flag !== null);
  const byGroup = Map.groupBy(cells, (c) => `${c.indicator_id}\u0000${c.year}`);
  // Every monitoring count is sensitive: withheld parts keep a range of ⌈kSensitive/2⌉ households.
  const protection = Math.ceil(policy.kSensitive / 2);
  for (let changed = true; changed;) {
    changed = false;
    // A risk feature's households are some of the region's: a feature row shown beside a withheld total bounds
    // it from below (38 of 40 households eliminated in one feature leave the total's 1..2 not yet eliminated).
    for (const c of featureCells) {
      if (c.suppressed === null && c.row.households > 0 && totals.get(key(c))?.suppressed) {
        c.suppressed = 'complementary';
        changed = true;
      }
    }
    changed =
      protectHierarchy(
        typeCells,
        (c) => (c.indicator_id === totalId ? undefined : totals.get(key(c as MonitoringCell))),
        protection
      ) || changed;
    for (const group of byGroup.values()) {
      if (!policy.additive.has(group[0]!.indicator_id)) continue;
      const byCode = new Map(group.map((c) => [c.region_code, c]));
      changed =
        protectHierarchy(group, (c) => (c.parent_code === null ? undefined : byCode.get(c.parent_code)), protection) ||
        changed;
    }
  }
}
