import type {CsvRow} from './csv-writer.ts';
import type {SampleScope} from './regions-for-scale.ts';
import type {VillagePlan} from './village-plans.ts';

/**
 * Returns the rows of regions.csv: the scope's regions in code order with
 * their real codes and names, and for villages the synthetic poor, deep-poor
 * and weak flags of their plans (empty for other levels).
 */
export function regionRows(scope: SampleScope, plans: readonly VillagePlan[]): CsvRow[] {
  const byCode = new Map(plans.map((p) => [p.region.code, p]));
  return scope.regions.map((region) => {
    const plan = byCode.get(region.code);
    return {
      code: region.code,
      name: region.name,
      level: region.level,
      parent_code: region.parentCode,
      poor_village: plan?.poor,
      deep_poor_village: plan?.deepPoor,
      weak_village: plan?.weak
    };
  });
}
