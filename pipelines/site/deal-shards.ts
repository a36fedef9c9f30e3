import {CITY_PART} from '../../src/lib/page-parts.ts';

/** A shard of a sharded build: the `index`-th (from 1) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Deals the parts of a site (page-parts.ts) out to `count` shards, a county's
 * parts always together: the counties, heaviest first, each to the shard with
 * the least weight so far (the lowest-numbered on a tie), the city's part
 * among them by its own weight. Deterministic: the same data deal the same
 * parts to the same shards on every machine. Returns each shard's parts.
 */
export function dealShards(weights: ReadonlyMap<string, number>, count: number): string[][] {
  const units = Map.groupBy([...weights.keys()], (part) =>
    part === CITY_PART ? part : part.slice(part.indexOf(':') + 1)
  );
  const weighed = [...units]
    .map(([unit, parts]) => ({unit, parts: parts.sort(), weight: parts.reduce((sum, p) => sum + weights.get(p)!, 0)}))
    .sort((a, b) => b.weight - a.weight || (a.unit < b.unit ? -1 : 1));
  const shards = Array.from({length: count}, () => ({weight: 0, parts: [] as string[]}));
  for (const {parts, weight} of weighed) {
    const lightest = shards.reduce((best, shard) => (shard.weight < best.weight ? shard : best));
    lightest.weight += weight;
    lightest.parts.push(...parts);
  }
  return shards.map((shard) => shard.parts.sort());
}
