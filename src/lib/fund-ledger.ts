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
  const sums = new Map<string, FundFlow & {code: string}>();
  const recipients = new Map<string, PublishedRegion>();
  for (const f of funds) {
    const county = countyOf(f.recipient_code);
    recipients.set(county.code, county);
    const key = `${county.code}|${f.level}`;
    const flow = sums.get(key) ?? {code: county.code, county: county.name, level: f.level as FundLevel, amount: 0};
    flow.amount += f.amount;
    sums.set(key, flow);
  }
  const labels = uniqueLabels([...recipients.values()], tree.byCode);
  for (const flow of sums.values()) flow.county = labels.get(flow.code)!;
  return [...sums.values()]
    .sort((a, b) => a.code.localeCompare(b.code) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level))
    .map(({county, level, amount}) => ({county, level, amount: Math.round(amount * 100) / 100}));
}

/**
 * A name for each region that no other of `regions` shares, as the chart keys its bars by name: the name, else
 * (桥西区 in three of 河北's cities) the parent's name before it, else (a municipality's province and city, both
 * 北京市) the code after it.
 */
export function uniqueLabels(
  regions: readonly PublishedRegion[],
  byCode: ReadonlyMap<string, PublishedRegion>
): Map<string, string> {
  const qualified = (r: PublishedRegion) => {
    const parent = r.parent_code ? byCode.get(r.parent_code)?.name : undefined;
    return parent && parent !== r.name ? `${parent}${r.name}` : r.name;
  };
  const counts = (label: (r: PublishedRegion) => string) => {
    const n = new Map<string, number>();
    for (const r of regions) n.set(label(r), (n.get(label(r)) ?? 0) + 1);
    return n;
  };
  const byName = counts((r) => r.name);
  const byQualified = counts(qualified);
  return new Map(
    regions.map((r) => [
      r.code,
      byName.get(r.name) === 1 ? r.name : byQualified.get(qualified(r)) === 1 ? qualified(r) : `${r.name} ${r.code}`
    ])
  );
}
