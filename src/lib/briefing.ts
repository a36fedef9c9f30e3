/**
 * The figures of a region's one-page briefing (简报) besides its indicators: what changed since last year, the
 * monitoring of households at risk, and the funds and projects of the year — all from the published tables, for the
 * region and everything below it.
 */
import {splitFlags} from './flags.ts';
import type {IndicatorIndex} from './indicator-index.ts';
import {fundsById} from './project-index.ts';
import type {PublishedFund} from './project-index.ts';
import {flowYearsOf, readProjects} from './published-data.ts';
import type {IndicatorStatus, PublishedProject, PublishedRegion} from './published-data.ts';
import type {RegionLevel} from './input-tables.ts';

/** The levels that get a briefing: a village's page is already short. */
export const BRIEFING_LEVELS: readonly RegionLevel[] = ['province', 'city', 'county', 'township'];

/** An indicator whose status is not what it was the year before. */
export interface StatusChange {
  indicatorId: string;
  from: IndicatorStatus;
  to: IndicatorStatus;
}

/** Indicators of `code` whose status changed from `year − 1` to `year`, withheld ones left out. */
export function statusChanges(index: IndicatorIndex, code: string, year: number): StatusChange[] {
  const judged = (s: IndicatorStatus | undefined) => s !== undefined && s !== 'suppressed';
  return index.indicators.flatMap((indicator) => {
    const from = index.get(indicator.id, code, year - 1)?.status;
    const to = index.get(indicator.id, code, year)?.status;
    return judged(from) && judged(to) && from !== to ? [{indicatorId: indicator.id, from: from!, to: to!}] : [];
  });
}

/** Households entering and leaving monitoring in `year`, or null where not published (or withheld). */
export function flowsOf(code: string, year: number): {entered: number; exited: number} | null {
  const row = flowYearsOf(code).find((f) => f.year === year);
  if (!row || row.suppressed || row.entered === null || row.exited === null) return null;
  return {entered: row.entered, exited: row.exited};
}

/** The funds and projects of a region and its sub-regions in a year. */
export interface FundsAndProjects {
  funds: PublishedFund[];
  fundAmount: number;
  projects: PublishedProject[];
  budget: number;
  spent: number;
  flagged: PublishedProject[];
}

/** Codes are hierarchical (county 6 digits, township 9, village 12): a region's own and its sub-regions'. */
const within = (region: PublishedRegion, code: string) => code.startsWith(region.code);
// Summed to the fen: amounts are yuan with two decimals.
const total = (amounts: number[]) => Math.round(amounts.reduce((a, x) => a + x * 100, 0)) / 100;

export function fundsAndProjects(region: PublishedRegion, year: number): FundsAndProjects {
  const funds = [...fundsById().values()].filter((f) => f.year === year && within(region, f.recipient_code));
  const projects = readProjects().filter((p) => p.year === year && within(region, p.region_code));
  const flagged = projects
    .filter((p) => splitFlags(p.flags).length > 0)
    .sort((a, b) => b.budget - a.budget || a.project_id.localeCompare(b.project_id));
  return {
    funds,
    fundAmount: total(funds.map((f) => f.amount)),
    projects,
    budget: total(projects.map((p) => p.budget)),
    spent: total(projects.map((p) => p.spent)),
    flagged
  };
}
