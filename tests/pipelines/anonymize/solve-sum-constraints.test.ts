import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {GIVEN, UNKNOWN, solveSumConstraints} from '../../../pipelines/anonymize/solve-sum-constraints.ts';
import type {SumConstraint} from '../../../pipelines/anonymize/solve-sum-constraints.ts';

/** A random region tree (node 0 the root; each later node hangs under an earlier one) with leaf counts summed up. */
const tree = fc
  .array(fc.tuple(fc.nat(), fc.nat({max: 30}), fc.boolean()), {minLength: 1, maxLength: 40})
  .map((nodes) => {
    const parent = nodes.map(([p], i) => (i === 0 ? -1 : p % i));
    const children = nodes.map((_, i) => parent.flatMap((p, c) => (p === i ? [c] : [])));
    const value = new Array<number>(nodes.length).fill(0);
    for (let i = nodes.length - 1; i >= 0; i--) {
      value[i] = children[i]!.length === 0 ? nodes[i]![1] : children[i]!.reduce((sum, c) => sum + value[c]!, 0);
    }
    const hidden = nodes.map(([, , h]) => h);
    const constraints: SumConstraint[] = children.flatMap((parts, total) => (parts.length > 0 ? [{total, parts}] : []));
    return {value, hidden, constraints, children};
  });

describe('solveSumConstraints', () => {
  it('solves only what follows, and gets it right', () => {
    fc.assert(
      fc.property(tree, ({value, hidden, constraints}) => {
        const given = new Map(value.flatMap((v, i) => (hidden[i] ? [] : [[i, v] as const])));
        const solved = solveSumConstraints(value.length, given, constraints);
        expect(solved.unbalanced).toEqual([]);
        value.forEach((v, i) => {
          if (!hidden[i]) expect(solved.from[i]).toBe(GIVEN);
          if (solved.from[i] !== UNKNOWN) expect(solved.value[i]).toBe(v);
        });
      })
    );
  });

  it('solves a lone hidden child of a known parent, and a hidden parent of known children', () => {
    fc.assert(
      fc.property(tree, fc.nat(), ({value, children}, pick) => {
        const parents = children.flatMap((parts, i) => (parts.length > 0 ? [i] : []));
        if (parents.length === 0) return;
        const total = parents[pick % parents.length]!;
        const parts = children[total]!;
        const constraints = [{total, parts}];
        const hiddenChild = parts[pick % parts.length]!;
        const known = (hidden: number) => new Map(value.flatMap((v, i) => (i === hidden ? [] : [[i, v] as const])));
        expect(solveSumConstraints(value.length, known(hiddenChild), constraints).value[hiddenChild]).toBe(
          value[hiddenChild]
        );
        expect(solveSumConstraints(value.length, known(total), constraints).value[total]).toBe(value[total]);
      })
    );
  });

  it('reports a sum that does not add up', () => {
    const given = new Map([
      [0, 10],
      [1, 4],
      [2, 5]
    ]);
    expect(solveSumConstraints(3, given, [{total: 0, parts: [1, 2]}]).unbalanced).toEqual([0]);
  });
});
