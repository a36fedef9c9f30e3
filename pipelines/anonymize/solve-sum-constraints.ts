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

/** `total` = sum of `parts`; each is a variable id. */
export interface SumConstraint {
  total: string;
  parts: string[];
}

/** How a variable came to be known: published, or solved from a constraint. */
export interface Solved {
  value: number;
  /** The constraint it was solved from; undefined for a published (given) value. */
  from?: SumConstraint;
}

export interface SolveResult {
  /** Every variable known at the end: the given ones and the solved ones. */
  known: Map<string, Solved>;
  /** Constraints whose terms are all known but do not add up (beyond rounding). */
  unbalanced: SumConstraint[];
}

/** Relative tolerance for sums of published numbers written with limited digits. */
const EPSILON = 1e-6;

/** Whether `a` and `b` are equal up to the rounding of published numbers. */
export const nearlyEqual = (a: number, b: number) => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Solves `constraints` given the `given` values, by peeling constraints with
 * one unknown term until none is left. Linear in the number of terms.
 */
export function solveSumConstraints(given: ReadonlyMap<string, number>, constraints: SumConstraint[]): SolveResult {
  const known = new Map<string, Solved>();
  for (const [id, value] of given) known.set(id, {value});
  const byVariable = new Map<string, SumConstraint[]>();
  for (const constraint of constraints) {
    for (const id of [constraint.total, ...constraint.parts]) {
      const list = byVariable.get(id);
      if (list) list.push(constraint);
      else byVariable.set(id, [constraint]);
    }
  }
  const queue = [...constraints];
  while (queue.length > 0) {
    const constraint = queue.pop()!;
    const unknown = solveOne(constraint, known);
    if (unknown === undefined) continue;
    for (const next of byVariable.get(unknown) ?? []) if (next !== constraint) queue.push(next);
  }
  const unbalanced = constraints.filter((c) => {
    const total = known.get(c.total);
    if (!total || !c.parts.every((p) => known.has(p))) return false;
    return !nearlyEqual(total.value, sumOf(c.parts, known));
  });
  return {known, unbalanced};
}

/** Solves `constraint` when exactly one of its terms is unknown, returning that term's id. */
function solveOne(constraint: SumConstraint, known: Map<string, Solved>): string | undefined {
  let unknown: string | undefined;
  let partsSum = 0;
  for (const id of constraint.parts) {
    const term = known.get(id);
    if (term) partsSum += term.value;
    else if (unknown === undefined) unknown = id;
    else return undefined;
  }
  const total = known.get(constraint.total);
  if (!total) {
    if (unknown !== undefined) return undefined;
    known.set(constraint.total, {value: partsSum, from: constraint});
    return constraint.total;
  }
  if (unknown === undefined) return undefined;
  known.set(unknown, {value: total.value - partsSum, from: constraint});
  return unknown;
}

function sumOf(ids: string[], known: Map<string, Solved>): number {
  let sum = 0;
  for (const id of ids) sum += known.get(id)!.value;
  return sum;
}
