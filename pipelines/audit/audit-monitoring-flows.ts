/**
 * The audit of the published `monitoring_flows` table (households entering
 * and leaving monitoring per region and year): every cell is sensitive,
 * flows are shown from township level up only, and a withheld flow must not
 * follow from its parent and the other regions, nor from the stocks of the
 * monitoring table. An outsider knows that this year's monitored households
 * are those that stayed plus those that entered, and last year's are those
 * that stayed plus those that left; the households that stayed are never
 * published, so they enter the sums as an unknown, and are themselves a
 * sensitive count that must not follow as 1..k−1.
 */
import {join} from 'node:path';
import type {AuditFinding, CellKey} from './audit-finding.ts';
import {isBelowThreshold, isNarrow, isPinned} from './audit-options.ts';
import type {AuditOptions} from './audit-options.ts';
import type {DisclosureLedger, KnownMeasure} from './disclosure-ledger.ts';
import type {PublishedHierarchy} from './read-published-hierarchy.ts';
import {publishedBoolean, publishedNumber, readPublishedCsv} from './read-published-csv.ts';

const TABLE = 'monitoring_flows';
const COLUMNS = ['region_code', 'level', 'year', 'flow', 'households', 'suppressed'] as const;
const FLOWS = ['entered', 'exited'];
/** The monitoring table's total of monitored households (shared with indicator_values). */
const STOCK = 'monitoring.households';
const STAYED = `${TABLE}.stayed`;

/**
 * Reads `monitoring_flows.csv` of `dataDir` when it exists, appends
 * BELOW_THRESHOLD findings and withheld cells that show a number, and records
 * the flows, their sums over regions and the stock identities in `ledger`.
 * `monitoringTotals` are the `region|year` keys with a total row in the
 * monitoring table (a region-year without one has no monitored household).
 */
export async function auditMonitoringFlows(
  dataDir: string,
  hierarchy: PublishedHierarchy,
  options: AuditOptions,
  ledger: DisclosureLedger,
  findings: AuditFinding[],
  monitoringTotals: ReadonlySet<string>
): Promise<void> {
  const k = options.kSensitive;
  const rows = new Set<string>();
  const regionYears = new Map<string, {region: string; year: number}>();
  const keyOf = (region: string, year: number, flow: string): CellKey => ({
    table: TABLE,
    indicator_id: flow,
    region_code: region,
    year
  });
  const found = await readPublishedCsv(join(dataDir, `${TABLE}.csv`), COLUMNS, (fields, line) => {
    const [region, level, rawYear, flow, rawHouseholds, rawSuppressed] = fields.map((f) => f.trim()) as string[];
    const year = Number(rawYear);
    if (!Number.isInteger(year)) throw new Error(`published ${TABLE} line ${line}: year is not an integer`);
    if (!FLOWS.includes(flow!)) throw new Error(`published ${TABLE} line ${line}: unknown flow ${flow}`);
    const cell = keyOf(region!, year, flow!);
    const add = (code: AuditFinding['code'], detail: string) => findings.push({code, ...cell, detail});
    const households = publishedNumber(rawHouseholds!);
    const withheld = publishedBoolean(rawSuppressed!, `${TABLE} suppressed on line ${line}`);
    if ((hierarchy.level.get(region!) ?? level) === 'village') {
      add('BELOW_THRESHOLD', 'flows only at township level and above');
    }
    const ref = `${TABLE}.${flow}`;
    if (withheld) {
      if (households !== null) add('RECOVERABLE', 'withheld cell still carries a number');
      ledger.withheld(cell, [{name: 'households', ref}], (known) => revealsCount(known, k));
    } else {
      if (isBelowThreshold(households, k)) add('BELOW_THRESHOLD', `households fewer than ${k}`);
      if (households !== null) ledger.published(ref, region!, year, households);
    }
    rows.add(`${region}|${year}|${flow}`);
    regionYears.set(`${region}|${year}`, {region: region!, year});
  });
  if (!found) return;

  const stock = (region: string, year: number) =>
    !monitoringTotals.has(`${region}|${year}`) && options.monitoringAbsentRowsAreZero
      ? ledger.absent(STOCK, {table: 'monitoring', indicator_id: '', region_code: region, year}, true)
      : ledger.variable(STOCK, region, year);
  const flowOf = (region: string, year: number, flow: string) =>
    !rows.has(`${region}|${year}|${flow}`) && options.monitoringAbsentRowsAreZero
      ? ledger.absent(`${TABLE}.${flow}`, keyOf(region, year, flow), true)
      : ledger.variable(`${TABLE}.${flow}`, region, year);

  for (const {region, year} of regionYears.values()) {
    // stock(year) = stayed + entered; stock(year − 1) = stayed + exited. The households that stayed are
    // never published: recovering them as 1..k−1 discloses as much as a small flow would.
    const stayed = ledger.variable(STAYED, region, year);
    ledger.withheld(keyOf(region, year, 'stayed'), [{name: 'stayed', ref: STAYED}], (known) =>
      isNarrow(known.stayed, k) ? ['stayed'] : []
    );
    ledger.sum(stock(region, year), [stayed, flowOf(region, year, 'entered')], 'entries and stayers');
    ledger.sum(stock(region, year - 1), [stayed, flowOf(region, year, 'exited')], 'exits and stayers');
    // Parent = sum of its children, where the children have rows.
    const children = hierarchy.children.get(region);
    if (!children?.some((child) => regionYears.has(`${child}|${year}`))) continue;
    for (const flow of FLOWS) {
      const parts = children.map((child) => flowOf(child, year, flow));
      ledger.sum(ledger.variable(`${TABLE}.${flow}`, region, year), parts, 'children');
    }
  }
}

/** A withheld flow is disclosed by a count an outsider can pin, or narrow to fewer than ⌈k/2⌉ values. */
function revealsCount(known: Readonly<Record<string, KnownMeasure>>, k: number): readonly string[] {
  const households = known.households;
  return isPinned(households) || isNarrow(households, k) ? ['households'] : [];
}
