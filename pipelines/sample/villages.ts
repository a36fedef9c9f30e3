import {FIRST_YEAR, LAST_YEAR, YEARS} from './calendar.ts';
import type {CsvRow} from './csv-writer.ts';
import {createRandom} from './random.ts';
import type {Random} from './random.ts';
import type {VillagePlan} from './village-plans.ts';

/**
 * Returns the rows of villages.csv for one village, one per year. Collective
 * income comes from the plan (it decides the weak-village flag); the three
 * environment shares climb towards the registry's default targets (garbage
 * ≥ 98%, greening ≥ 30%, tap water ≥ 85%), a tenth of villages lagging. Some
 * cells are left empty (not reported), as real exports have them.
 */
export function villageRows(seed: number, plan: VillagePlan): CsvRow[] {
  const random = createRandom(seed, 'village-rates', plan.region.code);
  const garbage = path(random, [0.82, 0.97], random.chance(0.1) ? [0.93, 0.978] : [0.978, 1]);
  const greening = path(random, [0.16, 0.36], random.chance(0.1) ? [0.22, 0.3] : [0.3, 0.5]);
  const tapWater = path(random, [0.68, 0.92], random.chance(0.08) ? [0.75, 0.85] : [0.86, 0.995]);
  // Gaps as offices leave them, from a stream of their own so that the values stay as they were: the
  // greening survey reached about two thirds of villages in its first year, a few villages have not reported
  // the latest year's collective income yet, and now and then one rate is missing.
  const gaps = createRandom(seed, 'village-gaps', plan.region.code);
  return YEARS.map((year, i) => {
    const missing = gaps.next();
    return {
      village_code: plan.region.code,
      year,
      collective_operating_income: year === LAST_YEAR && missing < 0.05 ? '' : plan.collectiveIncome[i]!.toFixed(2),
      garbage_collection_rate: missing >= 0.05 && missing < 0.06 ? '' : share(garbage[i]!),
      greening_rate:
        (year === FIRST_YEAR && gaps.chance(0.3)) || (missing >= 0.06 && missing < 0.07) ? '' : share(greening[i]!),
      tap_water_rate: missing >= 0.07 && missing < 0.08 ? '' : share(tapWater[i]!)
    };
  });
}

// A share that moves from a start to an end level over 2–6 years, then holds.
function path(random: Random, start: [number, number], end: [number, number]): number[] {
  const from = random.uniform(...start);
  const to = Math.max(from, random.uniform(...end));
  const years = random.int(2, 6);
  return YEARS.map((_, i) => from + (to - from) * Math.min(1, i / years));
}

function share(value: number): string {
  return Math.min(1, Math.max(0, value)).toFixed(3);
}
