/**
 * Targets and status of indicator values (docs/data-contract.md, "Status of a value
 * against its target"). A local target from targets.csv replaces the default
 * for its region and every region below it; the most specific one wins.
 */
import type {TargetOperator} from './indicator-registry.ts';

export type Status = 'met' | 'on_track' | 'at_risk' | 'off_track' | 'no_target' | 'incomplete' | 'suppressed';

/** A target as it applies to one indicator: default or local. */
export interface TargetRule {
  operator: TargetOperator;
  value: number;
  /** In force from this year on (null: always). */
  fromYear: number | null;
  /** Target year: before it, status follows the trend; in and after it the target is kept. */
  byYear: number | null;
}

/** A local target override (targets.csv), for one region and year. */
export interface LocalTarget {
  indicator_id: string;
  region_code: string;
  year: number;
  target: number;
  direction: '>=' | '<=' | '=';
}

/** Relative distance within which a projection that misses the target is `at_risk` rather than `off_track`. */
export const AT_RISK_MARGIN = 0.05;

/** Returns whether `value` satisfies `operator target`. A small tolerance absorbs floating-point noise. */
export function satisfies(value: number, operator: TargetOperator, target: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  if (operator === '>=') return value >= target - eps;
  if (operator === '<=') return value <= target + eps;
  if (operator === '>') return value > target + eps;
  return Math.abs(value - target) <= eps;
}

/**
 * Picks the target in force for `year` among an indicator's default rules:
 * the latest one whose fromYear has come, or a byYear target (which applies
 * before its year too, through the trend). Null where none applies.
 */
export function targetForYear(rules: readonly TargetRule[], year: number): TargetRule | null {
  const applicable = rules.filter((r) => r.fromYear === null || r.fromYear <= year || r.byYear !== null);
  return applicable.sort((a, b) => (b.fromYear ?? 0) - (a.fromYear ?? 0))[0] ?? null;
}

/**
 * Returns the status of a value against a target. Before the target year a
 * least-squares line through the last three years' values (`history`,
 * oldest first, ending with this year) is projected to the target year:
 * reaching the target is `on_track`, ending within 5% of it `at_risk`,
 * otherwise `off_track`. From the target year on: `met` or `off_track`.
 */
export function statusOf(
  value: number,
  year: number,
  target: TargetRule,
  history: readonly [number, number][]
): Status {
  if (satisfies(value, target.operator, target.value)) return 'met';
  if (target.byYear === null || year >= target.byYear) return 'off_track';
  const projected = project(history.slice(-3), target.byYear);
  if (satisfies(projected, target.operator, target.value)) return 'on_track';
  const gap = Math.abs(projected - target.value) / Math.max(Math.abs(target.value), 1e-9);
  return gap <= AT_RISK_MARGIN ? 'at_risk' : 'off_track';
}

/** Straight line through (year, value) points, evaluated at `year`; a single point stays flat. */
export function project(points: readonly [number, number][], year: number): number {
  if (points.length === 1) return points[0]![1];
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  return my + slope * (year - mx);
}
