/**
 * The audit of the published `monitoring` table (monitored households by
 * region, year, monitor type and risk feature): every cell is sensitive, risk
 * features are shown from township level up only, and a withheld count (the
 * monitored households with their people, or the eliminated ones) must not
 * follow from its total and the other monitor types, nor from its parent and
 * the other regions, nor from the other count of its row.
 */
import {join} from 'node:path';
import {MONITOR_TYPES} from '../../src/lib/input-tables.ts';
import type {AuditFinding, CellKey} from './audit-finding.ts';
import {isBelowThreshold, isNarrow} from './audit-options.ts';
import type {AuditOptions} from './audit-options.ts';
import type {DisclosureLedger, KnownMeasure} from './disclosure-ledger.ts';
import type {PublishedHierarchy} from './read-published-hierarchy.ts';
import {publishedBoolean, publishedNumber, readPublishedCsv} from './read-published-csv.ts';

const TABLE = 'monitoring';
const COLUMNS = [
  'region_code',
  'level',
  'year',
  'monitor_type',
  'risk_flag',
  'households',
  'people',
  'eliminated_households',
  'suppressed'
] as const;
const MEASURES = ['households', 'people', 'eliminated_households'] as const;
/** What adds up over regions and monitor types: the published counts and the households not yet eliminated,
 * whose sums an outsider gets by subtracting one from another (bounds propagation alone would not). */
const SUMMED = [...MEASURES, 'remaining_households'] as const;

/** The measure reference of a row: the total row (all types, all features) is plain `monitoring.<column>`. */
const refOf = (measure: string, type: string, flag: string) =>
  type === '' && flag === '' ? `monitoring.${measure}` : `monitoring.${measure}[${type}/${flag}]`;

/**
 * Reads `monitoring.csv` of `dataDir` when it exists, appends BELOW_THRESHOLD
 * findings and withheld rows that show a number, and records the rows and
 * their sums (over regions, and over monitor types) in `ledger`. Returns the
 * regions and years that have a total row (`region|year`), for the flows audit.
 */
export async function auditMonitoring(
  dataDir: string,
  hierarchy: PublishedHierarchy,
  options: AuditOptions,
  ledger: DisclosureLedger,
  findings: AuditFinding[]
): Promise<Set<string>> {
  const k = options.kSensitive;
  const totals = new Set<string>();
  // Regions with a row per type, feature and year; types with a row per region, year and feature.
  const regionsOf = new Map<string, {type: string; flag: string; year: number; regions: Set<string>}>();
  const typesOf = new Map<string, {region: string; year: number; flag: string; types: Set<string>}>();
  await readPublishedCsv(join(dataDir, `${TABLE}.csv`), COLUMNS, (fields, line) => {
    const [region, level, rawYear, type, flag, ...rest] = fields.map((f) => f.trim());
    const year = Number(rawYear);
    if (!Number.isInteger(year)) throw new Error(`published ${TABLE} line ${line}: year is not an integer`);
    const cell: CellKey = {
      table: TABLE,
      indicator_id: '',
      region_code: region!,
      year,
      monitor_type: type!,
      risk_flag: flag!
    };
    const [households = null, people = null, eliminated = null] = rest.slice(0, 3).map(publishedNumber);
    const withheld = publishedBoolean(rest[3]!, `${TABLE} suppressed on line ${line}`);
    const add = (code: AuditFinding['code'], detail: string) => findings.push({code, ...cell, detail});
    if (type === '' && flag === '') totals.add(`${region}|${year}`);

    if (flag !== '' && (hierarchy.level.get(region!) ?? level) === 'village') {
      add('BELOW_THRESHOLD', 'risk-feature breakdowns only at township level and above');
    }
    const counts = [households, people, eliminated];
    if (withheld === counts.every((n) => n !== null)) {
      add('RECOVERABLE', withheld ? 'withheld row shows every count' : 'published row lacks a count');
    }
    // The monitored households and their people are withheld together, and where either is, so is what
    // the published eliminated households would leave of them.
    if ((households === null) !== (people === null)) add('RECOVERABLE', 'households and people withheld apart');
    if (isBelowThreshold(households, k)) add('BELOW_THRESHOLD', `households fewer than ${k}`);
    if (isBelowThreshold(people, k)) add('BELOW_THRESHOLD', `people fewer than ${k}, so fewer than ${k} households`);
    if (isBelowThreshold(eliminated, k)) add('BELOW_THRESHOLD', `eliminated households fewer than ${k}`);
    // The row shows risk_elimination_rate of its cell: its complement is protected as well.
    if (households !== null && eliminated !== null && isBelowThreshold(households - eliminated, k)) {
      add('BELOW_THRESHOLD', `households not yet eliminated fewer than ${k}`);
    }
    MEASURES.forEach((name, i) => {
      const number = counts[i]!;
      if (number !== null) ledger.published(refOf(name, type!, flag!), region!, year, number);
    });
    if (withheld) {
      // What the row leaves out: its empty counts, and the households not yet eliminated unless both it
      // subtracts are shown.
      const hidden: string[] = MEASURES.filter((_, i) => counts[i] === null);
      if (households === null || eliminated === null) hidden.push('remaining_households');
      const refs = hidden.map((name) => ({name, ref: refOf(name, type!, flag!)}));
      ledger.withheld(cell, refs, (known) => reveals(known, k));
    }
    // An outsider knows that eliminated households are some of the monitored ones, and that a household has at
    // least one member: the households not yet eliminated (risk_elimination_rate's complement) and the people
    // beyond one per household are counts of at least zero.
    const measure = (name: string) => ledger.variable(refOf(name, type!, flag!), region!, year);
    ledger.sum(
      measure('households'),
      [measure('eliminated_households'), measure('remaining_households')],
      'numerator and complement'
    );
    ledger.sum(measure('people'), [measure('households'), measure('further_members')], 'numerator and complement');
    const byRegion = `${type}\u0000${flag}\u0000${year}`;
    let group = regionsOf.get(byRegion);
    if (!group) regionsOf.set(byRegion, (group = {type: type!, flag: flag!, year, regions: new Set()}));
    group.regions.add(region!);
    const byType = `${region}\u0000${year}\u0000${flag}`;
    let types = typesOf.get(byType);
    if (!types) typesOf.set(byType, (types = {region: region!, year, flag: flag!, types: new Set()}));
    types.types.add(type!);
  });

  const keyOf = (region_code: string, year: number, monitor_type: string, risk_flag: string): CellKey => ({
    table: TABLE,
    indicator_id: '',
    region_code,
    year,
    monitor_type,
    risk_flag
  });
  const part = (ref: string, cell: CellKey, present: boolean) =>
    !present && options.monitoringAbsentRowsAreZero
      ? ledger.absent(ref, cell, true)
      : ledger.variable(ref, cell.region_code, cell.year);

  // Parent = sum of its children, for every type and feature.
  for (const {type, flag, year, regions} of regionsOf.values()) {
    for (const parent of regions) {
      const children = hierarchy.children.get(parent);
      // With no child row at all the level below is not published for this parent.
      if (!children?.some((child) => regions.has(child))) continue;
      for (const measure of SUMMED) {
        const ref = refOf(measure, type, flag);
        const parts = children.map((child) => part(ref, keyOf(child, year, type, flag), regions.has(child)));
        ledger.sum(ledger.variable(ref, parent, year), parts, 'children');
      }
    }
  }
  // A risk feature's households are some of the region's monitored ones: the feature row is at most the total,
  // in each count (the rest, households without that feature, is a count of at least zero).
  for (const {region, year, flag, types} of typesOf.values()) {
    if (flag === '' || !types.has('') || !typesOf.get(`${region}\u0000${year}\u0000`)?.types.has('')) continue;
    for (const measure of SUMMED) {
      const total = ledger.variable(refOf(measure, '', ''), region, year);
      const rest = ledger.variable(refOf(measure, '', `not ${flag}`), region, year);
      ledger.sum(total, [ledger.variable(refOf(measure, '', flag), region, year), rest], 'risk feature and the rest');
    }
  }
  // All types = sum of the monitor types, for the total and each risk feature. Risk features overlap
  // (a household may have several), so they are not a breakdown.
  const allTypes = new Set(Object.keys(MONITOR_TYPES));
  for (const {types} of typesOf.values()) for (const type of types) if (type !== '') allTypes.add(type);
  for (const {region, year, flag, types} of typesOf.values()) {
    if (!types.has('') || types.size === 1) continue;
    for (const measure of SUMMED) {
      const parts = [...allTypes].map((type) =>
        part(refOf(measure, type, flag), keyOf(region, year, type, flag), types.has(type))
      );
      ledger.sum(ledger.variable(refOf(measure, '', flag), region, year), parts, 'monitor types');
    }
  }
  return totals;
}

/**
 * Whether what an outsider can work out of a withheld monitoring row discloses
 * it: a count narrowed to fewer than ⌈k/2⌉ values while it may be 1..k−1
 * (pinned included), or a count shown under another name (the total is
 * monitored_share's numerator) that is below the threshold. A count of k or
 * more that follows exactly is one the rule would publish: hiding it was to no
 * end, but it tells nothing of a small group (a township whose villages show
 * none eliminated has none, and so all its monitored households not yet
 * eliminated). Its people follow from the same sums as its households, so they
 * are pinned only where the households are. Zero is published anyway.
 */
function reveals(known: Readonly<Record<string, KnownMeasure>>, k: number): readonly string[] {
  return Object.entries(known)
    .filter(([, m]) => m.by !== 'zero' && (isNarrow(m, k) || (m.by === 'published' && isBelowThreshold(m.lower, k))))
    .map(([name]) => name);
}
