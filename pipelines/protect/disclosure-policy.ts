import type {Indicator} from '../aggregate/indicator-registry.ts';
import type {DisclosurePolicy} from './suppress-cells.ts';

/** Thresholds of contract section 3: k = 5 for household counts, 10 for sensitive cells; never below 3. */
export const DEFAULT_K = 5;
export const DEFAULT_K_SENSITIVE = 10;
export const MIN_K = 3;

/**
 * Derives the disclosure policy from the indicator registry: which indicators
 * rest on household records, which are sensitive, and which add up from
 * children to parents (so that complementary suppression applies).
 */
export function disclosurePolicy(
  indicators: readonly Indicator[],
  {k = DEFAULT_K, kSensitive = DEFAULT_K_SENSITIVE}: {k?: number; kSensitive?: number} = {}
): DisclosurePolicy {
  if (k < MIN_K || kSensitive < MIN_K)
    throw new Error(`disclosure threshold below ${MIN_K}: k=${k}, kSensitive=${kSensitive}`);
  const householdPopulations = new Set(['all_households', 'registered_households', 'monitored_households']);
  const householdBased = indicators.filter((i) => householdPopulations.has(i.population));
  return {
    k,
    kSensitive,
    sensitive: new Set(indicators.filter((i) => i.sensitive).map((i) => i.id)),
    householdBased: new Set(householdBased.map((i) => i.id)),
    additive: new Set(
      householdBased.filter((i) => i.aggregation === 'ratio_of_sums' || i.aggregation === 'sum').map((i) => i.id)
    )
  };
}
