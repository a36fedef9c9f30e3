import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {boundSumConstraints} from '../../../pipelines/audit/bound-sum-constraints.ts';
import type {SumConstraint} from '../../../pipelines/audit/bound-sum-constraints.ts';

/**
 * A random region tree (node 0 the root; each later node under an earlier one) of at most 8 nodes, leaf counts
 * 0..3 summed up, and which of them are withheld (at most 4 leaves, so that every assignment can be tried).
 */
const tree = fc.array(fc.tuple(fc.nat(), fc.nat({max: 3}), fc.boolean()), {minLength: 2, maxLength: 8}).map((nodes) => {
  const parent = nodes.map(([p], i) => (i === 0 ? -1 : p % i));
  const children = nodes.map((_, i) => parent.flatMap((p, c) => (p === i ? [c] : [])));
  const value = new Array<number>(nodes.length).fill(0);
  for (let i = nodes.length - 1; i >= 0; i--) {
    value[i] = children[i]!.length === 0 ? nodes[i]![1] : children[i]!.reduce((sum, c) => sum + value[c]!, 0);
  }
  const hidden = nodes.map(([, , h]) => h);
  const leaves = children.flatMap((kids, i) => (kids.length === 0 ? [i] : []));
  for (const leaf of leaves.filter((l) => hidden[l]).slice(4)) hidden[leaf] = false;
  const constraints: SumConstraint[] = children.flatMap((parts, total) => (parts.length > 0 ? [{total, parts}] : []));
  return {value, hidden, children, leaves, constraints};
});

/** Every range the published values allow, by trying each assignment of the withheld leaves (0..cap each). */
function bruteForceRanges(
  t: {value: number[]; hidden: boolean[]; children: number[][]; leaves: number[]},
  cap: number
) {
  const free = t.leaves.filter((l) => t.hidden[l]);
  const lower = t.value.map(() => Infinity);
  const upper = t.value.map(() => -Infinity);
  const values = [...t.value];
  const assign = (i: number) => {
    if (i === free.length) {
      for (let n = values.length - 1; n >= 0; n--) {
        if (t.children[n]!.length > 0) values[n] = t.children[n]!.reduce((s, c) => s + values[c]!, 0);
      }
      if (values.some((v, n) => !t.hidden[n] && v !== t.value[n])) return;
      values.forEach((v, n) => {
        lower[n] = Math.min(lower[n]!, v);
        upper[n] = Math.max(upper[n]!, v);
      });
      return;
    }
    for (let v = 0; v <= cap; v++) {
      values[free[i]!] = v;
      assign(i + 1);
    }
  };
  assign(0);
  return {lower, upper};
}

describe('boundSumConstraints', () => {
  it('gives on a region tree exactly the ranges that the published counts allow', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const lower = Float64Array.from(t.value, (v, i) => (t.hidden[i] ? 0 : v));
        const upper = Float64Array.from(t.value, (v, i) => (t.hidden[i] ? Infinity : v));
        const ranges = boundSumConstraints(t.value.length, lower, upper, t.constraints);
        expect(ranges.unbalanced).toEqual([]);
        // No withheld leaf can hold more than every leaf together; a range that reaches the cap is unbounded.
        const cap = t.value[0]! + 1;
        const exact = bruteForceRanges(t, cap);
        t.value.forEach((v, i) => {
          expect(ranges.lower[i]).toBe(exact.lower[i]);
          expect(ranges.upper[i]).toBe(exact.upper[i]! >= cap ? Infinity : exact.upper[i]);
          expect(ranges.lower[i]).toBeLessThanOrEqual(v);
          expect(ranges.upper[i]).toBeGreaterThanOrEqual(v);
        });
      })
    );
  });

  it('narrows two withheld children of a published parent to what the parent leaves, bands included', () => {
    // 10 = 6 + a + b, with a published band of 1..9 on a: a in 1..4, b in 0..3.
    const lower = Float64Array.from([10, 6, 1, 0]);
    const upper = Float64Array.from([10, 6, 9, Infinity]);
    const ranges = boundSumConstraints(4, lower, upper, [{total: 0, parts: [1, 2, 3]}]);
    expect([...ranges.lower]).toEqual([10, 6, 1, 0]);
    expect([...ranges.upper]).toEqual([10, 6, 4, 3]);
    expect(ranges.lowerFrom[2]).toBe(-1);
    expect(ranges.upperFrom[2]).toBe(0);
  });

  it('carries bounds along a denominator split into numerator and complement', () => {
    // Two villages under a township of 20 households, 15 with safe water; village 1 has 12 households (published),
    // 11 with safe water (withheld), so its complement is 1; village 2's households are withheld.
    // Variables: 0 township den, 1 township num, 2 v1 den, 3 v1 num, 4 v2 den, 5 v2 num, 6 v1 comp, 7 v2 comp.
    const lower = Float64Array.from([20, 15, 12, 0, 0, 0, 0, 0]);
    const upper = Float64Array.from([20, 15, 12, Infinity, Infinity, Infinity, Infinity, Infinity]);
    const constraints = [
      {total: 0, parts: [2, 4]},
      {total: 1, parts: [3, 5]},
      {total: 2, parts: [3, 6]},
      {total: 4, parts: [5, 7]}
    ];
    const ranges = boundSumConstraints(8, lower, upper, constraints);
    // v2 has 8 households; v1's safe-water households lie in 7..12 (v2 holds 0..8 of the 15), so v2's in 3..8.
    expect([ranges.lower[4], ranges.upper[4]]).toEqual([8, 8]);
    expect([ranges.lower[3], ranges.upper[3]]).toEqual([7, 12]);
    expect([ranges.lower[5], ranges.upper[5]]).toEqual([3, 8]);
    expect([ranges.lower[7], ranges.upper[7]]).toEqual([0, 5]);
  });

  it('reads a province’s millions as whole numbers: 5,000,004 − 5,000,000 pins 4', () => {
    const ranges = boundSumConstraints(
      3,
      Float64Array.from([5_000_004, 5_000_000, 0]),
      Float64Array.from([5_000_004, 5_000_000, Infinity]),
      [{total: 0, parts: [1, 2]}]
    );
    expect([ranges.lower[2], ranges.upper[2]]).toEqual([4, 4]);
  });

  it('reports a sum that does not add up', () => {
    const fixed = Float64Array.from([10, 4, 5]);
    expect(boundSumConstraints(3, fixed, fixed, [{total: 0, parts: [1, 2]}]).unbalanced).toEqual([0]);
  });
});
