/**
 * Bands for cells withheld by a primary rule (contract section 3): what the
 * rule itself says of a withheld cell, published instead of a blank. A cell
 * withheld because 1..k−1 households returned to poverty is known to have
 * returns, and how few; a blank tells the reader as much while showing
 * nothing (Hundepool et al., Statistical Disclosure Control, ch. 4–5, on
 * publishing intervals). A band is a function of the rule's threshold and of
 * the cell's denominator, which the row then shows, never of the withheld
 * count itself: moving a household between two withheld cells that both stay
 * within 1..k−1 changes no band. Whether the bands and sums together narrow a
 * count too far is the interval audit's to judge.
 */
import {MAX_HOUSEHOLD_MEMBERS} from '../../src/lib/input-tables.ts';
import type {Cell, DisclosurePolicy} from './suppress-cells.ts';
import {isSmall} from './suppress-cells.ts';

/** Inclusive bounds of a withheld cell's value, and the count the rule found small. */
export interface Band {
  lower: number;
  upper: number;
  /** The numerator (for a count, the count itself) or the complement (denominator − numerator). */
  of: 'numerator' | 'complement';
}

/** Rates are published as fractions and read to 0.1 %: their bands are rounded outwards to 0.001. */
const RATE_STEPS = 1000;

/**
 * The band of `cell` if a primary rule withholds it for a small numerator
 * or complement: 1..k−1 households, so at most k−1 of them (or k−1 times
 * the largest household, 20 members, where the cell counts people). None
 * where the denominator is small (the population itself is the small
 * count), where it is small enough for numerator and complement both to be
 * small, for cells not built on households, and where the band would be
 * 0–100 %.
 */
export function primaryBand(cell: Cell, policy: DisclosurePolicy, countsPeople: boolean): Band | null {
  const id = cell.indicator_id;
  if (!policy.householdBased.has(id)) return null;
  const sensitive = policy.sensitive.has(id);
  const k = sensitive ? policy.kSensitive : policy.k;
  const {numerator_households: nh, denominator_households: dh, denominator: d} = cell;
  const most = (k - 1) * (countsPeople ? MAX_HOUSEHOLD_MEMBERS : 1);
  // A count (dropout children) is withheld when 1..k−1 households hold it.
  if (dh === null) return isSmall(nh, k) ? {lower: 1, upper: most, of: 'numerator'} : null;
  if (!sensitive || isSmall(dh, k) || nh === null || d === null || d <= 0) return null;
  // Where both the numerator and the complement may be small (a denominator of at most twice the most they can
  // hold), which of the two the rule found depends on the value: no band then, or moving one household could
  // switch it. Beyond that only one of them can be small, and the band depends on the denominator alone.
  if (d <= 2 * most) return null;
  let bounds: [number, number];
  let of: Band['of'];
  if (isSmall(nh, k)) [bounds, of] = [[1 / d, most / d], 'numerator'];
  else if (isSmall(dh - nh, k)) [bounds, of] = [[1 - most / d, 1 - 1 / d], 'complement'];
  else return null;
  const lower = Math.max(0, Math.floor(bounds[0] * RATE_STEPS + 1e-9) / RATE_STEPS);
  const upper = Math.min(1, Math.ceil(bounds[1] * RATE_STEPS - 1e-9) / RATE_STEPS);
  return lower <= 0 && upper >= 1 ? null : {lower, upper, of};
}
