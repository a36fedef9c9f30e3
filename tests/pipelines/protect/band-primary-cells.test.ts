import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {primaryBand} from '../../../pipelines/protect/band-primary-cells.ts';
import {type Cell, type DisclosurePolicy, suppressionReasons} from '../../../pipelines/protect/suppress-cells.ts';

const POLICY: DisclosurePolicy = {
  k: 5,
  kSensitive: 10,
  sensitive: new Set(['consolidation_rate', 'monitored_share']),
  householdBased: new Set(['consolidation_rate', 'monitored_share', 'safe_water_rate', 'dropout_children']),
  additive: new Set(['consolidation_rate', 'monitored_share', 'safe_water_rate', 'dropout_children'])
};

/** One township's households that exited poverty or returned to it, and their people. */
interface Township {
  households: number;
  returned: number;
  people: number;
  returnedPeople: number;
}

/** consolidation_rate cells of a city, one county and its townships: people exited over people exited or returned. */
function consolidationCells(townships: Township[]): Cell[] {
  const cell = (region: string, parent: string | null, t: Township): Cell => ({
    indicator_id: 'consolidation_rate',
    region_code: region,
    parent_code: parent,
    year: 2024,
    value: (t.people - t.returnedPeople) / t.people,
    numerator: t.people - t.returnedPeople,
    denominator: t.people,
    numerator_households: t.households - t.returned,
    denominator_households: t.households
  });
  const sum = (key: keyof Township) => townships.reduce((s, t) => s + t[key], 0);
  const total = {
    households: sum('households'),
    returned: sum('returned'),
    people: sum('people'),
    returnedPeople: sum('returnedPeople')
  };
  return [cell('36', null, total), cell('3601', '36', total), ...townships.map((t, i) => cell(`3601${i}`, '3601', t))];
}

/** What the tables publish of each cell: its value and counts, or its band and denominator, or nothing. */
function published(cells: Cell[]) {
  const {reasons} = suppressionReasons(cells, POLICY);
  return cells.map((c, i) => {
    if (reasons[i] === null) return [c.region_code, c.value, c.numerator, c.denominator];
    const band = reasons[i] === 'primary' ? primaryBand(c, POLICY, true) : null;
    return [c.region_code, 'withheld', band, band ? c.denominator : null];
  });
}

const township = fc
  .record({households: fc.integer({min: 12, max: 80}), returned: fc.integer({min: 0, max: 12})})
  .chain(({households, returned}) =>
    fc.record({
      households: fc.constant(households),
      returned: fc.constant(returned),
      people: fc.integer({min: households * 2, max: households * 5}),
      returnedPeople: fc.integer({min: returned, max: returned * 5})
    })
  );

describe('primaryBand', () => {
  it('is the same however a returned household moves between two banded townships (property)', () => {
    fc.assert(
      fc.property(
        fc.array(township, {minLength: 2, maxLength: 6}),
        fc.nat(),
        fc.integer({min: 1, max: 5}),
        (ts, pick, members) => {
          // Two townships of 1..9 returned households: one more returns in A, one fewer in B, of the same size,
          // and one of B's exited households takes the returned one's place in A (every published figure stays).
          const a = pick % ts.length;
          const b = (pick + 1) % ts.length;
          const [from, to] = [ts[a]!, ts[b]!];
          fc.pre(from.returned >= 1 && from.returned <= 8 && to.returned >= 2 && to.returned <= 9);
          fc.pre(to.returnedPeople - members >= to.returned - 1 && from.people - from.returnedPeople - members >= 0);
          const moved = ts.map((t, i) =>
            i === a
              ? {...t, returned: t.returned + 1, returnedPeople: t.returnedPeople + members}
              : i === b
                ? {...t, returned: t.returned - 1, returnedPeople: t.returnedPeople - members}
                : t
          );
          expect(published(consolidationCells(moved))).toEqual(published(consolidationCells(ts)));
        }
      )
    );
  });

  it('gives the rule’s interval on the denominator, rounded outwards, and none that says nothing', () => {
    const cell = (nh: number, dh: number, d: number, id = 'monitored_share'): Cell => ({
      indicator_id: id,
      region_code: '3601',
      parent_code: '36',
      year: 2024,
      value: null,
      numerator: null,
      denominator: d,
      numerator_households: nh,
      denominator_households: dh
    });
    // 3 of 250 registered households monitored: 1..9 of 250, 0.4 %..3.6 %.
    expect(primaryBand(cell(3, 250, 250), POLICY, false)).toEqual({lower: 0.004, upper: 0.036, of: 'numerator'});
    // 2,995 of 3,000 people's households exited, 5 returned: 1..9 households of at most 20 people.
    expect(primaryBand(cell(995, 1000, 3000, 'consolidation_rate'), POLICY, true)).toEqual({
      lower: 0.94,
      upper: 1,
      of: 'complement'
    });
    // 30 people in 10 households, 5 returned: 5 exited is small too, but the returns are what the band shows.
    expect(primaryBand(cell(5, 10, 30, 'consolidation_rate'), POLICY, true)).toEqual({
      lower: 0,
      upper: 0.967,
      of: 'complement'
    });
    // 18 households: 1..9 monitored and 1..9 not may both hold, so every numerator but 0 and 18 is withheld and
    // the band is 1..17 of 18, whichever count the rule found small; none for a cell withheld for neither.
    for (const nh of [2, 9, 10, 17]) {
      expect(primaryBand(cell(nh, 18, 18), POLICY, false)).toEqual({lower: 0.055, upper: 0.945, of: 'both'});
    }
    expect(primaryBand(cell(0, 18, 18), POLICY, false)).toBeNull();
    expect(primaryBand(cell(3, 10, 10), POLICY, false)).toEqual({lower: 0.1, upper: 0.9, of: 'both'});
    expect(primaryBand(cell(2, 19, 19), POLICY, false)).toEqual({lower: 0.052, upper: 0.474, of: 'numerator'});
    // A small denominator is the small count itself; a rate that is not sensitive has no other rule.
    expect(primaryBand(cell(2, 8, 8), POLICY, false)).toBeNull();
    expect(primaryBand(cell(2, 3, 3, 'safe_water_rate'), POLICY, false)).toBeNull();
    // A count of 1..4 households of at most 20 children each.
    expect(
      primaryBand({...cell(2, 0, 0, 'dropout_children'), denominator: null, denominator_households: null}, POLICY, true)
    ).toEqual({
      lower: 1,
      upper: 80,
      of: 'numerator'
    });
  });
});
