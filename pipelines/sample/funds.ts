import type {FundLevel} from '../../src/lib/input-tables.ts';
import {YEARS, dayOf, formatDay} from './calendar.ts';
import type {CsvRow} from './csv-writer.ts';
import {createRandom} from './random.ts';
import type {Random} from './random.ts';
import type {ReferenceRegion, SampleScope} from './regions-for-scale.ts';

/** One allocation of funds.csv; its amount is set once projects have drawn on it. */
export interface Fund {
  id: string;
  year: number;
  level: FundLevel;
  category: string;
  documentNo: string;
  /** The county (mostly) or township the fund is issued to. */
  recipientCode: string;
  issuedDay: number;
  /** Kept free of projects, so some funds show nothing spent. */
  reserved: boolean;
  /** Amount in cents (fen); 0 until allocated. */
  amountCents: number;
}

// One letter per kind of allocation in fund_id: C 中央, P 省级, M 市级, X 县级, S 社会帮扶.
type FundKind = 'C' | 'P' | 'M' | 'X' | 'S';

interface Batch {
  kind: FundKind;
  level: FundLevel;
  count: [number, number];
  months: [number, number];
}
// Batches: one document reaches every county of the sample (中央, 省级) or of one city (市级), issued on one day.
const PROVINCE_BATCHES: Batch[] = [
  {kind: 'C', level: 'central', count: [2, 3], months: [1, 5]},
  {kind: 'P', level: 'provincial', count: [2, 3], months: [2, 7]}
];
const CITY_BATCH: Batch = {kind: 'M', level: 'municipal', count: [1, 2], months: [3, 9]};

// Leading characters too common to name a county on their own (大余 → 余, 上犹 → 犹, 南康 → 康).
const GENERIC_FIRST = new Set(['大', '上', '南']);

/** Returns the one-character abbreviation a county puts in its document numbers, e.g. 安远县 → 安. */
export function countyAbbreviation(name: string): string {
  return GENERIC_FIRST.has(name[0]!) && name.length > 1 ? name[1]! : name[0]!;
}

/** Returns the fund category of a year: 财政专项扶贫资金 until 2020, 衔接推进乡村振兴补助资金 after the transition. */
export function fundCategory(year: number): string {
  return year <= 2020 ? '财政专项扶贫资金' : '衔接推进乡村振兴补助资金';
}

/**
 * Returns every fund of the sample, amounts still zero: per year and county,
 * one fund per central, provincial and (its city's) municipal batch (文号
 * shared across counties), one to three county allocations (some to a township) and now and
 * then a 社会帮扶资金 fund. Sorted by fund_id.
 */
export function planFunds(seed: number, scope: SampleScope): Fund[] {
  const funds: Fund[] = [];
  for (const year of YEARS) {
    const batches = batchesOfYear(seed, year, scope);
    for (const county of scope.counties) {
      const townships = scope.townships.filter((t) => t.parentCode === county.code);
      const allocations = [
        ...batches.province.map((b) => ({...b, recipientCode: county.code})),
        ...(batches.city.get(county.parentCode) ?? []).map((b) => ({...b, recipientCode: county.code})),
        ...countyAllocations(seed, county, townships, year)
      ];
      // fund_id numbers each kind of allocation per recipient: F2021-360726-C01, C02, …
      const serials = new Map<string, number>();
      for (const {kind, ...allocation} of allocations) {
        const key = `${allocation.recipientCode}-${kind}`;
        const serial = (serials.get(key) ?? 0) + 1;
        serials.set(key, serial);
        const id = `F${year}-${key}${String(serial).padStart(2, '0')}`;
        funds.push({id, year, ...allocation, reserved: false, amountCents: 0});
      }
    }
  }
  funds.sort((a, b) => (a.id < b.id ? -1 : 1));
  return funds;
}

interface Allocation {
  kind: FundKind;
  level: FundLevel;
  category: string;
  documentNo: string;
  issuedDay: number;
}

// Later documents of a year carry higher numbers: draw both, sort both, pair them.
function documents(random: Random, count: number, maxNumber: number, days: [number, number]) {
  const numbers = new Set<number>();
  while (numbers.size < count) numbers.add(random.int(1, maxNumber));
  const issued = Array.from({length: count}, () => random.int(...days)).sort((a, b) => a - b);
  return [...numbers].sort((a, b) => a - b).map((number, i) => ({number, issuedDay: issued[i]!}));
}

/**
 * The year's batches: the central and provincial ones every county receives, then each city's municipal ones, drawn
 * in that order from one stream (a city's sample draws what it did before provinces were samples).
 */
function batchesOfYear(
  seed: number,
  year: number,
  scope: SampleScope
): {province: Allocation[]; city: Map<string, Allocation[]>} {
  const random = createRandom(seed, 'fund-batches', year);
  const province = PROVINCE_ABBREVIATIONS[scope.top.code.slice(0, 2)] ?? '';
  const draw = (batch: Batch, issuer: string): Allocation[] =>
    documents(random, random.int(...batch.count), 90, [
      dayOf(year, batch.months[0], 1),
      dayOf(year, batch.months[1], 28)
    ]).map(({number, issuedDay}) => ({
      kind: batch.kind,
      level: batch.level,
      category: fundCategory(year),
      documentNo: `${documentPrefix(batch.kind, issuer)}〔${year}〕${number}号`,
      issuedDay
    }));
  return {
    province: PROVINCE_BATCHES.flatMap((batch) => draw(batch, batch.kind === 'P' ? province : '')),
    city: new Map(scope.cities.map((city) => [city.code, draw(CITY_BATCH, city.name[0]!)]))
  };
}

function countyAllocations(
  seed: number,
  county: ReferenceRegion,
  townships: readonly ReferenceRegion[],
  year: number
): (Allocation & {recipientCode: string})[] {
  const random = createRandom(seed, 'funds', county.code, year);
  const abbreviation = countyAbbreviation(county.name);
  const local = documents(random, random.int(1, 3), 40, [dayOf(year, 3, 1), dayOf(year, 11, 30)]).map(
    ({number, issuedDay}) => ({
      kind: 'X' as const,
      level: 'county' as const,
      category: fundCategory(year),
      documentNo: `${documentPrefix('X', abbreviation)}〔${year}〕${number}号`,
      issuedDay,
      recipientCode: townships.length > 0 && random.chance(0.4) ? random.pick(townships).code : county.code
    })
  );
  if (!random.chance(0.5)) return local;
  const [social] = documents(random, 1, 30, [dayOf(year, 4, 1), dayOf(year, 12, 15)]);
  return [
    ...local,
    {
      kind: 'S',
      level: 'county',
      category: '社会帮扶资金',
      documentNo: `${documentPrefix('S', abbreviation)}〔${year}〕${social!.number}号`,
      issuedDay: social!.issuedDay,
      recipientCode: county.code
    }
  ];
}

/** Returns the rows of funds.csv. */
export function fundRows(funds: readonly Fund[]): CsvRow[] {
  return funds.map((f) => ({
    fund_id: f.id,
    year: f.year,
    level: f.level,
    category: f.category,
    document_no: f.documentNo,
    recipient_code: f.recipientCode,
    amount: (f.amountCents / 100).toFixed(2),
    issued_date: formatDay(f.issuedDay)
  }));
}

// 文号 prefixes by the issuer's abbreviation: 财政部 财农, the province's finance department <province>财农指 (江西省财政厅
// 赣财农指), the city's <city>市财农字 (赣州市财政局 赣市财农字), a county's finance bureau <county>财农字.
function documentPrefix(kind: FundKind, issuer: string): string {
  return {
    C: '财农',
    P: `${issuer}财农指`,
    M: `${issuer}市财农字`,
    X: `${issuer}财农字`,
    S: `${issuer}乡振字`
  }[kind];
}

/** Each province's one-character abbreviation (简称) by its code, as its documents are numbered. */
const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  11: '京',
  12: '津',
  13: '冀',
  14: '晋',
  15: '蒙',
  21: '辽',
  22: '吉',
  23: '黑',
  31: '沪',
  32: '苏',
  33: '浙',
  34: '皖',
  35: '闽',
  36: '赣',
  37: '鲁',
  41: '豫',
  42: '鄂',
  43: '湘',
  44: '粤',
  45: '桂',
  46: '琼',
  50: '渝',
  51: '川',
  52: '黔',
  53: '云',
  54: '藏',
  61: '陕',
  62: '甘',
  63: '青',
  64: '宁',
  65: '新'
};
