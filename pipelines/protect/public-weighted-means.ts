/**
 * The household-weighted village rates of regions above the village (garbage collection, greening, tap water),
 * computed from published figures only. A parent's mean Σ rate·households / Σ households, published to twelve
 * digits beside each village's own rate and the households of the parent, is an exact equation in the households
 * of the villages whose count is withheld: three rates over seven years pinned them down (an independent privacy
 * test recovered 413 withheld counts of 1–4 on the default sample). So a village whose household count is withheld
 * weighs, in every parent's mean, the average of the withheld villages under that parent (the parent's households
 * less the published ones, shared evenly): what anyone could compute from the published tables. Where the parent's
 * own households are withheld, its mean is withheld too.
 */
import type {Cell} from './suppress-cells.ts';

/** The indicator whose expected units are every household of a region and year, as the weights of the means. */
const HOUSEHOLDS_INDICATOR = 'sanitary_toilet_rate';
/** The measure that count is published and withheld as (`measure|year|region`). */
const HOUSEHOLDS_MEASURE = 'hh_all';

/** A parent's mean from published figures: its value, or withheld (its households are). */
export type PublicMean = {value: number | null} | {withheld: true};

/**
 * Returns, by position in `cells`, the public mean of every non-village cell of the indicators `rates`, given
 * the cells of all indicators (each with its `level`) and the withheld measures (`measure|year|region`).
 */
export function publicWeightedMeans(
  cells: readonly (Cell & {level: string})[],
  withheld: ReadonlySet<string>,
  rates: ReadonlySet<string>
): Map<number, PublicMean> {
  const households = new Map<string, number>();
  const parentOf = new Map<string, string | null>();
  const villageRates = new Map<string, Map<number, {code: string; rate: number}[]>>();
  for (const c of cells) {
    parentOf.set(c.region_code, c.parent_code);
    if (c.indicator_id === HOUSEHOLDS_INDICATOR) households.set(`${c.year}|${c.region_code}`, c.expected ?? 0);
    if (rates.has(c.indicator_id) && c.level === 'village' && c.value !== null) {
      let byYear = villageRates.get(c.indicator_id);
      if (!byYear) villageRates.set(c.indicator_id, (byYear = new Map()));
      let list = byYear.get(c.year);
      if (!list) byYear.set(c.year, (list = []));
      list.push({code: c.region_code, rate: c.value});
    }
  }
  const hidden = (year: number, code: string) => withheld.has(`${HOUSEHOLDS_MEASURE}|${year}|${code}`);
  const ancestorCache = new Map<string, string[]>();
  const ancestors = (code: string) => {
    let up = ancestorCache.get(code);
    if (!up) {
      up = [];
      for (let p = parentOf.get(code); p; p = parentOf.get(p)) up.push(p);
      ancestorCache.set(code, up);
    }
    return up;
  };
  // Per year and parent: its villages' published households and how many of them are withheld.
  const shares = new Map<string, {published: number; hiddenCount: number}>();
  for (const v of cells) {
    if (v.indicator_id !== HOUSEHOLDS_INDICATOR || v.level !== 'village') continue;
    for (const parent of ancestors(v.region_code)) {
      const key = `${v.year}|${parent}`;
      const share = shares.get(key) ?? {published: 0, hiddenCount: 0};
      if (hidden(v.year, v.region_code)) share.hiddenCount++;
      else share.published += v.expected ?? 0;
      shares.set(key, share);
    }
  }
  const averageHidden = (year: number, parent: string) => {
    const share = shares.get(`${year}|${parent}`);
    if (!share?.hiddenCount) return 0;
    return ((households.get(`${year}|${parent}`) ?? 0) - share.published) / share.hiddenCount;
  };

  // Each reporting village adds its rate, with its public weight, to the sums of each of its parents.
  const sums = new Map<string, {weighted: number; weights: number}>();
  for (const [id, byYear] of villageRates) {
    for (const [year, villages] of byYear) {
      for (const {code, rate} of villages) {
        for (const parent of ancestors(code)) {
          const weight = hidden(year, code) ? averageHidden(year, parent) : (households.get(`${year}|${code}`) ?? 0);
          const key = `${id}|${year}|${parent}`;
          const sum = sums.get(key) ?? {weighted: 0, weights: 0};
          sum.weighted += rate * weight;
          sum.weights += weight;
          sums.set(key, sum);
        }
      }
    }
  }
  const means = new Map<number, PublicMean>();
  cells.forEach((c, i) => {
    if (!rates.has(c.indicator_id) || c.level === 'village') return;
    if (hidden(c.year, c.region_code)) {
      means.set(i, {withheld: true});
      return;
    }
    const sum = sums.get(`${c.indicator_id}|${c.year}|${c.region_code}`);
    means.set(i, {value: sum && sum.weights > 0 ? sum.weighted / sum.weights : null});
  });
  return means;
}
