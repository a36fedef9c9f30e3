/** A target's comparison, as published in `indicator_values.target_operator`. */
export type TargetOperator = '>=' | '>' | '<=' | '<' | '=';

/**
 * Returns whether `value` satisfies `operator target`, with the tolerance
 * the pipeline's status rule uses (1e-9 relative), so a chart never
 * disagrees with the published status.
 */
export function satisfiesTarget(value: number, operator: TargetOperator | null | undefined, target: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  switch (operator ?? '>=') {
    case '>=':
      return value >= target - eps;
    case '>':
      return value > target + eps;
    case '<=':
      return value <= target + eps;
    case '<':
      return value < target - eps;
    default:
      return Math.abs(value - target) <= eps;
  }
}
