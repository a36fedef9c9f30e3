import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  type Cell,
  type DisclosurePolicy,
  MeasureEquations,
  suppressCells,
  suppressionReasons
} from '../../../pipelines/protect/suppress-cells.ts';

const POLICY: DisclosurePolicy = {
  k: 5,
  kSensitive: 10,
  sensitive: new Set(['monitored_share']),
  householdBased: new Set(['safe_water_rate', 'monitored_share']),
  additive: new Set(['safe_water_rate', 'monitored_share'])
};

/** A random region tree (one city, counties, townships, villages) with random household counts per village. */
const hierarchy = fc
  .array(
    fc.array(
      fc.array(fc.record({households: fc.nat(40), share: fc.double({min: 0, max: 1, noNaN: true})}), {
        minLength: 1,
        maxLength: 5
      }),
      {minLength: 1, maxLength: 4}
    ),
    {minLength: 1, maxLength: 3}
  )
  .map((counties) => {
    const villages: {code: string; parent: string; households: number; share: number}[] = [];
    const parents: {code: string; parent: string | null}[] = [{code: 'c', parent: null}];
    counties.forEach((townships, i) => {
      parents.push({code: `c${i}`, parent: 'c'});
      townships.forEach((vs, j) => {
        parents.push({code: `c${i}t${j}`, parent: `c${i}`});
        vs.forEach((v, m) => villages.push({code: `c${i}t${j}v${m}`, parent: `c${i}t${j}`, ...v}));
      });
    });
    return {villages, parents};
  });

/** Cells of one indicator: numerators rolled up from villages, as the aggregate stage does. */
function cellsOf(indicator: string, {villages, parents}: ReturnType<typeof hierarchy.generate>['value']): Cell[] {
  const sums = new Map<string, {n: number; d: number}>();
  const parentOf = new Map<string, string | null>([...parents, ...villages].map((r) => [r.code, r.parent]));
  for (const v of villages) {
    const n = Math.round(v.households * v.share);
    for (let code: string | null | undefined = v.code; code; code = parentOf.get(code)) {
      const s = sums.get(code) ?? {n: 0, d: 0};
      sums.set(code, {n: s.n + n, d: s.d + v.households});
    }
  }
  return [...sums].map(([code, {n, d}]) => ({
    indicator_id: indicator,
    region_code: code,
    parent_code: parentOf.get(code) ?? null,
    year: 2024,
    value: d ? n / d : null,
    numerator: n,
    denominator: d,
    numerator_households: n,
    denominator_households: d
  }));
}

describe('suppressCells (property)', () => {
  it('leaves no published household count in 1..k−1 and no withheld cell recoverable by subtraction', () => {
    fc.assert(
      fc.property(hierarchy, fc.constantFrom('safe_water_rate', 'monitored_share'), (tree, indicator) => {
        const cells = suppressCells(cellsOf(indicator, tree), POLICY);
        const sensitive = POLICY.sensitive.has(indicator);
        const k = sensitive ? POLICY.kSensitive : POLICY.k;
        const small = (x: number) => x > 0 && x < k;
        for (const c of cells.filter((cell) => !cell.suppressed)) {
          expect(small(c.denominator!)).toBe(false);
          if (sensitive) expect(small(c.numerator!) || small(c.denominator! - c.numerator!)).toBe(false);
        }
        // An attacker's view: for each published parent, the children it adds up from.
        const byCode = new Map(cells.map((c) => [c.region_code, c]));
        for (const parent of cells.filter((c) => !c.suppressed)) {
          const children = cells.filter((c) => c.parent_code === parent.region_code);
          const hidden = children.filter((c) => c.suppressed);
          if (hidden.length === 1) {
            const others = children.filter((c) => !c.suppressed).reduce((s, c) => s + c.denominator!, 0);
            // Recovering the one hidden child must give nothing (it had no households).
            expect(parent.denominator! - others).toBe(0);
          }
          // The withheld children of a published parent hold ⌈k/2⌉ households between them beyond one each, or
          // none: else each of them lies within fewer values than that.
          const withheld = hidden.filter((c) => c.denominator! > 0);
          const withheldHouseholds = withheld.reduce((s, c) => s + c.denominator!, 0);
          if (withheld.length > 1) {
            expect(withheldHouseholds - withheld.length).toBeGreaterThanOrEqual(Math.ceil(k / 2));
          }
          expect(byCode.get(parent.region_code)).toBe(parent);
        }
      }),
      {numRuns: 300}
    );
  });

  it('names partners beside a measure the audit found: the largest published sibling, else the parent', () => {
    const cell = (code: string, parent: string | null, d: number): Cell => ({
      indicator_id: 'safe_water_rate',
      region_code: code,
      parent_code: parent,
      year: 2024,
      value: 1,
      numerator: d,
      denominator: d,
      numerator_households: d,
      denominator_households: d
    });
    const cells = [cell('t', null, 60), cell('a', 't', 3), cell('b', 't', 12), cell('c', 't', 20), cell('d', 't', 25)];
    const equations = new MeasureEquations(cells, POLICY);
    const {hiddenMeasures} = equations.protect();
    // a (3 households) is primary, b its smallest partner; the audit asking about a gets d, the largest left.
    expect([...hiddenMeasures].map((k) => k.split('|').pop()).sort()).toEqual(['a', 'a', 'b', 'b']);
    const [numerator] = equations.measuresOf('safe_water_rate', 'a', 2024, ['numerator']);
    expect(numerator).toBe('safe_water_rate:numerator|2024|a');
    expect([...equations.partnersFor([numerator!])]).toEqual(['safe_water_rate:numerator|2024|d']);
    // With every sibling withheld, the parent; or nothing, when the caller has a cheaper remedy.
    equations.protect(new Set(['b', 'c', 'd'].map((r) => `safe_water_rate:numerator|2024|${r}`)));
    expect([...equations.partnersFor([numerator!])]).toEqual(['safe_water_rate:numerator|2024|t']);
    expect([...equations.partnersFor([numerator!], {parent: false})]).toEqual([]);
  });

  it('publishes zero and never withholds a total while a child could be withheld instead', () => {
    const cells = suppressCells(
      [
        {code: 't', parent: null, d: 30},
        {code: 'a', parent: 't', d: 3},
        {code: 'b', parent: 't', d: 12},
        {code: 'c', parent: 't', d: 15},
        {code: 'z', parent: 't', d: 0}
      ].map(({code, parent, d}) => ({
        indicator_id: 'safe_water_rate',
        region_code: code,
        parent_code: parent,
        year: 2024,
        value: d ? 1 : null,
        numerator: d,
        denominator: d,
        numerator_households: d,
        denominator_households: d
      })),
      POLICY
    );
    const status = Object.fromEntries(cells.map((c) => [c.region_code, c.suppressed]));
    expect(status).toEqual({t: null, a: 'primary', b: 'complementary', c: null, z: null});
  });

  it('counts a household in each withheld part only where its withholding says so', () => {
    const status = (indicator: string, villages: [string, number, number][]) => {
      const cell = (code: string, parent: string | null, n: number, d: number): Cell => ({
        indicator_id: indicator,
        region_code: code,
        parent_code: parent,
        year: 2024,
        value: n / d,
        numerator: n,
        denominator: d,
        numerator_households: n,
        denominator_households: d
      });
      const sum = (i: 1 | 2) => villages.reduce((s, v) => s + v[i], 0);
      const cells = [cell('t', null, sum(1), sum(2)), ...villages.map(([code, n, d]) => cell(code, 't', n, d))];
      return Object.fromEntries(suppressCells(cells, POLICY).map((c) => [c.region_code, c.suppressed]));
    };
    // Three villages of 3–4 households are withheld for their size, whatever their numerators (1, 2 and 2 of
    // them might as well be none): their 5 share 0..5 each, wide enough for k = 5 without a partner.
    expect(
      status('safe_water_rate', [
        ['a', 1, 3],
        ['b', 2, 4],
        ['c', 2, 4],
        ['e', 35, 49]
      ])
    ).toEqual({t: null, a: 'primary', b: 'primary', c: 'primary', e: null});
    // Withheld for their 1, 2 and 2 monitored households, each holds one at least: 1..3 each, so e goes with them.
    expect(
      status('monitored_share', [
        ['a', 1, 20],
        ['b', 2, 20],
        ['c', 2, 20],
        ['e', 30, 40]
      ])
    ).toEqual({t: null, a: 'primary', b: 'primary', c: 'primary', e: 'complementary'});
  });

  it('gives on every pass over the same equations what a fresh suppression of the cells gives', () => {
    // The build protects one MeasureEquations pass after pass with more and more measures forced: no pass may
    // carry a withheld measure over to the next.
    const forcedSets = fc.array(fc.subarray(['n', 'd']), {maxLength: 4});
    fc.assert(
      fc.property(hierarchy, fc.array(fc.nat(40), {maxLength: 4}), forcedSets, (tree, picks, partsList) => {
        const cells = [...cellsOf('safe_water_rate', tree), ...cellsOf('monitored_share', tree)];
        const equations = new MeasureEquations(cells, POLICY);
        // Passes alternate between larger and smaller forced sets, down to none.
        const passes = picks.map((pick, p) => {
          const cell = cells[pick % cells.length]!;
          const parts = partsList[p] ?? [];
          return new Set(
            parts.map(
              (part) =>
                `${cell.indicator_id}:${part === 'n' ? 'numerator' : 'denominator'}|${cell.year}|${cell.region_code}`
            )
          );
        });
        for (const forced of [...passes, new Set<string>(), ...passes.reverse()]) {
          const expected = suppressionReasons(cells, POLICY, undefined, forced);
          const actual = equations.protect(forced);
          expect(actual.reasons).toEqual(expected.reasons);
          expect([...actual.hiddenMeasures]).toEqual([...expected.hiddenMeasures]);
          for (const key of forced) expect(actual.hiddenMeasures.has(key)).toBe(true);
        }
      }),
      {numRuns: 200}
    );
  });
});

// Issue 13: coverage (reporting and expected households) is a count of its own; suppression judges the
// households that reported.
describe('coverage counts', () => {
  const COVERAGE_POLICY: DisclosurePolicy = {
    ...POLICY,
    householdBased: new Set(['family_doctor_rate', 'dropout_children']),
    additive: new Set(['family_doctor_rate', 'dropout_children'])
  };
  /** A township with two villages: [reporting, expected] households per village; people = households. */
  function doctorCells(villages: [number, number][]): Cell[] {
    const cell = (code: string, parent: string | null, reporting: number, expected: number): Cell => ({
      indicator_id: 'family_doctor_rate',
      region_code: code,
      parent_code: parent,
      year: 2024,
      value: reporting ? 1 : null,
      numerator: reporting,
      denominator: reporting,
      numerator_households: reporting,
      denominator_households: reporting,
      numerator_measure: 'doctor_signed',
      denominator_measure: 'people_reg_doctor',
      reporting,
      expected,
      reporting_measure: 'hh_reg_doctor',
      expected_measure: 'hh_reg'
    });
    const total = villages.reduce(([r, e], [vr, ve]) => [r + vr, e + ve], [0, 0]);
    return [cell('t', null, total[0]!, total[1]!), ...villages.map(([r, e], i) => cell(`t${i}`, 't', r, e))];
  }

  it('withholds a value whose reporting households are few, however many the village expects', () => {
    const {reasons} = new MeasureEquations(
      doctorCells([
        [4, 12],
        [3, 3],
        [30, 30]
      ]),
      COVERAGE_POLICY
    ).protect();
    expect(reasons).toEqual([null, 'primary', 'primary', null]);
  });

  it('withholds a small coverage count beside a published value, and a reporting count equal to it', () => {
    const cells: Cell[] = doctorCells([
      [40, 40],
      [30, 30]
    ]).map((c) => ({
      ...c,
      indicator_id: 'dropout_children',
      value: 0,
      numerator: 0,
      denominator: null,
      numerator_households: 0,
      denominator_households: null,
      numerator_measure: 'dropout',
      denominator_measure: null
    }));
    // Village t1 expects 3 households: its zero is published, its coverage (3 of 3) is not, nor is a partner's.
    cells[2] = {...cells[2]!, reporting: 3, expected: 3};
    cells[0] = {...cells[0]!, reporting: 43, expected: 43};
    const {reasons, coverageHidden} = new MeasureEquations(cells, COVERAGE_POLICY).protect();
    expect(reasons).toEqual([null, null, null]);
    expect(coverageHidden).toEqual([false, true, true]);
  });

  it('withholds an expected count equal to a withheld reporting count, and only then', () => {
    // The coverage counts withheld (the value's own numerator and denominator are withheld with t0 and t1 too).
    const hidden = (villages: [number, number][]) =>
      [...new MeasureEquations(doctorCells(villages), COVERAGE_POLICY).protect().hiddenMeasures].filter((key) =>
        key.startsWith('hh_')
      );
    // t0 reports 4 of 12 (small, withheld) and t1's reporting count partners it. Shown expected counts only
    // bound the withheld reporting ones from above: they stay.
    expect(
      hidden([
        [4, 12],
        [20, 22],
        [30, 30]
      ]).sort()
    ).toEqual(['hh_reg_doctor|2024|t0', 'hh_reg_doctor|2024|t1']);
    // Where t1's partner equals its expected count, that count would give it away: withheld too, and protected
    // in its own sums by t0's.
    expect(
      hidden([
        [4, 12],
        [20, 20],
        [30, 30]
      ]).sort()
    ).toEqual(['hh_reg_doctor|2024|t0', 'hh_reg_doctor|2024|t1', 'hh_reg|2024|t0', 'hh_reg|2024|t1']);
  });
});
