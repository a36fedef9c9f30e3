import {YEARS} from './calendar.ts';
import {createRandom} from './random.ts';
import type {Random} from './random.ts';
import type {ReferenceRegion} from './regions-for-scale.ts';

/** The traits one county's households share: the levels they vary around. */
export interface CountyProfile {
  code: string;
  name: string;
  /** Share of households registered (建档立卡), 0.11–0.19. */
  registeredShare: number;
  /** Share of registered households still poor at the end of 2019. */
  poorShare2019: number;
  /** Mean per-capita income of all households in 2019, yuan. */
  income2019: number;
  /** Income growth factor from the previous year, per index of YEARS (index 0 unused). */
  incomeGrowth: number[];
  /** Extra yearly growth of registered households' income, as a fraction. */
  registeredExtraGrowth: number;
  /** Share of registered households with every member signed to a family doctor. */
  doctorAllSigned: number;
  /** Monitored households as a share of registered ones, per index of YEARS (0 in 2019). */
  monitoredShare: number[];
}

/**
 * Returns the profile of a county, drawn from its own stream so that it is the
 * same at every scale. Levels echo Gannan's: rural income about 12,000 yuan
 * per person in 2019 growing 8–10% a year, registered households 10–20%.
 */
export function countyProfile(seed: number, county: ReferenceRegion): CountyProfile {
  const random = createRandom(seed, 'county', county.code);
  const urban = county.name.endsWith('区');
  const growth = random.uniform(0.08, 0.1);
  return {
    code: county.code,
    name: county.name,
    registeredShare: urban ? random.uniform(0.11, 0.14) : random.uniform(0.12, 0.19),
    poorShare2019: random.uniform(0.02, 0.06),
    income2019: urban ? random.uniform(13_500, 16_000) : random.uniform(10_800, 13_200),
    incomeGrowth: YEARS.map((_, i) => (i === 0 ? 1 : 1 + growth + random.uniform(-0.006, 0.006))),
    registeredExtraGrowth: random.uniform(0.01, 0.025),
    doctorAllSigned: random.uniform(0.92, 0.99),
    monitoredShare: monitoredShares(random.uniform(0.032, 0.048), random)
  };
}

// Monitoring began with 赣市扶攻字〔2020〕4号 (2020-05-06); the first half-year
// found fewer households than later years, and the share stays under the 5%
// control line most years.
function monitoredShares(level: number, random: Random): number[] {
  return YEARS.map((year) => {
    if (year < 2020) return 0;
    if (year === 2020) return level * random.uniform(0.7, 0.85);
    return level + random.uniform(-0.004, 0.004);
  });
}
