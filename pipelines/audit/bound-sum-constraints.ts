/**
 * The attacker's arithmetic over intervals: given what is published (numbers,
 * bands, and that every count is a whole number of at least zero) and the
 * totals the counts must add up to (a parent is the sum of its children, a
 * denominator the sum of its numerator and complement), finds the range every
 * unpublished count can still take.
 *
 * Bounds are tightened one sum at a time until nothing changes (bounds
 * propagation): a total lies between the sums of its parts' bounds, a part
 * between the total's bounds less the other parts'. Over sums that form no
 * cycle (the region tree of one measure) this gives the exact range, as a
 * linear program minimising and maximising each count would (the tests hold
 * it equal to trying every assignment on random trees); a numerator and its
 * complement under a denominator give the classic bounds of a two-column
 * table (Fréchet's), which are exact too. Where sums do form longer cycles
 * (monitor types by region, with both margins published) the ranges are
 * outer bounds: never narrower than the truth, but possibly wider than a
 * linear program would find.
 *
 * Counts are whole numbers, so each bound is rounded inwards to one: that
 * makes every step move a bound by at least one, so the loop ends.
 */

/** `total` = sum of `parts`; variables are numbered 0..n−1. */
export interface SumConstraint {
  total: number;
  parts: number[];
}

/** The range of each variable, and how its bounds came about. */
export interface BoundResult {
  lower: Float64Array;
  upper: Float64Array;
  /** Per variable, the constraint that last raised its lower bound (or lowered its upper one), else NOT_DERIVED. */
  lowerFrom: Int32Array;
  upperFrom: Int32Array;
  /** Indices of the constraints that no whole numbers within the bounds satisfy (sums that do not add up). */
  unbalanced: number[];
}

export const NOT_DERIVED = -1;

/**
 * Published numbers carry 12 significant digits, and sums of them gather float noise: what lies within this of a
 * whole number is that number (1e-6 absolute, and 1e-11 of the number beyond that, far below one household even
 * for a province's millions).
 */
const tolerance = (x: number) => 1e-6 + 1e-11 * Math.abs(x);

// (+ 0 turns the -0 that rounding a tiny negative gives into 0.)
const roundUp = (x: number) => Math.ceil(x - tolerance(x)) + 0;
const roundDown = (x: number) => Math.floor(x + tolerance(x));

/**
 * Tightens `lower` and `upper` (per variable; `Infinity` for no upper bound;
 * equal for a published number) under `constraints` until no bound moves.
 * Near-linear in the number of terms on sums without cycles; on cycles each
 * pass moves a bound by at least one.
 */
export function boundSumConstraints(
  count: number,
  lower: Float64Array,
  upper: Float64Array,
  constraints: readonly SumConstraint[]
): BoundResult {
  const lo = Float64Array.from(lower, roundUp);
  const hi = Float64Array.from(upper, (u) => (u === Infinity ? u : roundDown(u)));
  const lowerFrom = new Int32Array(count).fill(NOT_DERIVED);
  const upperFrom = new Int32Array(count).fill(NOT_DERIVED);
  const members = constraintsOf(count, constraints);
  const unbalanced = new Set<number>();
  const queued = new Uint8Array(constraints.length).fill(1);
  const queue: number[] = constraints.map((_, i) => i);

  const requeue = (variable: number, except: number) => {
    for (let m = members.start[variable]!; m < members.start[variable + 1]!; m++) {
      const index = members.index[m]!;
      if (index !== except && !queued[index] && !unbalanced.has(index)) {
        queued[index] = 1;
        queue.push(index);
      }
    }
  };
  // Raises the lower bound of `v` (and lowers its upper one) to what constraint `index` allows.
  const tighten = (v: number, newLower: number, newUpper: number, index: number): boolean => {
    let moved = false;
    const l = roundUp(newLower);
    if (l > lo[v]!) {
      lo[v] = l;
      lowerFrom[v] = index;
      moved = true;
    }
    const u = newUpper === Infinity ? Infinity : roundDown(newUpper);
    if (u < hi[v]!) {
      hi[v] = u;
      upperFrom[v] = index;
      moved = true;
    }
    if (lo[v]! > hi[v]!) {
      unbalanced.add(index);
      return false;
    }
    if (moved) requeue(v, index);
    return moved;
  };

  while (queue.length > 0) {
    const index = queue.pop()!;
    queued[index] = 0;
    if (unbalanced.has(index)) continue;
    const {total, parts} = constraints[index]!;
    // Each pass tightens every term against the others; what one term's move changes for the others is seen
    // on the next pass, which the move queues.
    let sumLower = 0;
    let sumUpper = 0;
    let unbounded = 0;
    for (const p of parts) {
      sumLower += lo[p]!;
      if (hi[p] === Infinity) unbounded++;
      else sumUpper += hi[p]!;
    }
    if (!tighten(total, sumLower, unbounded > 0 ? Infinity : sumUpper, index) && unbalanced.has(index)) continue;
    for (const p of parts) {
      // The others' upper bounds: infinite when another part has none.
      const othersUnbounded = unbounded - (hi[p] === Infinity ? 1 : 0);
      const othersUpper = othersUnbounded > 0 ? Infinity : sumUpper - (hi[p] === Infinity ? 0 : hi[p]!);
      const partLower = othersUpper === Infinity ? 0 : lo[total]! - othersUpper;
      const partUpper = hi[total] === Infinity ? Infinity : hi[total]! - (sumLower - lo[p]!);
      tighten(p, partLower, partUpper, index);
      if (unbalanced.has(index)) break;
    }
  }
  return {lower: lo, upper: hi, lowerFrom, upperFrom, unbalanced: [...unbalanced].sort((a, b) => a - b)};
}

/** The constraints each variable is a term of, as a compressed adjacency list. */
export function constraintsOf(
  count: number,
  constraints: readonly SumConstraint[]
): {start: Int32Array; index: Int32Array} {
  const start = new Int32Array(count + 1);
  for (const c of constraints) {
    start[c.total + 1]!++;
    for (const p of c.parts) start[p + 1]!++;
  }
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const index = new Int32Array(start[count]!);
  const fill = start.slice(0, count);
  constraints.forEach((c, i) => {
    index[fill[c.total]!++] = i;
    for (const p of c.parts) index[fill[p]!++] = i;
  });
  return {start, index};
}
