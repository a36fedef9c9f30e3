import type {IndicatorValue, PublishedIndicator} from './published-data.ts';

/** Published indicator values indexed for page rendering. */
export interface IndicatorIndex {
  indicators: PublishedIndicator[];
  byId: Map<string, PublishedIndicator>;
  years: number[];
  latestYear: number;
  /** All values of one region, any indicator, any year. */
  ofRegion: (code: string) => IndicatorValue[];
  /** One value, or undefined when the region has no data for that indicator and year. */
  get: (indicatorId: string, code: string, year: number) => IndicatorValue | undefined;
  /** The series of one indicator and region, oldest first. */
  series: (indicatorId: string, code: string) => IndicatorValue[];
}

const indexes = new WeakMap<readonly IndicatorValue[], IndicatorIndex>();

/** Returns the index of `values`, built once per build (every page shares it). */
export function indicatorIndexOf(indicators: PublishedIndicator[], values: readonly IndicatorValue[]): IndicatorIndex {
  let index = indexes.get(values);
  if (index) return index;
  const byRegion = Map.groupBy(values, (v) => v.region_code);
  const byKey = new Map(values.map((v) => [`${v.indicator_id}|${v.region_code}|${v.year}`, v]));
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  const sorted = [...indicators].sort((a, b) => a.order - b.order);
  index = {
    indicators: sorted,
    byId: new Map(sorted.map((i) => [i.id, i])),
    years,
    latestYear: years.at(-1) ?? 0,
    ofRegion: (code) => byRegion.get(code) ?? [],
    get: (indicatorId, code, year) => byKey.get(`${indicatorId}|${code}|${year}`),
    series: (indicatorId, code) =>
      (byRegion.get(code) ?? []).filter((v) => v.indicator_id === indicatorId).sort((a, b) => a.year - b.year)
  };
  indexes.set(values, index);
  return index;
}

/** The four headline indicators of the home page, in order. */
export const HEADLINE_INDICATORS = [
  'consolidation_rate',
  'collective_income_compliance',
  'family_doctor_rate',
  'sanitary_toilet_rate'
] as const;
