import type {MonitorType} from '../../src/lib/input-tables.ts';
import {YEARS, dayOf, yearEnd, yearOf} from './calendar.ts';
import type {CountyProfile} from './county-profiles.ts';
import {createRandom} from './random.ts';
import type {Random} from './random.ts';
import type {VillagePlan} from './village-plans.ts';

/** One household's time under 防返贫 monitoring, decided per county and handed to its village. */
export interface MonitoringEpisode {
  type: MonitorType;
  /** Whether the household is a registered one (unstable always, edge never, sudden either). */
  registered: boolean;
  /** Day monitoring began (纳入监测日期). */
  since: number;
  /** Day the risk was eliminated, or null if it never was; may lie after the sample's last year. */
  eliminated: number | null;
  /** Whether the household fell back into poverty (返贫) until its risk was eliminated. */
  returned: boolean;
  /** Risk-feature codes 1–10, ascending. */
  riskFlags: number[];
}

/** Whether an episode counts the household as monitored in `year`: from its start to the year its risk ends. */
export function isActiveIn(episode: MonitoringEpisode, year: number): boolean {
  return yearOf(episode.since) <= year && (episode.eliminated === null || yearOf(episode.eliminated) >= year);
}

// Rough frequencies of the ten risk features in monitoring records: illness (4),
// weak labour (2) and disasters or accidents (8) dominate.
const FLAG_WEIGHTS = [8, 14, 10, 25, 8, 3, 6, 14, 4, 8];

/**
 * Returns the monitoring episodes of one county, keyed by village code. Each
 * year gets exactly as many active episodes as the county's monitored share
 * asks (kept within 2–6% of registered households, so even a one-township
 * sample shows a believable share); new episodes top up those carried over.
 */
export function planMonitoring(
  seed: number,
  profile: CountyProfile,
  plans: readonly VillagePlan[]
): Map<string, MonitoringEpisode[]> {
  const random = createRandom(seed, 'monitoring', profile.code, plans.length);
  const registered = plans.reduce((sum, p) => sum + p.registered, 0);
  const used = plans.map(() => ({registered: 0, other: 0}));
  const byVillage = new Map<string, MonitoringEpisode[]>();
  const episodes: MonitoringEpisode[] = [];

  YEARS.forEach((year, i) => {
    if (year < 2020 || registered === 0) return;
    const wanted = Math.round(profile.monitoredShare[i]! * registered);
    const target = Math.min(Math.floor(0.06 * registered), Math.max(Math.ceil(0.02 * registered), wanted));
    const carried = episodes.filter((e) => isActiveIn(e, year)).length;
    for (let n = carried; n < target; n++) {
      const episode = newEpisode(random, year);
      const village = pickVillage(random, plans, used, episode);
      if (village < 0) break;
      episodes.push(episode);
      const code = plans[village]!.region.code;
      byVillage.set(code, [...(byVillage.get(code) ?? []), episode]);
    }
  });
  return byVillage;
}

function newEpisode(random: Random, year: number): MonitoringEpisode {
  // 赣市扶攻字〔2020〕4号 took effect on 2020-05-06.
  const first = year === 2020 ? dayOf(2020, 5, 6) : dayOf(year, 1, 1);
  const since = random.int(first, yearEnd(year));
  const type = (['unstable', 'edge', 'sudden'] as const)[random.weighted([0.45, 0.4, 0.15])]!;
  const registered = type === 'unstable' || (type === 'sudden' && random.chance(0.5));
  const flags = new Set<number>();
  const count = 1 + random.weighted([0.5, 0.35, 0.15]);
  while (flags.size < count) flags.add(1 + random.weighted(FLAG_WEIGHTS));
  return {
    type,
    registered,
    since,
    // Nine in ten risks are eliminated after 6–18 months; the rest stay open.
    eliminated: random.chance(0.9) ? since + random.int(183, 548) : null,
    returned: registered && random.chance(year === 2020 ? 0.55 : year === 2021 ? 0.45 : 0.35),
    riskFlags: [...flags].sort((a, b) => a - b)
  };
}

function pickVillage(
  random: Random,
  plans: readonly VillagePlan[],
  used: {registered: number; other: number}[],
  episode: MonitoringEpisode
): number {
  const room = (registered: boolean) =>
    plans.map((p, i) =>
      registered ? p.registered - used[i]!.registered : p.households - p.registered - used[i]!.other
    );
  let weights = room(episode.registered);
  if (weights.every((w) => w <= 0) && episode.type !== 'unstable') {
    // No household of the wanted kind left: a sudden hardship can strike either kind.
    episode.registered = !episode.registered;
    episode.type = 'sudden';
    episode.returned = false;
    weights = room(episode.registered);
  }
  if (weights.every((w) => w <= 0)) return -1;
  const village = random.weighted(weights.map((w) => Math.max(0, w)));
  if (episode.registered) used[village]!.registered++;
  else used[village]!.other++;
  return village;
}
