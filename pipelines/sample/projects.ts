import type {ProjectStatus} from '../../src/lib/input-tables.ts';
import {LAST_YEAR, dayOf, formatDay, yearEnd} from './calendar.ts';
import type {CsvRow} from './csv-writer.ts';
import {PROJECT_KINDS, placeName} from './project-catalog.ts';
import type {ProjectType} from './project-catalog.ts';
import {createRandom} from './random.ts';
import type {Random} from './random.ts';
import type {ReferenceRegion} from './regions-for-scale.ts';

/** Where projects are carried out: a village, or a township for township-wide projects. */
export interface ProjectSite {
  region: ReferenceRegion;
  township: ReferenceRegion;
  county: ReferenceRegion;
  /** Households and registered households of the site, bounds for the beneficiary counts. */
  households: number;
  registered: number;
  /** The county's local supervision line. */
  hotline: string;
}

/** One project of projects.csv, its fund still to be chosen. */
export interface Project {
  id: string;
  year: number;
  name: string;
  type: ProjectType;
  site: ProjectSite;
  fundId: string;
  budgetCents: number;
  spentCents: number;
  beneficiaries: number;
  poorBeneficiaries: number;
  status: ProjectStatus;
  start: number;
  end: number;
  /** Whether the office knows (and writes) the dates yet: a planned project often has neither, work in progress no end. */
  startKnown: boolean;
  endKnown: boolean;
  responsibleUnit: string;
  notice: [number, number] | null;
  assetOwner: string;
  hotline: string;
}

const TYPE_WEIGHTS = PROJECT_KINDS.map((k) => k.weight);

/**
 * Returns the projects of one site and year: 1–4 for a village, 0–2 for a
 * township. Status follows age as of the end of the sample's last year;
 * spending never exceeds 105% of the budget (the contract's rejection limit).
 */
export function draftProjects(seed: number, site: ProjectSite, year: number): Project[] {
  const random = createRandom(seed, 'projects', site.region.code, year);
  const village = site.region.level === 'village';
  const count = village ? 1 + random.weighted([35, 35, 20, 10]) : random.weighted([40, 40, 20]);
  const place = village ? placeName(site.region.name) : site.region.name;
  // Its own stream, so that the dates left open change nothing else of the sample.
  const open = createRandom(seed, 'project-dates', site.region.code, year);

  return Array.from({length: count}, (_, i): Project => {
    const kind = PROJECT_KINDS[random.weighted(TYPE_WEIGHTS)]!;
    const [low, high] = kind.budget;
    const budget = Math.exp(random.uniform(Math.log(low), Math.log(high))) * (village ? 1 : 2);
    const budgetCents = Math.round(budget * 100);
    const {status, spentShare} = statusOf(random, year);
    const {start, end} = datesOf(random, year, status);
    const {startKnown, endKnown} = knownDatesOf(open, status);
    const beneficiaries = Math.max(1, Math.round(site.households * random.uniform(0.15, 1)));
    return {
      id: `P${year}-${site.region.code}-${String(i + 1).padStart(2, '0')}`,
      year,
      name: place + random.pick(kind.names),
      type: kind.type,
      site,
      fundId: '',
      budgetCents,
      // Rounded down so 105% of the budget is never crossed by a cent.
      spentCents: Math.floor(budgetCents * spentShare),
      beneficiaries,
      poorBeneficiaries: Math.min(beneficiaries, Math.round(site.registered * random.uniform(0.3, 1))),
      status,
      start,
      end,
      startKnown,
      endKnown,
      responsibleUnit:
        kind.bureau !== null && random.chance(0.7) ? site.county.name + kind.bureau : `${site.township.name}人民政府`,
      notice: noticeOf(random, start),
      assetOwner: assetOwnerOf(random, kind.asset, village, site.township.name),
      hotline: random.chance(0.6) ? '12317' : random.chance(0.9) ? site.hotline : ''
    };
  });
}

// Assets go to the village collective as a rule; subsidies leave none.
function assetOwnerOf(random: Random, asset: boolean, village: boolean, township: string): string {
  if (!asset) return '';
  if (village) return random.chance(0.92) ? '村集体' : '';
  return random.pick(['村集体', `${township}人民政府`]);
}

// Older projects are finished and accepted; a few are completed with money unspent
// or still in progress past their end date, the cases the site should flag.
function statusOf(random: Random, year: number): {status: ProjectStatus; spentShare: number} {
  const age = LAST_YEAR - year;
  const weights =
    age >= 3 ? [0, 0, 12, 88] : age === 2 ? [0, 4, 26, 70] : age === 1 ? [0, 10, 45, 45] : [25, 50, 25, 0];
  const status = (['planned', 'in_progress', 'completed', 'accepted'] as const)[random.weighted(weights)]!;
  const spentShare =
    status === 'planned'
      ? random.chance(0.8)
        ? 0
        : random.uniform(0, 0.1)
      : status === 'in_progress'
        ? random.uniform(0.15, 0.85)
        : status === 'completed'
          ? random.chance(0.08)
            ? random.uniform(0.6, 0.9)
            : random.uniform(0.9, 1)
          : random.chance(0.03)
            ? random.uniform(1, 1.05)
            : random.uniform(0.95, 1);
  return {status, spentShare};
}

// Finished projects ended by the sample's last day; planned ones start late in
// the year; work in progress may run past its end date, which the site flags.
function datesOf(random: Random, year: number, status: ProjectStatus): {start: number; end: number} {
  if (status === 'planned') {
    const start = dayOf(year, 10, 1) + random.int(0, 150);
    return {start, end: start + random.int(60, 300)};
  }
  const start = dayOf(year, 3, 1) + random.int(0, 200);
  if (status === 'in_progress') {
    const due = yearEnd(LAST_YEAR);
    return {
      start,
      end: random.chance(0.15) && due > start + 60 ? random.int(start + 60, due) : due + random.int(30, 300)
    };
  }
  return {start, end: Math.min(start + random.int(30, 300), yearEnd(LAST_YEAR))};
}

// A planned project's dates are often not fixed yet, and work in progress may not know its completion date
// (the contract lets both be empty there); finished projects always have both.
function knownDatesOf(random: Random, status: ProjectStatus): {startKnown: boolean; endKnown: boolean} {
  if (status === 'planned') {
    const startKnown = random.chance(0.6);
    return {startKnown, endKnown: startKnown && random.chance(0.5)};
  }
  if (status === 'in_progress') return {startKnown: true, endKnown: random.chance(0.75)};
  return {startKnown: true, endKnown: true};
}

// 公告公示 runs before work starts; the rule asks for at least 10 days. About 3%
// of notices are shorter and 2% are missing.
function noticeOf(random: Random, start: number): [number, number] | null {
  const kind = random.weighted([95, 3, 2]);
  if (kind === 2) return null;
  const from = start - random.int(20, 45);
  return [from, from + (kind === 0 ? random.int(10, 25) : random.int(2, 7))];
}

/** Returns the row of projects.csv for a project. */
export function projectRow(p: Project): CsvRow {
  return {
    project_id: p.id,
    year: p.year,
    name: p.name,
    type: p.type,
    region_code: p.site.region.code,
    fund_id: p.fundId,
    budget: (p.budgetCents / 100).toFixed(2),
    spent: (p.spentCents / 100).toFixed(2),
    beneficiary_households: p.beneficiaries,
    beneficiary_poor_households: p.poorBeneficiaries,
    status: p.status,
    start_date: p.startKnown ? formatDay(p.start) : '',
    end_date: p.endKnown ? formatDay(p.end) : '',
    responsible_unit: p.responsibleUnit,
    notice_start: p.notice ? formatDay(p.notice[0]) : '',
    notice_end: p.notice ? formatDay(p.notice[1]) : '',
    asset_owner: p.assetOwner,
    hotline: p.hotline
  };
}
