import {YEARS} from './calendar.ts';
import type {CountyProfile} from './county-profiles.ts';
import {createRandom} from './random.ts';
import type {ReferenceRegion, SampleScope} from './regions-for-scale.ts';
import {countyCodeOf, townshipCodeOf} from './regions-for-scale.ts';
import type {ScaleProfile} from './scales.ts';

/** What is settled about a village before any of its rows is written. */
export interface VillagePlan {
  region: ReferenceRegion;
  countyCode: string;
  townshipCode: string;
  /** Position among the county's villages in code order; ID-number serials are blocked by it. */
  indexInCounty: number;
  /** A 居委会 or 社区 rather than a 村委会: never a poor village, fewer registered households. */
  residential: boolean;
  poor: boolean;
  deepPoor: boolean;
  /** 经济薄弱村: collective operating income below 50,000 yuan in 2019. */
  weak: boolean;
  households: number;
  registered: number;
  /** Collective operating income per index of YEARS, yuan. */
  collectiveIncome: number[];
}

/** The line below which a village's collective income is weak (赣市扶攻字〔2019〕8号, 二.5). */
export const WEAK_INCOME_LINE = 50_000;

/**
 * Returns one plan per village of the scope, in code order. Each village draws
 * from its own stream; registered households are then shared out per county
 * (largest remainder) so each county's registered share is exactly its profile's.
 */
export function planVillages(
  seed: number,
  scope: SampleScope,
  profiles: Map<string, CountyProfile>,
  scale: ScaleProfile
): VillagePlan[] {
  const indexInCounty = new Map<string, number>();
  const plans = scope.villages.map((region) => {
    const countyCode = countyCodeOf(region.code);
    const index = indexInCounty.get(countyCode) ?? 0;
    indexInCounty.set(countyCode, index + 1);
    return planVillage(seed, region, countyCode, index, scale);
  });
  ensureSmallVillages(seed, plans, scale.minSmallVillages);
  keepDensity(plans, scale.householdsPerVillage);
  for (const profile of profiles.values()) {
    allocateRegistered(
      seed,
      plans.filter((p) => p.countyCode === profile.code),
      profile
    );
  }
  return plans;
}

function planVillage(
  seed: number,
  region: ReferenceRegion,
  countyCode: string,
  indexInCounty: number,
  scale: ScaleProfile
): VillagePlan {
  const random = createRandom(seed, 'village', region.code);
  const residential = !/(村委会|村民委员会)$/.test(region.name);
  // About a quarter of all villages were 贫困村; only 村委会 could be one.
  const poor = !residential && random.chance(0.3);
  const deepPoor = poor && random.chance(0.2);
  // Lognormal with mean 1 over the city: about a sixth of units are 居委会 with fewer rural households.
  const size = Math.exp(0.45 * random.normal() - 0.1) * (residential ? 0.65 : 1.08);
  const small = random.chance(0.015);
  const households = small
    ? random.int(1, 4)
    : Math.min(9_999, Math.max(5, Math.round(scale.householdsPerVillage * size)));

  const median = residential ? 120_000 : poor ? 65_000 : 95_000;
  const income2019 = median * Math.exp(0.55 * random.normal());
  const weak = income2019 < WEAK_INCOME_LINE;
  // Weak villages got targeted support and mostly caught up; a fifth stayed behind.
  const stuck = weak && random.chance(0.2);
  let income = income2019;
  const collectiveIncome = YEARS.map((_, i) => {
    if (i > 0) {
      const growth = stuck ? random.uniform(-0.02, 0.08) : weak ? random.uniform(0.15, 0.35) : random.uniform(0, 0.12);
      income *= 1 + growth;
    }
    return Math.round(income * 100) / 100;
  });
  return {
    region,
    countyCode,
    townshipCode: townshipCodeOf(region.code),
    indexInCounty,
    residential,
    poor,
    deepPoor,
    weak,
    households,
    registered: 0,
    collectiveIncome
  };
}

// Small cells must occur at every scale, also in a 13-village tiny sample.
function ensureSmallVillages(seed: number, plans: VillagePlan[], minimum: number): void {
  const random = createRandom(seed, 'small-villages', plans.length);
  let small = plans.filter((p) => p.households <= 4).length;
  const others = plans.filter((p) => p.households > 4);
  while (small < minimum && others.length > 0) {
    const [plan] = others.splice(random.int(0, others.length - 1), 1);
    plan!.households = random.int(1, 4);
    small++;
  }
}

// Village sizes vary a lot; rescaling the ordinary villages keeps the scale's
// mean density even for the 13 villages of a tiny sample.
function keepDensity(plans: VillagePlan[], perVillage: number): void {
  const ordinary = plans.filter((p) => p.households > 4);
  const smallTotal = plans.reduce((sum, p) => sum + (p.households <= 4 ? p.households : 0), 0);
  const total = ordinary.reduce((sum, p) => sum + p.households, 0);
  if (total === 0) return;
  const factor = (perVillage * plans.length - smallTotal) / total;
  for (const plan of ordinary) plan.households = Math.min(9_999, Math.max(5, Math.round(plan.households * factor)));
}

function allocateRegistered(seed: number, plans: VillagePlan[], profile: CountyProfile): void {
  const random = createRandom(seed, 'registered', profile.code, plans.length);
  const total = plans.reduce((sum, p) => sum + p.households, 0);
  let remaining = Math.round(profile.registeredShare * total);
  const weights = plans.map((p) => p.households * (p.poor ? 1.6 : p.residential ? 0.4 : 1) * random.uniform(0.8, 1.2));
  // Largest remainder, repeated while capped villages hand back their excess.
  while (remaining > 0) {
    const open = plans.map((p, i) => (p.registered < p.households ? i : -1)).filter((i) => i >= 0);
    if (open.length === 0) break;
    const weightSum = open.reduce((sum, i) => sum + weights[i]!, 0);
    const quotas = open.map((i) => ({i, q: (remaining * weights[i]!) / weightSum}));
    let given = 0;
    for (const {i, q} of quotas) {
      const add = Math.min(Math.floor(q), plans[i]!.households - plans[i]!.registered);
      plans[i]!.registered += add;
      given += add;
    }
    quotas.sort((a, b) => b.q - Math.floor(b.q) - (a.q - Math.floor(a.q)) || a.i - b.i);
    for (const {i} of quotas) {
      if (given >= remaining) break;
      if (plans[i]!.registered < plans[i]!.households) {
        plans[i]!.registered++;
        given++;
      }
    }
    remaining -= given;
    if (given === 0) break;
  }
}
