import type {PublishedRegion} from './published-data.ts';

/** The administrative hierarchy with fast lookups by code, parent and level. */
export interface RegionTree {
  root: PublishedRegion;
  byCode: Map<string, PublishedRegion>;
  children: (code: string) => PublishedRegion[];
  /** Ancestors from the root down to (not including) `code`. */
  ancestors: (code: string) => PublishedRegion[];
  /** Number of villages at or below `code`. */
  villageCount: (code: string) => number;
}

const trees = new WeakMap<readonly PublishedRegion[], RegionTree>();

/** Returns the tree of `regions`, built once per array (every page of a build shares it). */
export function regionTreeOf(regions: readonly PublishedRegion[]): RegionTree {
  let tree = trees.get(regions);
  if (!tree) trees.set(regions, (tree = buildRegionTree(regions)));
  return tree;
}

/**
 * Indexes published regions into a tree. Children are ordered by code, which
 * is the official order. Throws when there is not exactly one root.
 */
export function buildRegionTree(regions: readonly PublishedRegion[]): RegionTree {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const sorted = [...regions].sort((a, b) => a.code.localeCompare(b.code));
  const childrenOf = Map.groupBy(sorted, (region) => region.parent_code ?? '');
  const roots = childrenOf.get('') ?? [];
  if (roots.length !== 1) throw new Error(`expected one root region, found ${roots.length}`);
  const villageCounts = new Map<string, number>();
  const countVillages = (code: string): number => {
    const cached = villageCounts.get(code);
    if (cached !== undefined) return cached;
    const region = byCode.get(code);
    const own = region?.level === 'village' ? 1 : 0;
    const total = own + (childrenOf.get(code) ?? []).reduce((sum, child) => sum + countVillages(child.code), 0);
    villageCounts.set(code, total);
    return total;
  };
  return {
    root: roots[0]!,
    byCode,
    children: (code) => childrenOf.get(code) ?? [],
    ancestors: (code) => {
      const chain: PublishedRegion[] = [];
      for (let parent = byCode.get(code)?.parent_code; parent; parent = byCode.get(parent)?.parent_code) {
        chain.unshift(byCode.get(parent)!);
      }
      return chain;
    },
    villageCount: countVillages
  };
}
