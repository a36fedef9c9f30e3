import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import Papa from 'papaparse';
import type {CoverageUnit} from './coverage.ts';
import type {RegionLevel} from './input-tables.ts';
import {publishedDataDir} from './site-settings.ts';

/** A row of the published `regions` table. */
export interface PublishedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  poor_village: boolean | null;
  deep_poor_village: boolean | null;
  weak_village: boolean | null;
}

/** The published `manifest.json`, as far as the site reads it. */
export interface PublishedManifest {
  build_id: string;
  /** The date of the data (site.yml's release_date, else the latest fund issued or notice posted); null if none. */
  release_date: string | null;
  synthetic: boolean;
  tables: Record<string, {rows: number}>;
  /** The date the projects' `overdue` flag is judged at: the last day of the latest project year. */
  flags_reference_date: string | null;
  /** Disclosure control's thresholds: a band stands for 1..k−1 households (k_sensitive for sensitive cells). */
  disclosure: {k: number; k_sensitive: number; max_household_members: number};
}

const cache = new Map<string, unknown>();

/** Reads (once per build) a published JSON file such as `regions.json`. */
export function readPublishedJson<T>(file: string): T {
  const path = join(publishedDataDir(), file);
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return cache.get(path) as T;
}

export const readRegions = () => readPublishedJson<PublishedRegion[]>('regions.json');
export const readManifest = () => readPublishedJson<PublishedManifest>('manifest.json');

/** A row of the published `indicators` table (the registry, flattened). */
export interface PublishedIndicator {
  id: string;
  order: number;
  name_zh: string;
  name_en: string;
  unit: 'percent' | 'yuan' | 'people' | 'percentage_points';
  direction: 'higher_is_better' | 'lower_is_better' | 'neutral';
  definition: string;
  definition_en: string;
  formula: string;
  numerator_zh: string | null;
  numerator_en: string | null;
  denominator_zh: string | null;
  denominator_en: string | null;
  population: string;
  aggregation: string;
  /** What the coverage of its values counts. */
  coverage_unit: CoverageUnit;
  sensitive: boolean;
  /** JSON text: [{operator, value, from_year, by_year, source, quote}]. */
  targets: string;
  source: string;
  note_zh: string | null;
  note_en: string | null;
}

export type IndicatorStatus = 'met' | 'on_track' | 'at_risk' | 'off_track' | 'no_target' | 'incomplete' | 'suppressed';

/** A row of the published `indicator_values` table. */
export interface IndicatorValue {
  indicator_id: string;
  region_code: string;
  level: RegionLevel;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Units that reported what the indicator needs, of those it expects (contract v2); null where withheld. */
  reporting_units: number | null;
  expected_units: number | null;
  target: number | null;
  target_operator: string | null;
  status: IndicatorStatus;
  suppressed: boolean;
  /**
   * Inclusive bounds of the value: the value itself where published; where withheld, the band its rule implies
   * (`band_of` names the count the rule found small, or `both` where every value but none and all is withheld),
   * or null without one.
   */
  lower: number | null;
  upper: number | null;
  band_of: 'numerator' | 'complement' | 'both' | null;
}

export const readIndicators = () => readPublishedJson<PublishedIndicator[]>('indicators.json');

// Columns read as numbers or booleans; all others stay text (codes keep their digits, names stay names).
const TYPED_COLUMNS = new Set([
  'year',
  'value',
  'numerator',
  'denominator',
  'reporting_units',
  'expected_units',
  'lower',
  'upper',
  'target',
  'suppressed',
  'risk_flag',
  'households',
  'people',
  'eliminated_households',
  'amount',
  'budget',
  'spent',
  'beneficiary_households',
  'beneficiary_poor_households',
  'notice_days'
]);

/**
 * Reads a published CSV (UTF-8 with BOM) once per build. Parsed with
 * PapaParse's typing for the numeric and boolean columns; empty cells are
 * null; codes, ids and names stay text.
 */
export function readPublishedCsv<T>(file: string): T[] {
  const path = join(publishedDataDir(), file);
  if (!cache.has(path)) {
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<T>(text, {
      header: true,
      skipEmptyLines: true,
      dynamicTyping: (column) => TYPED_COLUMNS.has(String(column)),
      transform: (value) => (value === '' ? (null as unknown as string) : value)
    }).data;
    cache.set(path, rows);
  }
  return cache.get(path) as T[];
}

export const readIndicatorValues = () => readPublishedCsv<IndicatorValue>('indicator_values.csv');

/** A row of the published `monitoring` table. */
export interface MonitoringValue {
  region_code: string;
  level: RegionLevel;
  year: number;
  monitor_type: string | null;
  risk_flag: number | null;
  households: number | null;
  people: number | null;
  eliminated_households: number | null;
  suppressed: boolean;
}

export const readMonitoring = () => readPublishedCsv<MonitoringValue>('monitoring.csv');

/** A row of the published `monitoring_flows` table: one flow of one region (township and above) and year. */
export interface MonitoringFlow {
  region_code: string;
  level: RegionLevel;
  year: number;
  flow: 'entered' | 'exited';
  households: number | null;
  suppressed: boolean;
}

export const readMonitoringFlows = () => readPublishedCsv<MonitoringFlow>('monitoring_flows.csv');

let flowsByRegion: Map<string, MonitoringFlow[]> | undefined;

/**
 * The flows of `region` by year, oldest first: entered and exited side by side, withheld when either is
 * (the two are withheld together).
 */
export function flowYearsOf(
  region: string
): {year: number; entered: number | null; exited: number | null; suppressed: boolean}[] {
  flowsByRegion ??= Map.groupBy(readMonitoringFlows(), (f) => f.region_code);
  const rows = flowsByRegion.get(region) ?? [];
  const years = [...new Set(rows.map((f) => f.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const of = (flow: string) => rows.find((f) => f.year === year && f.flow === flow);
    const [entered, exited] = [of('entered'), of('exited')];
    return {
      year,
      entered: entered?.households ?? null,
      exited: exited?.households ?? null,
      suppressed: Boolean(entered?.suppressed || exited?.suppressed)
    };
  });
}

/** A row of the published `projects` table (public by rule: 项目安排和资金使用情况一律公告公示). */
export interface PublishedProject {
  project_id: string;
  year: number;
  name: string;
  type: string;
  region_code: string;
  region_name: string;
  fund_id: string;
  budget: number;
  spent: number;
  beneficiary_households: number;
  beneficiary_poor_households: number;
  status: string;
  /** Empty for a planned project whose dates are not fixed yet; end_date also for work in progress. */
  start_date: string | null;
  end_date: string | null;
  responsible_unit: string;
  notice_start: string | null;
  notice_end: string | null;
  asset_owner: string | null;
  hotline: string | null;
  notice_days: number | null;
  flags: string | null;
}

export const readProjects = () => readPublishedCsv<PublishedProject>('projects.csv');

/** A row of the published `not_reported` table: cells left empty, per county, input file, column and year. */
export interface NotReported {
  region_code: string;
  dataset: string;
  column: string;
  year: number;
  /** Null where withheld: it would show 1..k−1 households reporting. */
  cells: number | null;
  suppressed: boolean;
}

export const readNotReported = () => readPublishedJson<NotReported[]>('not_reported.json');
