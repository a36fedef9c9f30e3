/**
 * The audit of the published `indicator_values` table: published cells with
 * too few households behind them, withheld cells that still show something,
 * and the sums (parent = children) an outsider can solve for withheld cells.
 */
import {join} from 'node:path';
import type {AuditFinding, CellKey} from './audit-finding.ts';
import {isBelowThreshold, isNarrow, isPinned} from './audit-options.ts';
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
  'suppressed',
  // Bands came with contract v2's interval audit: a table without them has none.
  'lower?',
  'upper?',
  'band_of?'
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
    const [suppressed, rawLower, rawUpper, rawBandOf] = fields.slice(9);
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
    const band = {lower: publishedNumber(rawLower!), upper: publishedNumber(rawUpper!)};
    if (withheld) findings.push(...showsWithheld(cell, {value, numerator, reporting, expected}, status!, band));
    else {
      findings.push(...belowThreshold(cell, value, numerator, denominator, options));
      findings.push(...coverageBelowThreshold(cell, {reporting, expected}, options));
    }
    if (refs.length === 0) return;

    // A withheld cell may still show its denominator and a band: bounds on its value, so on its numerator.
    const published: Partial<Record<MeasureName, number | null>> = withheld
      ? {denominator}
      : {numerator: numerator ?? (profile.count ? value : null), denominator, reporting, expected};
    if (withheld) ledger.withheld(cell, profile.hidden, profile.reveals);
    for (const {name, ref} of refs) {
      const number = published[name] ?? null;
      if (number !== null) ledger.published(ref, region, cell.year, number);
    }
    const ref = profile.ref;
    if (withheld && (band.lower !== null || band.upper !== null)) {
      const scale = profile.count ? 1 : denominator;
      if (scale !== null) {
        ledger.bounded(ref.numerator, region, cell.year, (band.lower ?? 0) * scale, (band.upper ?? Infinity) * scale);
      }
      // The band is rounded; the rule behind it is not: the count it names is 1..k−1 households, so as many
      // people at most as that many of the largest households hold.
      const of = rawBandOf!.trim();
      if (of === 'numerator' || of === 'complement') {
        const kCell = options.sensitive.has(indicator) ? options.kSensitive : options.k;
        const people = options.peopleCountIndicators.has(indicator) || options.countIndicators.has(indicator);
        const most = (kCell - 1) * (people ? options.maxHouseholdMembers : 1);
        ledger.bounded(ref[of], region, cell.year, 1, most);
      }
      // A band of `both` (1..d−1 of d) needs no rule read: rounded outwards by 0.001 of fewer than 19 households,
      // its bounds still give 1..d−1 in whole numbers.
    }
    // An outsider knows that a numerator never exceeds its denominator, nor reporting units the expected ones.
    const variableOf = (name: MeasureName) => ledger.variable(ref[name], region, cell.year);
    for (const split of profile.splits) {
      const [total, part] =
        split === 'complement' ? (['denominator', 'numerator'] as const) : (['expected', 'reporting'] as const);
      const kind = split === 'complement' ? 'numerator and complement' : 'reporting and not reporting';
      ledger.sum(variableOf(total), [variableOf(part), variableOf(split)], kind);
    }
    let regions = profile.rows.get(cell.year);
    if (!regions) profile.rows.set(cell.year, (regions = new Set()));
    regions.add(region);
  });

  // Every measure adds up from children to parent, and so does a sensitive rate's complement: an outsider who
  // subtracts the numerators' sum from the denominators' learns the complements' sum, which bounds propagation
  // does not derive on its own. (The other gaps are not summed yet: BENCHMARKS.md, "With bands and the interval
  // audit", says what that leaves out.)
  for (const {indicator, refs, splits, rows} of profiles.values()) {
    const summed = [
      ...refs,
      ...splits
        .filter((name) => name === 'complement' && options.sensitive.has(indicator))
        .map((name) => ({name, ref: `${indicator}.${name}`}))
    ];
    for (const [year, regions] of rows) {
      for (const parent of regions) {
        const children = hierarchy.children.get(parent);
        // With no child row at all the level below is not published for this parent: nothing to read as zero.
        if (!children?.some((child) => regions.has(child))) continue;
        for (const {name, ref} of summed) {
          // A region without a row has an empty population: an outsider reads it as zero.
          // Coverage rows exist wherever units are expected, but a first year's growth has none: only the
          // denominator is certain to be empty where a row is missing.
          const parts = children.map((child) =>
            regions.has(child)
              ? ledger.variable(ref, child, year)
              : ledger.absent(
                  ref,
                  {table: TABLE, indicator_id: indicator, region_code: child, year},
                  name === 'denominator' || name === 'complement'
                )
          );
          ledger.sum(ledger.variable(ref, parent, year), parts, 'children');
        }
      }
    }
  }
}

type MeasureName = 'numerator' | 'denominator' | 'reporting' | 'expected' | 'complement' | 'not_reporting';

/** What the audit needs of one indicator, worked out once rather than per row. */
interface IndicatorProfile {
  indicator: string;
  /** The measures that add up from children to parent, with their references: numerator and denominator of an
   * additive indicator (a count has its numerator only), the coverage counts of one counted in households. */
  refs: {name: MeasureName; ref: string}[];
  /** The gaps an outsider knows are never negative: a rate's complement (denominator − numerator), the units
   * not reporting (expected − reporting). */
  splits: ('complement' | 'not_reporting')[];
  /** Every measure a withheld cell hides: `refs` and `splits`. */
  hidden: {name: MeasureName; ref: string}[];
  /** The reference of each measure by name (built once: references are looked up by the million). */
  ref: Record<MeasureName, string>;
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
  const splits = [
    ...(measures.length === 2 && !options.numeratorOutsideDenominator.has(indicator) ? (['complement'] as const) : []),
    ...(coverage.length > 0 ? (['not_reporting'] as const) : [])
  ];
  const refOf = (name: MeasureName) => ({name, ref: `${indicator}.${name}`});
  const refs = [...measures, ...coverage].map(refOf);
  return {
    indicator,
    refs,
    splits,
    hidden: [...refs, ...splits.map(refOf)],
    ref: Object.fromEntries(
      (['numerator', 'denominator', 'reporting', 'expected', 'complement', 'not_reporting'] as const).map((name) => [
        name,
        `${indicator}.${name}`
      ])
    ) as Record<MeasureName, string>,
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
 * - A measure pinned to one value by the sums and bands: contract section 3
 *   allows no withheld cell to be recoverable as parent − other children.
 * - A protected count (the denominator; for a sensitive rate also the
 *   numerator and the complement; a coverage count) that may be 1..k−1 and
 *   lies in a range narrower than ⌈k/2⌉: an interval pins a household nearly
 *   as well as a number.
 * - A protected count shown elsewhere (monitored_share is withheld in a
 *   village whose registered households are shown by safe_housing_rate) that
 *   fails the primary rule. A zero numerator read from a missing row is the
 *   exception: the zero is shown already, and the contract publishes zeros.
 */
function reveals(
  indicator: string,
  known: Readonly<Record<string, KnownMeasure>>,
  options: AuditOptions
): readonly string[] {
  const {numerator} = known;
  const sensitive = options.sensitive.has(indicator);
  const kCell = sensitive ? options.kSensitive : options.k;
  const small = (m: KnownMeasure | undefined) => m?.by === 'published' && isBelowThreshold(m.lower, kCell);
  const disclosed = (names: readonly string[], test: (m: KnownMeasure | undefined) => boolean) =>
    names.filter((name) => test(known[name]));
  // A withheld cell's coverage may be known (it is published where it is not small); a small one may not.
  const found = disclosed([...COVERAGE, 'denominator'], (m) => small(m) || isNarrow(m, kCell));
  if (numerator?.by === 'zero') return found;
  found.push(...disclosed(['numerator', 'denominator'], isPinned));
  if (sensitive) {
    found.push(...disclosed(['numerator'], (m) => small(m) || isNarrow(m, kCell)));
    found.push(...disclosed(['complement'], (m) => isNarrow(m, kCell)));
  }
  return [...new Set(found)];
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

/**
 * A withheld cell shows no value, numerator or coverage, and no status that
 * compares its value with the target; a band it shows (`lower`, `upper`)
 * stands on its denominator, which it shows with it.
 */
function showsWithheld(
  cell: CellKey,
  numbers: Record<'value' | 'numerator' | 'reporting' | 'expected', number | null>,
  status: string,
  band: {lower: number | null; upper: number | null}
): AuditFinding[] {
  const findings: AuditFinding[] = [];
  if (Object.values(numbers).some((n) => n !== null)) {
    findings.push({code: 'RECOVERABLE', ...cell, detail: 'withheld cell still carries a number'});
  }
  if (status.trim() !== 'suppressed') {
    findings.push({code: 'RECOVERABLE', ...cell, detail: 'withheld cell has a status other than suppressed'});
  }
  if (band.lower !== null && band.upper !== null && band.lower >= band.upper) {
    findings.push({code: 'RECOVERABLE', ...cell, detail: 'withheld cell has a band of one value'});
  }
  return findings;
}

function year(text: string, line: number): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`published ${TABLE} line ${line}: year is not an integer`);
  return value;
}
