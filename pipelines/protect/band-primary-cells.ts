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
  /**
   * The numerator (for a count, the count itself) or the complement (denominator − numerator) that counts
   * 1..k−1 households, or `both` where the rule withholds every value but none and all (at most 2(k−1)
   * households: the numerator is 1..d−1, whichever count was small).
   */
  of: 'numerator' | 'complement' | 'both';
}

/** Rates are published as fractions and read to 0.1 %: their bands are rounded outwards to 0.001. */
const RATE_STEPS = 1000;

/**
 * The band of `cell` if a primary rule withholds it for a small numerator
 * or complement: 1..k−1 households, so at most k−1 of them (or k−1 times
 * the largest household, 20 members, where the cell counts people). A
 * rate of k..2(k−1) households, whose numerator and complement could both
 * be small, is withheld for every numerator but none and all: its band is
 * 1..d−1 of d, the same whichever count the rule found small. None where
 * the denominator is small (the population itself is the small count), for
 * cells not built on households, and where the band would be 0–100 %.
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
  // Where numerator and complement may both be small, the band must not switch between them as a household
  // moves: a rate of households with at most 2(k−1) of them (published as its denominator) gets the band of
  // both, and a rate of people, whose households are not published, shows the complement's band whenever the
  // complement is small (the returns it exists to show), the numerator's only when the complement cannot be.
  let bounds: [number, number];
  let of: Band['of'];
  if (!countsPeople && d <= 2 * (k - 1)) {
    if (!isSmall(nh, k) && !isSmall(dh - nh, k)) return null;
    [bounds, of] = [[1 / d, (d - 1) / d], 'both'];
  } else if (isSmall(dh - nh, k)) [bounds, of] = [[1 - most / d, 1 - 1 / d], 'complement'];
  // A numerator's band says the complement is not small: only where it could not be anyway (more people than
  // two such groups of households can hold) does that tell nothing more.
  else if (isSmall(nh, k) && d > 2 * most) [bounds, of] = [[1 / d, most / d], 'numerator'];
  else return null;
  const lower = Math.max(0, Math.floor(bounds[0] * RATE_STEPS + 1e-9) / RATE_STEPS);
  const upper = Math.min(1, Math.ceil(bounds[1] * RATE_STEPS - 1e-9) / RATE_STEPS);
  return lower <= 0 && upper >= 1 ? null : {lower, upper, of};
}
