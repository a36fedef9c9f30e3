import type {CountyProfile} from './county-profiles.ts';
import {createHeadIdentities} from './fake-identity.ts';
import type {FakeIdentity} from './fake-identity.ts';
import type {MonitoringEpisode} from './monitoring-episodes.ts';
import type {Random} from './random.ts';
import type {VillagePlan} from './village-plans.ts';

/** Everything one village's households are drawn from. */
export interface HouseholdContext {
  seed: number;
  plan: VillagePlan;
  profile: CountyProfile;
  villagesInCounty: number;
  /** The county's monitoring episodes that fall to this village. */
  episodes: readonly MonitoringEpisode[];
  povertyLines: Map<number, number>;
}

/** The traits of a household that hold across years. */
export interface Household {
  id: string;
  identity: FakeIdentity;
  members: number;
  labor: number;
  registered: boolean;
  poor2019: boolean;
  exitYear: number;
  income: number;
  industry: boolean;
  toiletRank: number;
  housingRank: number;
  waterRank: number;
  episode: MonitoringEpisode | null;
}

const MEMBER_WEIGHTS = [8, 18, 20, 22, 17, 10, 5];
// Exits of registered households by year, 2014–2019: the campaign peaked in 2017–2018.
const EXIT_YEARS = [2014, 2015, 2016, 2017, 2018, 2019];
const EXIT_WEIGHTS = [8, 10, 14, 22, 30, 16];

/**
 * Returns the traits of every household of a village: exactly
 * `plan.registered` of them registered, each of the village's monitoring
 * episodes given to a distinct household of the right kind.
 */
export function drawHouseholds(context: HouseholdContext, random: Random): Household[] {
  const {plan, profile} = context;
  const identities = createHeadIdentities(random, plan.countyCode, plan.indexInCounty, context.villagesInCounty);
  const registered = new Set(shuffledIndices(random, plan.households).slice(0, plan.registered));

  const households = Array.from({length: plan.households}, (_, i): Household => {
    const isRegistered = registered.has(i);
    const members = 1 + random.weighted(MEMBER_WEIGHTS);
    let labor = 0;
    for (let m = 0; m < members; m++) if (random.chance(isRegistered ? 0.5 : 0.62)) labor++;
    const poor2019 = isRegistered && random.chance(profile.poorShare2019);
    return {
      id: `H${plan.region.code}${String(i + 1).padStart(4, '0')}`,
      identity: identities(random.chance(0.85)),
      members,
      labor,
      registered: isRegistered,
      poor2019,
      exitYear: poor2019 ? 2020 : EXIT_YEARS[random.weighted(EXIT_WEIGHTS)]!,
      // Lognormal around the county mean; registered households earn about 72% of it.
      income: isRegistered ? 0.72 * Math.exp(0.28 * random.normal() - 0.04) : Math.exp(0.35 * random.normal() - 0.06),
      industry: random.chance(isRegistered ? 0.85 : 0.45),
      // Registered households got toilet and housing subsidies first.
      toiletRank: random.next() * (isRegistered ? 0.85 : 1),
      housingRank: random.next(),
      waterRank: random.next(),
      episode: null
    };
  });

  const free = {
    registered: shuffledIndices(random, plan.households).filter((i) => households[i]!.registered),
    other: shuffledIndices(random, plan.households).filter((i) => !households[i]!.registered)
  };
  for (const episode of context.episodes) {
    const index = (episode.registered ? free.registered : free.other).pop();
    if (index === undefined) throw new Error(`no household left for a monitoring episode in ${plan.region.code}`);
    const household = households[index]!;
    household.episode = episode;
    // Returning to poverty presumes an earlier exit; flag 3 presumes labour.
    if (household.poor2019) episode.returned = false;
    if (household.labor === 0 && episode.riskFlags.includes(3)) {
      episode.riskFlags = [...new Set(episode.riskFlags.map((f) => (f === 3 ? 2 : f)))].sort((a, b) => a - b);
    }
  }
  return households;
}

function shuffledIndices(random: Random, n: number): number[] {
  const indices = Array.from({length: n}, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices;
}
