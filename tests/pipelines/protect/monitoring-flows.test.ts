import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {auditPublished} from '../../../pipelines/audit/audit-published.ts';
import {
  type FlowCell,
  type ProtectedFlows,
  flowPartners,
  protectFlows
} from '../../../pipelines/protect/protect-flows.ts';
import {type ProtectedCell, protectHierarchy} from '../../../pipelines/protect/suppress-cells.ts';

const K = 10;
const YEAR = 2022;
const folders: string[] = [];

afterAll(async () => {
  for (const folder of folders) await rm(folder, {recursive: true, force: true});
});

/** One township's households: monitored in both years, only last year (exited), only this year (entered). */
interface Township {
  stayed: number;
  entered: number;
  exited: number;
}

interface Region {
  code: string;
  parent: string | null;
  level: 'city' | 'county' | 'township';
  stayed: number;
  entered: number;
  exited: number;
}

/** A city of counties of townships; every total the sum of its children, as the flows SQL builds them. */
function regionsOf(counties: Township[][]): Region[] {
  const sum = (rs: Township[]) => ({
    stayed: rs.reduce((s, r) => s + r.stayed, 0),
    entered: rs.reduce((s, r) => s + r.entered, 0),
    exited: rs.reduce((s, r) => s + r.exited, 0)
  });
  const out: Region[] = [{code: '36', parent: null, level: 'city', ...sum(counties.flat())}];
  counties.forEach((townships, c) => {
    const county = `36${c}`;
    out.push({code: county, parent: '36', level: 'county', ...sum(townships)});
    townships.forEach((t, i) => out.push({code: `${county}${i}`, parent: county, level: 'township', ...t}));
  });
  return out;
}

/**
 * Stocks of one year as the monitoring table would publish them: withheld when 1..9, or when named in
 * `withheld` (as complementary suppression elsewhere would), then protected within their parent (the withheld
 * children of a published parent holding at least ⌈K/2⌉ households between them).
 */
function withheldStocks(regions: Region[], stock: (r: Region) => number, withheld: Set<string>): Set<string> {
  const cells: ProtectedCell[] = regions.map((r) => ({
    indicator_id: 'monitoring',
    region_code: r.code,
    parent_code: r.parent,
    year: YEAR,
    value: stock(r),
    numerator: stock(r),
    denominator: null,
    numerator_households: stock(r),
    denominator_households: null,
    suppressed: (withheld.has(r.code) || stock(r) < K) && stock(r) > 0 ? 'primary' : null
  }));
  const byCode = new Map(cells.map((c) => [c.region_code, c]));
  protectHierarchy(cells, (c) => (c.parent_code === null ? undefined : byCode.get(c.parent_code)), Math.ceil(K / 2));
  return new Set(cells.filter((c) => c.suppressed).map((c) => c.region_code));
}

function flowCells(regions: Region[], previousWithheld: Set<string>, stockWithheld: Set<string>): FlowCell[] {
  return regions.map((r) => ({
    region_code: r.code,
    parent_code: r.parent,
    year: YEAR,
    entered: r.entered,
    exited: r.exited,
    stock: r.stayed + r.entered,
    stockWithheld: stockWithheld.has(r.code),
    previousStock: r.stayed + r.exited,
    previousWithheld: previousWithheld.has(r.code)
  }));
}

/**
 * The published folder of these regions: regions, monitoring totals of both years (`withheld`: regions whose
 * stock of last year and this year is withheld), and the flows (`hide` overrides which flow cells are withheld).
 */
async function publish(
  regions: Region[],
  flows: ProtectedFlows[],
  withheld: [Set<string>, Set<string>],
  hide: (c: ProtectedFlows, flow: string) => boolean = (c) => c.suppressed !== null
) {
  const folder = await mkdtemp(join(tmpdir(), 'gongshi-flows-'));
  folders.push(folder);
  const csv = (lines: string[]) => `\uFEFF${lines.join('\n')}\n`;
  await writeFile(
    join(folder, 'regions.csv'),
    csv([
      'code,name,level,parent_code,poor_village,deep_poor_village,weak_village',
      ...regions.map((r) => `${r.code},R${r.code},${r.level},${r.parent ?? ''},,,`)
    ])
  );
  await writeFile(
    join(folder, 'indicator_values.csv'),
    csv([
      'indicator_id,region_code,level,year,value,numerator,denominator,reporting_units,expected_units,target,target_operator,status,suppressed'
    ])
  );
  const monitoring = regions.flatMap((r) =>
    [
      [YEAR - 1, r.stayed + r.exited, withheld[0]],
      [YEAR, r.stayed + r.entered, withheld[1]]
    ].flatMap(([year, stock, hidden]) => {
      if (stock === 0) return [];
      const shown = (hidden as Set<string>).has(r.code) ? ',,,true' : `${stock},${stock},0,false`;
      return [`${r.code},${r.level},${year},,,${shown}`];
    })
  );
  await writeFile(
    join(folder, 'monitoring.csv'),
    csv([
      'region_code,level,year,monitor_type,risk_flag,households,people,eliminated_households,suppressed',
      ...monitoring
    ])
  );
  const levels = new Map(regions.map((r) => [r.code, r.level]));
  await writeFile(
    join(folder, 'monitoring_flows.csv'),
    csv([
      'region_code,level,year,flow,households,suppressed',
      ...flows.flatMap((c) =>
        (['entered', 'exited'] as const).map(
          (flow) =>
            `${c.region_code},${levels.get(c.region_code)},${c.year},${flow},${hide(c, flow) ? '' : c[flow]},${hide(c, flow)}`
        )
      )
    ])
  );
  return folder;
}

const township = fc.record({stayed: fc.nat(30), entered: fc.nat(25), exited: fc.nat(25)});
const city = fc.array(fc.array(township, {minLength: 1, maxLength: 4}), {minLength: 1, maxLength: 3});

describe('protectFlows (property)', () => {
  it('publishes no flow and no stayed count in 1..9, and with the partners the audit asks for it recovers nothing', async () => {
    await fc.assert(
      fc.asyncProperty(city, fc.array(fc.nat(12), {maxLength: 3}), async (counties, hiddenPicks) => {
        const regions = regionsOf(counties);
        const picked = new Set(hiddenPicks.map((i) => regions[i % regions.length]!.code));
        const previous = withheldStocks(regions, (r) => r.stayed + r.exited, picked);
        const current = withheldStocks(regions, (r) => r.stayed + r.entered, new Set());
        // As the build does: protect, audit, withhold the partners the audit asks for, until it finds nothing.
        const cells = flowCells(regions, previous, current);
        let forced = new Set<string>();
        let flows = protectFlows(cells, K, forced);
        for (let round = 0; round < 10; round++) {
          const found = await auditPublished(await publish(regions, flows, [previous, current]));
          const more = [...flowPartners(flows, found)].filter((key) => !forced.has(key));
          if (more.length === 0) break;
          forced = new Set([...forced, ...more]);
          flows = protectFlows(cells, K, forced);
        }
        const small = (n: number) => n > 0 && n < K;
        for (const c of flows) {
          if (c.suppressed) continue;
          expect(small(c.entered) || small(c.exited) || small(c.stock - c.entered)).toBe(false);
          // A published flow never sits beside a withheld stock it would give away.
          expect(c.stockWithheld || c.previousWithheld).toBe(false);
        }
        const findings = await auditPublished(await publish(regions, flows, [previous, current]));
        expect(findings).toEqual([]);
      }),
      {numRuns: 60}
    );
  }, 60_000);
});

describe('the audit of monitoring_flows', () => {
  // A city with one county of two townships: 40 + 12 entered, 30 + 11 exited, 50 + 20 stayed.
  const regions = regionsOf([
    [
      {stayed: 50, entered: 40, exited: 30},
      {stayed: 20, entered: 12, exited: 11}
    ]
  ]);
  const none = new Set<string>();
  const plain = () => protectFlows(flowCells(regions, none, none), K);

  it('passes the flows the suppressor publishes', async () => {
    expect(await auditPublished(await publish(regions, plain(), [none, none]))).toEqual([]);
  });

  it('finds a flow withheld alone (the other flow and the stocks give it away)', async () => {
    // The township's exits published while its entries are withheld (and a sibling's too, so no sum gives
    // them away): last year's stock − exits gives the stayed, this year's stock − stayed the entries.
    const hide = (c: ProtectedFlows, flow: string) => flow === 'entered' && c.region_code.length === 4;
    const findings = await auditPublished(await publish(regions, plain(), [none, none], hide));
    expect(
      findings.some((f) => f.code === 'RECOVERABLE' && f.region_code === '3601' && f.indicator_id === 'entered')
    ).toBe(true);
  });

  it('lets a stock of k or more follow from published flows, and finds a stayed count of 1..9', async () => {
    // Stocks of 90 and 32 households withheld beside their published flows follow from them, to no end: a count
    // of k or more is one the rule would publish, and tells nothing of a small group (contract section 3).
    const leaky = protectFlows(flowCells(regions, none, none), K);
    const small = regionsOf([
      [
        {stayed: 5, entered: 40, exited: 30},
        {stayed: 20, entered: 12, exited: 11}
      ]
    ]);
    const both = new Set(['3600', '3601']);
    const findings = await auditPublished(await publish(regions, leaky, [none, both]));
    expect(findings.filter((f) => f.table === 'monitoring')).toEqual([]);
    const published = flowCells(small, none, none).map((c) => ({...c, suppressed: null}));
    const stayed = await auditPublished(await publish(small, published, [none, none]));
    expect(stayed.some((f) => f.indicator_id === 'stayed' && f.region_code === '3600')).toBe(true);
  });

  it('withholds both flows of a region-year together, with a partner in the same parent', () => {
    const flows = protectFlows(
      flowCells(
        regionsOf([
          [
            {stayed: 50, entered: 4, exited: 30},
            {stayed: 20, entered: 12, exited: 11},
            {stayed: 40, entered: 25, exited: 20}
          ]
        ]),
        none,
        none
      ),
      K
    );
    const status = Object.fromEntries(flows.map((c) => [c.region_code, c.suppressed]));
    expect(status).toEqual({36: null, 360: null, 3600: 'primary', 3601: 'complementary', 3602: null});
  });
});
