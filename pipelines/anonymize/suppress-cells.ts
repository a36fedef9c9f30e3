/**
 * Small-cell and complementary suppression of indicator values (contract
 * section 3; Handbook on Statistical Disclosure Control, ch. 4). Works on
 * plain rows so that the rule is testable for all inputs (property tests).
 */

/** One indicator value of one region and year, before disclosure control. */
export interface Cell {
  indicator_id: string;
  region_code: string;
  parent_code: string | null;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  numerator_households: number | null;
  denominator_households: number | null;
}

export interface DisclosurePolicy {
  /** Minimum households behind a published count or rate (default 5). */
  k: number;
  /** Minimum for sensitive cells (default 10). */
  kSensitive: number;
  /** Indicators whose numerator and complement are also protected. */
  sensitive: ReadonlySet<string>;
  /** Indicators built from household records; the others (villages, projects) are public data. */
  householdBased: ReadonlySet<string>;
  /** Indicators whose numerator and denominator add up from children to parent. */
  additive: ReadonlySet<string>;
}

export type SuppressionReason = 'primary' | 'complementary';

/** A cell after disclosure control: withheld cells carry why. */
export interface ProtectedCell extends Cell {
  suppressed: SuppressionReason | null;
}

/** Whether a count of households is small enough to identify someone: 1..k−1 (zero is published). */
export const isSmall = (households: number | null, k: number) =>
  households !== null && households > 0 && households < k;

/**
 * Returns whether a cell must be withheld on its own: a rate whose denominator
 * covers fewer than k households, a count (no denominator) of 1..k−1
 * households, and for sensitive indicators also a numerator or complement of
 * 1..k−1 households.
 */
export function needsPrimarySuppression(cell: Cell, policy: DisclosurePolicy): boolean {
  if (!policy.householdBased.has(cell.indicator_id)) return false;
  // Nothing to hide in a cell with no value (a first year's growth, a zero denominator).
  if (cell.value === null && cell.numerator === null) return false;
  const sensitive = policy.sensitive.has(cell.indicator_id);
  const k = sensitive ? policy.kSensitive : policy.k;
  const {numerator_households: nh, denominator_households: dh} = cell;
  if (dh === null) return isSmall(nh, k);
  if (dh < k && (dh > 0 || cell.value !== null)) return true;
  return sensitive && (isSmall(nh, k) || (nh !== null && isSmall(dh - nh, k)));
}

/**
 * Applies primary suppression (`isPrimary`, by default the contract's rules),
 * then withholds further cells until no withheld cell can be recovered as
 * parent − sum(other children): within each indicator, year and parent, a
 * lone withheld child gets the smallest published sibling withheld too; a
 * parent is withheld only when no sibling is left (never a total before its
 * children).
 */
export function suppressCells(
  cells: readonly Cell[],
  policy: DisclosurePolicy,
  isPrimary: (cell: Cell) => boolean = (cell) => needsPrimarySuppression(cell, policy)
): ProtectedCell[] {
  const out: ProtectedCell[] = cells.map((c) => ({...c, suppressed: isPrimary(c) ? 'primary' : null}));
  const protectable = out.filter(
    (c) => policy.householdBased.has(c.indicator_id) && policy.additive.has(c.indicator_id)
  );
  const groups = Map.groupBy(protectable, (cell) => `${cell.indicator_id}\u0000${cell.year}`);
  for (const group of groups.values()) {
    const byCode = new Map(group.map((c) => [c.region_code, c]));
    protectHierarchy(group, (c) => (c.parent_code === null ? undefined : byCode.get(c.parent_code)));
  }
  return out;
}

/**
 * Complementary suppression over one additive hierarchy (regions of one
 * indicator and year, or the parts of one total), until stable: wherever a
 * published total has exactly one withheld part, withhold the smallest
 * published part with something in it, or the total when there is none.
 * Returns whether anything changed.
 */
export function protectHierarchy(
  cells: readonly ProtectedCell[],
  parentOf: (cell: ProtectedCell) => ProtectedCell | undefined
): boolean {
  const children = Map.groupBy(
    cells.filter((cell) => parentOf(cell)),
    (cell) => parentOf(cell)!
  );
  let any = false;
  for (let changed = true; changed;) {
    changed = false;
    for (const [parent, siblings] of children) {
      if (parent.suppressed) continue;
      const withheld = siblings.filter((c) => c.suppressed);
      if (withheld.length !== 1) continue;
      const partner = smallest(siblings.filter((c) => !c.suppressed && hasCount(c)));
      if (partner) partner.suppressed = 'complementary';
      else if (hasCount(withheld[0]!)) parent.suppressed = 'complementary';
      else continue;
      changed = any = true;
    }
  }
  return any;
}

/** A cell whose withholding hides something (a zero-household cell recovers nothing). */
const hasCount = (cell: Cell) => (cell.denominator_households ?? cell.numerator_households ?? 0) > 0;

function smallest(cells: ProtectedCell[]): ProtectedCell | undefined {
  const size = (c: Cell) => c.denominator_households ?? c.numerator_households ?? 0;
  return cells.reduce<ProtectedCell | undefined>(
    (best, c) =>
      !best || size(c) < size(best) || (size(c) === size(best) && c.region_code < best.region_code) ? c : best,
    undefined
  );
}
