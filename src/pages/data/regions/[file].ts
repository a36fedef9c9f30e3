import type {APIRoute, GetStaticPaths} from 'astro';
import {inRenderedParts} from '../../../lib/built-parts.ts';
import {type IndicatorValue, readIndicatorValues, readRegions} from '../../../lib/published-data.ts';
import {regionTreeOf} from '../../../lib/region-tree.ts';

/**
 * One region as JSON, for embedding and scripts: the region, its parents from
 * the city down, the codes of its subdivisions and every published indicator
 * value of the region (withheld cells included, their value null).
 */
export const getStaticPaths = (() =>
  inRenderedParts('regions', readRegions(), (r) => r.code).map((region) => ({
    params: {file: `${region.code}.json`},
    props: {code: region.code}
  }))) satisfies GetStaticPaths;

let valuesByRegion: Map<string, IndicatorValue[]> | undefined;

export const GET: APIRoute = ({props}) => {
  const tree = regionTreeOf(readRegions());
  const region = tree.byCode.get(props.code)!;
  // Grouped once per build: 4,410 regions would otherwise each scan every value.
  valuesByRegion ??= Map.groupBy(readIndicatorValues(), (v) => v.region_code);
  const values = (valuesByRegion.get(region.code) ?? []).map(({region_code: _code, level: _level, ...rest}) => rest);
  return new Response(
    JSON.stringify({
      region,
      parents: tree.ancestors(region.code).map(({code, name, level}) => ({code, name, level})),
      children: tree.children(region.code).map((child) => child.code),
      indicator_values: values
    })
  );
};
