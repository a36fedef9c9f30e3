/**
 * The audit of the published `indicator_values` table: published cells with
 * too few households behind them, withheld cells that still show something,
 * and the sums (parent = children) an outsider can solve for withheld cells.
 */
import {join} from 'node:path';
import type {AuditFinding, CellKey} from './audit-finding.ts';
import {isBelowThreshold} from './audit-options.ts';
import type {AuditOptions} from './audit-options.ts';
import type {DisclosureLedger, KnownMeasure, Reveals} from './disclosure-ledger.ts';
import type {PublishedHierarchy} from './read-published-hierarchy.ts';
import {publishedBoolean, publishedNumber, readPublishedCsv} from './read-published-csv.ts';

const TABLE = 'indicator_values';
const COLUMNS = [
  'indicator_id',
  'region_code',
  'year',
  'value',
  'numerator',
  'denominator',
  'reporting_units',
  'expected_units',
  'status',
  'suppressed'
] as const;

/** The coverage counts of a row: units reporting, units expected. */
const COVERAGE = ['reporting', 'expected'] as const;

/**
 * Reads `indicator_values.csv` of `dataDir` (if present), appends the
 * BELOW_THRESHOLD findings and any withheld cell that shows its value or
 * status, and records the additive indicators' cells and sums in `ledger`.
 */
export async function auditIndicatorValues(
  dataDir: string,
  hierarchy: PublishedHierarchy,
  options: AuditOptions,
  ledger: DisclosureLedger,
  findings: AuditFinding[]
): Promise<void> {
  const profiles = new Map<string, IndicatorProfile>();
  await readPublishedCsv(join(dataDir, `${TABLE}.csv`), COLUMNS, (fields, line) => {
    const [rawId, rawRegion, rawYear, rawValue, rawNumerator, rawDenominator, rawReporting, rawExpected, status] =
      fields;
    const suppressed = fields[9];
    let profile = profiles.get(rawId!);
    if (!profile) profiles.set(rawId!, (profile = profileOf(rawId!.trim(), options)));
    const {indicator, refs} = profile;
    const region = rawRegion!.trim();
    const cell: CellKey = {table: TABLE, indicator_id: indicator, region_code: region, year: year(rawYear!, line)};
    const value = publishedNumber(rawValue!);
    const numerator = publishedNumber(rawNumerator!);
    const denominator = publishedNumber(rawDenominator!);
    const reporting = publishedNumber(rawReporting!);
    const expected = publishedNumber(rawExpected!);
    const withheld = publishedBoolean(suppressed!, `${TABLE} suppressed on line ${line}`);
    if (withheld) findings.push(...showsWithheld(cell, [value, numerator, denominator, reporting, expected], status!));
    else {
      findings.push(...belowThreshold(cell, value, numerator, denominator, options));
      findings.push(...coverageBelowThreshold(cell, {reporting, expected}, options));
    }
    if (refs.length === 0) return;

    if (withheld) ledger.withheld(cell, refs, profile.reveals);
    else {
      const published = {numerator: numerator ?? (profile.count ? value : null), denominator, reporting, expected};
      for (const {name, ref} of refs) {
        const number = published[name];
        if (number !== null) ledger.published(ref, region, cell.year, number);
      }
    }
    let regions = profile.rows.get(cell.year);
    if (!regions) profile.rows.set(cell.year, (regions = new Set()));
    regions.add(region);
  });

  for (const {indicator, refs, rows} of profiles.values()) {
    for (const [year, regions] of rows) {
      for (const parent of regions) {
        const children = hierarchy.children.get(parent);
        // With no child row at all the level below is not published for this parent: nothing to read as zero.
        if (!children?.some((child) => regions.has(child))) continue;
        for (const {name, ref} of refs) {
          // A region without a row has an empty population: an outsider reads it as zero.
          // Coverage rows exist wherever units are expected, but a first year's growth has none: only the
          // denominator is certain to be empty where a row is missing.
          const parts = children.map((child) =>
            regions.has(child)
              ? ledger.variable(ref, child, year)
              : ledger.absent(
                  ref,
                  {table: TABLE, indicator_id: indicator, region_code: child, year},
                  name === 'denominator'
                )
          );
          ledger.sum(ledger.variable(ref, parent, year), parts, 'children');
        }
      }
    }
  }
}

/** What the audit needs of one indicator, worked out once rather than per row. */
interface IndicatorProfile {
  indicator: string;
  /** The measures that add up, with their references: numerator and denominator of an additive indicator,
   * the coverage counts of one counted in households; empty for none. */
  refs: {name: 'numerator' | 'denominator' | 'reporting' | 'expected'; ref: string}[];
  /** Whether the value is a count (its numerator). */
  count: boolean;
  reveals: Reveals;
  /** Regions with a row, per year. */
  rows: Map<number, Set<string>>;
}

function profileOf(indicator: string, options: AuditOptions): IndicatorProfile {
  const measures = options.additive.has(indicator) ? measuresOf(indicator, options) : [];
  // Coverage counts add up where the indicator does (a growth between two years' means does not).
  const coverage = options.householdCoverage.has(indicator) && options.additive.has(indicator) ? COVERAGE : [];
  return {
    indicator,
    refs: [...measures, ...coverage].map((name) => ({name, ref: `${indicator}.${name}`})),
    count: options.countIndicators.has(indicator),
    reveals: (known) => reveals(indicator, known, options),
    rows: new Map()
  };
}

/** The measures of an additive indicator that add up: a count has only its numerator. */
function measuresOf(indicator: string, options: AuditOptions): ('numerator' | 'denominator')[] {
  return options.countIndicators.has(indicator) ? ['numerator'] : ['numerator', 'denominator'];
}

/**
 * Whether what an outsider can work out of a withheld cell discloses it.
 *
 * - Its value, when a measure follows from a sum: contract section 3 allows
 *   no withheld cell to be recoverable as parent − other children.
 * - Its value, from numbers shown elsewhere, when they fail the primary rule
 *   (sensitive: monitored_share is withheld in a village whose registered
 *   households are shown by safe_housing_rate). A zero numerator read from a
 *   missing row is the exception: the zero is shown already, and the contract
 *   publishes zeros.
 * - On its own, a denominator of 1..k−1 households, or for a sensitive rate a
 *   numerator of 1..kSensitive−1.
 *
 * Nothing is disclosed when every measure is zero.
 */
function reveals(indicator: string, known: Readonly<Record<string, KnownMeasure>>, options: AuditOptions): boolean {
  const {numerator, denominator} = known;
  const sensitive = options.sensitive.has(indicator);
  const kCell = sensitive ? options.kSensitive : options.k;
  // A withheld cell's coverage may be known (it is published where it is not small); a small one may not.
  if (COVERAGE.some((name) => known[name] && isBelowThreshold(known[name].value, kCell))) return true;
  const measures = measuresOf(indicator, options);
  const all = measures.map((m) => known[m]);
  if (all.every((m) => m !== undefined)) {
    if (all.every((m) => m!.value === 0) || numerator?.by === 'zero') return false;
    if (all.some((m) => m!.by === 'solved')) return true;
    if (isBelowThreshold(denominator?.value ?? null, kCell)) return true;
    if (!sensitive || !numerator || !denominator) return false;
    return isBelowThreshold(numerator.value, kCell) || isBelowThreshold(denominator.value - numerator.value, kCell);
  }
  if (isBelowThreshold(denominator?.value ?? null, options.k)) return true;
  return sensitive && numerator?.by !== 'zero' && isBelowThreshold(numerator?.value ?? null, options.kSensitive);
}

/**
 * Contract section 3, primary suppression, read back from a published cell:
 * a denominator of 1..k−1 households (or people, hence households), for
 * sensitive rates also such a numerator or complement, and a count of 1..k−1
 * people (hence households).
 */
function belowThreshold(
  cell: CellKey,
  value: number | null,
  numerator: number | null,
  denominator: number | null,
  options: AuditOptions
): AuditFinding[] {
  const id = cell.indicator_id;
  const sensitive = options.sensitive.has(id);
  const k = sensitive ? options.kSensitive : options.k;
  const unit = options.peopleCountIndicators.has(id) ? 'people' : 'households';
  const reasons: string[] = [];
  if (options.householdCountDenominators.has(id) || options.peopleCountIndicators.has(id)) {
    if (isBelowThreshold(denominator, k)) reasons.push(`denominator counts fewer than ${k} ${unit}`);
    if (sensitive && isBelowThreshold(numerator, k)) reasons.push(`numerator counts fewer than ${k} ${unit}`);
    if (sensitive && numerator !== null && denominator !== null && isBelowThreshold(denominator - numerator, k)) {
      reasons.push(`complement (denominator − numerator) counts fewer than ${k} ${unit}`);
    }
  }
  if (options.countIndicators.has(id) && isBelowThreshold(numerator ?? value, k)) {
    reasons.push(`count of fewer than ${k} people, so fewer than ${k} households`);
  }
  return reasons.map((detail) => ({code: 'BELOW_THRESHOLD', ...cell, detail}));
}

/** Coverage counted in households is a count of households of its own: 1..k−1 of them must not be shown. */
function coverageBelowThreshold(
  cell: CellKey,
  counts: {reporting: number | null; expected: number | null},
  options: AuditOptions
): AuditFinding[] {
  if (!options.householdCoverage.has(cell.indicator_id)) return [];
  const k = options.sensitive.has(cell.indicator_id) ? options.kSensitive : options.k;
  return COVERAGE.filter((name) => isBelowThreshold(counts[name], k)).map((name) => ({
    code: 'BELOW_THRESHOLD',
    ...cell,
    detail: `${name} units count fewer than ${k} households`
  }));
}

/** A withheld cell must show nothing: no number, and no status that compares its value with the target. */
function showsWithheld(cell: CellKey, numbers: (number | null)[], status: string): AuditFinding[] {
  const findings: AuditFinding[] = [];
  if (numbers.some((n) => n !== null)) {
    findings.push({code: 'RECOVERABLE', ...cell, detail: 'withheld cell still carries a number'});
  }
  if (status.trim() !== 'suppressed') {
    findings.push({code: 'RECOVERABLE', ...cell, detail: 'withheld cell has a status other than suppressed'});
  }
  return findings;
}

function year(text: string, line: number): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`published ${TABLE} line ${line}: year is not an integer`);
  return value;
}
