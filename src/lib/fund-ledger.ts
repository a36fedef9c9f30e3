import {FUND_LEVELS, type FundLevel, isAboveCounty} from './input-tables.ts';
import type {PublishedFund} from './project-index.ts';
import {
  type PublishedProject,
  type PublishedRegion,
  readProjects,
  readPublishedJson,
  readRegions
} from './published-data.ts';
import {regionTreeOf} from './region-tree.ts';

/** Money of one fund level that reached one county (directly or through its townships). */
export interface FundFlow {
  county: string;
  level: FundLevel;
  amount: number;
}

/** The published funds with their reconciliation columns, by year, date and id. */
export const readFunds = () => readPublishedJson<PublishedFund[]>('funds.json');

/** Fund levels from the farthest (中央) to the nearest (县级). */
export const LEVELS = Object.keys(FUND_LEVELS) as FundLevel[];

/** Lookups over the published funds and projects, built once per site build. */
export interface FundLedger {
  funds: PublishedFund[];
  years: number[];
  fund: (id: string) => PublishedFund | undefined;
  project: (id: string) => PublishedProject | undefined;
  /** The projects that draw on a fund, by year and id. */
  projectsOf: (fundId: string) => PublishedProject[];
  /** Amount issued per year and level (yuan); a missing pair is 0. */
  total: (year: number | null, level: FundLevel | null) => number;
  /** The money per county and level over all years (funds issued to a township count for its county). */
  flows: () => FundFlow[];
}

let ledger: FundLedger | undefined;

/** Returns the ledger of the published funds and projects (read once per build). */
export function fundLedger(): FundLedger {
  ledger ??= buildFundLedger(readFunds(), readProjects());
  return ledger;
}

function buildFundLedger(rawFunds: PublishedFund[], projects: PublishedProject[]): FundLedger {
  const funds = [...rawFunds].sort(
    (a, b) => a.year - b.year || a.issued_date.localeCompare(b.issued_date) || a.fund_id.localeCompare(b.fund_id)
  );
  const byId = new Map(funds.map((f) => [f.fund_id, f]));
  const projectById = new Map(projects.map((p) => [p.project_id, p]));
  const byFund = Map.groupBy(
    [...projects].sort((a, b) => a.year - b.year || a.project_id.localeCompare(b.project_id)),
    (p) => p.fund_id
  );
  const totals = new Map<string, number>();
  for (const f of funds) {
    for (const key of [`${f.year}|${f.level}`, `${f.year}|`, `|${f.level}`, '|']) {
      totals.set(key, (totals.get(key) ?? 0) + f.amount);
    }
  }
  return {
    funds,
    years: [...new Set(funds.map((f) => f.year))].sort((a, b) => a - b),
    fund: (id) => byId.get(id),
    project: (id) => projectById.get(id),
    projectsOf: (fundId) => byFund.get(fundId) ?? [],
    total: (year, level) => totals.get(`${year ?? ''}|${level ?? ''}`) ?? 0,
    flows: () => fundFlows(funds)
  };
}

// The chart runs from level to county: a fund issued to a township or village is counted for its county, one
// issued to the city (or the province) stays with it (named as itself).
function fundFlows(funds: PublishedFund[]): FundFlow[] {
  const tree = regionTreeOf(readRegions());
  const countyOf = (code: string) => {
    const region = tree.byCode.get(code)!;
    if (region.level === 'county' || isAboveCounty(region.level)) return region;
    return tree.ancestors(code).find((a) => a.level === 'county') ?? region;
  };
  // The chart keys its bars by name: a county whose name another county of the province shares (桥西区 in three of
  // 河北's cities) is named with its city.
  const namesake = Map.groupBy(tree.byCode.values(), (r) => `${r.level}|${r.name}`);
  const label = (region: PublishedRegion) =>
    (namesake.get(`${region.level}|${region.name}`)?.length ?? 0) > 1 && region.parent_code
      ? `${tree.byCode.get(region.parent_code)!.name}${region.name}`
      : region.name;
  const sums = new Map<string, FundFlow & {code: string}>();
  for (const f of funds) {
    const county = countyOf(f.recipient_code);
    const key = `${county.code}|${f.level}`;
    const flow = sums.get(key) ?? {code: county.code, county: label(county), level: f.level as FundLevel, amount: 0};
    flow.amount += f.amount;
    sums.set(key, flow);
  }
  return [...sums.values()]
    .sort((a, b) => a.code.localeCompare(b.code) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level))
    .map(({county, level, amount}) => ({county, level, amount: Math.round(amount * 100) / 100}));
}
