/**
 * The attacker's arithmetic: given the published numbers and the totals they
 * must add up to (a parent is the sum of its children, a total the sum of its
 * breakdown), finds every unpublished number that follows.
 *
 * Each constraint with exactly one unknown term is solved for it, and the
 * answer is fed back until nothing changes. Over a region tree (each number a
 * part of one total and the total of one breakdown) this finds every number
 * the constraints determine: summing the constraints of a connected group of
 * unknowns cancels the inner ones, and a group with a single outer unknown
 * always has a leaf constraint with one unknown left to peel.
 */

/** `total` = sum of `parts`; variables are numbered 0..n−1. */
export interface SumConstraint {
  total: number;
  parts: number[];
}

/** Variable `i` is unknown when `from[i]` is UNKNOWN, given when GIVEN, else solved from constraint `from[i]`. */
export interface SolveResult {
  value: Float64Array;
  from: Int32Array;
  /** Indices of the constraints whose terms are all known but do not add up (beyond rounding). */
  unbalanced: number[];
}

export const UNKNOWN = -2;
export const GIVEN = -1;

/** Relative tolerance for sums of published numbers written with limited digits. */
const EPSILON = 1e-6;

/** Whether `a` and `b` are equal up to the rounding of published numbers. */
export const nearlyEqual = (a: number, b: number) => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Solves `constraints` over `count` variables given the values in `given`,
 * by peeling constraints with one unknown term until none is left. Linear in
 * the number of terms.
 */
export function solveSumConstraints(
  count: number,
  given: ReadonlyMap<number, number>,
  constraints: readonly SumConstraint[]
): SolveResult {
  const value = new Float64Array(count);
  const from = new Int32Array(count).fill(UNKNOWN);
  for (const [id, v] of given) {
    value[id] = v;
    from[id] = GIVEN;
  }
  // Constraints of each variable, as a compressed adjacency list.
  const degree = new Int32Array(count + 1);
  for (const c of constraints) {
    degree[c.total + 1]!++;
    for (const p of c.parts) degree[p + 1]!++;
  }
  for (let i = 0; i < count; i++) degree[i + 1]! += degree[i]!;
  const members = new Int32Array(degree[count]!);
  const fill = degree.slice(0, count);
  constraints.forEach((c, index) => {
    members[fill[c.total]!++] = index;
    for (const p of c.parts) members[fill[p]!++] = index;
  });

  const queue: number[] = constraints.map((_, i) => i);
  while (queue.length > 0) {
    const index = queue.pop()!;
    const solved = solveOne(constraints[index]!, index, value, from);
    if (solved === -1) continue;
    for (let m = degree[solved]!; m < degree[solved + 1]!; m++) if (members[m] !== index) queue.push(members[m]!);
  }
  const unbalanced: number[] = [];
  constraints.forEach((c, index) => {
    if (from[c.total] === UNKNOWN || c.parts.some((p) => from[p] === UNKNOWN)) return;
    let sum = 0;
    for (const p of c.parts) sum += value[p]!;
    if (!nearlyEqual(value[c.total]!, sum)) unbalanced.push(index);
  });
  return {value, from, unbalanced};
}

/** Solves `constraint` when exactly one of its terms is unknown, returning that term, else −1. */
function solveOne(constraint: SumConstraint, index: number, value: Float64Array, from: Int32Array): number {
  let unknown = -1;
  let partsSum = 0;
  for (const p of constraint.parts) {
    if (from[p] !== UNKNOWN) partsSum += value[p]!;
    else if (unknown === -1) unknown = p;
    else return -1;
  }
  if (from[constraint.total] === UNKNOWN) {
    if (unknown !== -1) return -1;
    value[constraint.total] = partsSum;
    from[constraint.total] = index;
    return constraint.total;
  }
  if (unknown === -1) return -1;
  value[unknown] = value[constraint.total]! - partsSum;
  from[unknown] = index;
  return unknown;
}
