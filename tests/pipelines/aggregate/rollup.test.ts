import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {computeIndicators} from '../../../pipelines/aggregate/compute-indicators.ts';
import {createHouseholdMeasures} from '../../../pipelines/aggregate/household-measures.ts';
import {createAncestry} from '../../../pipelines/aggregate/region-ancestry.ts';
import {openDuckDB} from '../../../pipelines/lib/duckdb.ts';
import {readRows} from '../../../pipelines/lib/read-rows.ts';

const REGIONS = [
  ['3607', 'city', null],
  ['360726', 'county', '3607'],
  ['360726101', 'township', '360726'],
  ['360726102', 'township', '360726'],
  ['360726101201', 'village', '360726101'],
  ['360726101202', 'village', '360726101'],
  ['360726102201', 'village', '360726102']
] as const;
const VILLAGES = REGIONS.filter(([, level]) => level === 'village').map(([code]) => code);
const LINE = 4000;

const household = fc.record({
  village: fc.constantFrom(...VILLAGES),
  members: fc.integer({min: 1, max: 7}),
  registered: fc.boolean(),
  returned: fc.boolean(),
  monitored: fc.boolean(),
  toilet: fc.boolean(),
  signedShare: fc.double({min: 0, max: 1, noNaN: true}),
  dropout: fc.integer({min: 0, max: 2}),
  income: fc.integer({min: 0, max: 20000}),
  // Issue 13: a measure may be left empty (not reported).
  toiletReported: fc.boolean(),
  signedReported: fc.boolean(),
  incomeReported: fc.boolean()
});
type Household = typeof household extends fc.Arbitrary<infer T> ? T : never;

interface Expected {
  value: number | null;
  /** Households that reported what the indicator needs, of the households it expects. */
  reporting: number;
  expected: number;
}

/**
 * What each indicator should be for a region, computed row by row with no SQL: over the households that
 * reported what it needs (numerator and denominator alike), with that coverage.
 */
function bruteForce(rows: Household[], region: string): Record<string, Expected> {
  const inside = rows.filter((h) => h.village.startsWith(region));
  const reg = inside.filter((h) => h.registered);
  const sum = (xs: Household[], f: (h: Household) => number) => xs.reduce((s, h) => s + f(h), 0);
  const ratio = (n: number, d: number) => (d ? n / d : null);
  const exited = reg.filter((h) => !h.returned);
  const toilets = inside.filter((h) => h.toiletReported);
  const signed = reg.filter((h) => h.signedReported);
  const incomes = reg.filter((h) => h.incomeReported);
  return {
    sanitary_toilet_rate: {
      value: ratio(toilets.filter((h) => h.toilet).length, toilets.length),
      reporting: toilets.length,
      expected: inside.length
    },
    family_doctor_rate: {
      value: ratio(
        sum(signed, (h) => Math.floor(h.members * h.signedShare)),
        sum(signed, (h) => h.members)
      ),
      reporting: signed.length,
      expected: reg.length
    },
    consolidation_rate: {
      value: ratio(
        sum(exited, (h) => h.members),
        sum(reg, (h) => h.members)
      ),
      reporting: reg.length,
      expected: reg.length
    },
    monitored_share: {
      value: ratio(inside.filter((h) => h.monitored).length, reg.length),
      reporting: reg.length,
      expected: reg.length
    },
    dropout_children: {value: sum(reg, (h) => h.dropout), reporting: reg.length, expected: reg.length},
    income_above_line_rate: {
      value: ratio(incomes.filter((h) => h.income > LINE).length, incomes.length),
      reporting: incomes.length,
      expected: reg.length
    }
  };
}

describe('indicator rollups (property)', () => {
  it('equal a row-by-row computation for every region, parents from summed numerators and denominators, over the reporting households with their coverage', async () => {
    const connection = await openDuckDB();
    await connection.run(
      `CREATE TABLE regions AS SELECT * FROM (VALUES ${REGIONS.map(
        ([code, level, parent]) => `('${code}', '${level}', ${parent ? `'${parent}'` : 'NULL'})`
      ).join(', ')}) t(code, level, parent_code)`
    );
    await fc.assert(
      fc.asyncProperty(fc.array(household, {minLength: 1, maxLength: 60}), async (rows) => {
        const values = rows.map((h, i) => {
          const status = h.registered ? (h.returned ? "'returned'" : "'exited'") : "'none'";
          const signed = h.signedReported ? Math.floor(h.members * h.signedShare) : 'NULL';
          const income = h.incomeReported ? h.income : 'NULL';
          const toilet = h.toiletReported ? h.toilet : 'NULL';
          return `('H${i}', 2024, '${h.village}', ${h.members}, ${h.registered}, ${status}, ${h.monitored},
            NULL::DATE, ${income}, 1, 0, false, ${signed}, ${h.members}, ${toilet}, true, true, ${h.dropout})`;
        });
        await connection.run(`CREATE OR REPLACE TABLE households AS SELECT * FROM (VALUES ${values.join(', ')})
          t(household_id, year, village_code, members, registered, status, monitored, risk_eliminated_date,
            per_capita_income, labor_count, employed_count, industry_covered, family_doctor_signed, medical_insured,
            sanitary_toilet, safe_housing, safe_water, dropout_children)`);
        await createAncestry(connection);
        await createHouseholdMeasures(connection, new Map([[2024, LINE]]));
        const ids = Object.keys(bruteForce([], ''));
        await computeIndicators(connection, ids);
        const computed = await readRows(
          connection,
          'SELECT indicator_id, region_code, value, reporting, expected FROM indicator_raw'
        );
        for (const [code] of REGIONS) {
          const expected = bruteForce(rows, code);
          for (const id of ids) {
            const row = computed.find((r) => r.indicator_id === id && r.region_code === code);
            const want = rows.some((h) => h.village.startsWith(code)) ? expected[id]! : undefined;
            if (want === undefined) {
              expect(row, `${id} ${code}`).toBeUndefined();
              continue;
            }
            if (want.value === null) expect(row?.value ?? null, `${id} ${code}`).toBeNull();
            else expect(row?.value as number, `${id} ${code}`).toBeCloseTo(want.value, 12);
            expect([row?.reporting, row?.expected], `${id} ${code} coverage`).toEqual([want.reporting, want.expected]);
          }
        }
      }),
      {numRuns: 40}
    );
  });

  it('sums incomes exactly at every level, to the fen (not rounded to whole yuan per region)', async () => {
    const connection = await openDuckDB();
    await connection.run(
      `CREATE TABLE regions AS SELECT * FROM (VALUES ${REGIONS.map(
        ([code, level, parent]) => `('${code}', '${level}', ${parent ? `'${parent}'` : 'NULL'})`
      ).join(', ')}) t(code, level, parent_code)`
    );
    // Incomes in fen, so that the expected sums are exact integers; 0.1 + 0.2 is not 0.3 in doubles.
    const fen = [100_025, 200_025, 10, 20, 50, 333_333, 1];
    const rows = fen.map((f, i) => {
      const village = VILLAGES[i % VILLAGES.length]!;
      return `('H${i}', 2024, '${village}', 1, true, 'exited', false, NULL::DATE, ${(f / 100).toFixed(2)}::DOUBLE)`;
    });
    await connection.run(`CREATE TABLE households AS SELECT *, 1 AS labor_count, 0 AS employed_count,
        false AS industry_covered, 0 AS family_doctor_signed, 1 AS medical_insured, true AS sanitary_toilet,
        true AS safe_housing, true AS safe_water, 0 AS dropout_children
      FROM (VALUES ${rows.join(', ')}) t(household_id, year, village_code, members, registered, status, monitored,
        risk_eliminated_date, per_capita_income)`);
    await createAncestry(connection);
    await createHouseholdMeasures(connection, new Map([[2024, LINE]]));
    const sums = await readRows(
      connection,
      'SELECT code, (income_sum_all * 100)::BIGINT AS fen, income_sum_reg = income_sum_all AS same FROM household_measures'
    );
    for (const [code] of REGIONS) {
      const expected = fen
        .filter((_, i) => VILLAGES[i % VILLAGES.length]!.startsWith(code))
        .reduce((sum, f) => sum + f, 0);
      const row = sums.find((r) => r.code === code);
      expect(row, code).toEqual({code, fen: expected, same: true});
    }
  });
});
