import {readFileSync} from 'node:fs';
import Papa from 'papaparse';
import type {RegionLevel} from '../../src/lib/input-tables.ts';
import type {SampleScale} from './scales.ts';

/** One unit of the reference hierarchy (data/reference/ganzhou-regions.csv). */
export interface ReferenceRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string;
}

/** The regions a sample covers, in code order, with the lists the generators walk. */
export interface SampleScope {
  regions: ReferenceRegion[];
  counties: ReferenceRegion[];
  townships: ReferenceRegion[];
  villages: ReferenceRegion[];
  byCode: Map<string, ReferenceRegion>;
}

/** The real hierarchy of 赣州市 shipped with Gongshi. */
export const REFERENCE_REGIONS = new URL('../../data/reference/ganzhou-regions.csv', import.meta.url);

// 孔田镇, 安远县: a rural township of 13 villages in the county whose 2019
// three-year plan is one of the project's sources, small enough for `tiny`.
const TINY_TOWNSHIP = '360726101';

/** Reads the reference hierarchy; throws when it is missing or malformed (a broken checkout). */
export function readReferenceRegions(path: URL | string = REFERENCE_REGIONS): ReferenceRegion[] {
  const text = readFileSync(path, 'utf8');
  const {data} = Papa.parse<Record<string, string>>(text, {header: true, skipEmptyLines: true});
  return data.map((row) => {
    const level = row.level as RegionLevel;
    if (!row.code || !row.name || !['city', 'county', 'township', 'village'].includes(level)) {
      throw new Error(`malformed reference region: ${JSON.stringify(row)}`);
    }
    return {code: row.code, name: row.name, level, parentCode: row.parent_code ?? ''};
  });
}

/**
 * Returns the regions of a scale: for `tiny` the chain city → 安远县 → 孔田镇
 * and that township's villages; for `default` and `full` the whole reference.
 */
export function regionsForScale(all: readonly ReferenceRegion[], scale: SampleScale): SampleScope {
  const township = all.find((r) => r.code === TINY_TOWNSHIP);
  const regions =
    scale === 'tiny' && township
      ? all.filter(
          (r) =>
            r.level === 'city' ||
            r.code === township.parentCode ||
            r.code === township.code ||
            r.parentCode === township.code
        )
      : [...all];
  if (scale === 'tiny' && !township) throw new Error(`reference regions lack township ${TINY_TOWNSHIP}`);
  regions.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const ofLevel = (level: RegionLevel) => regions.filter((r) => r.level === level);
  return {
    regions,
    counties: ofLevel('county'),
    townships: ofLevel('township'),
    villages: ofLevel('village'),
    byCode: new Map(regions.map((r) => [r.code, r]))
  };
}

/** Returns the county a township or village belongs to (its 6-digit code prefix). */
export function countyCodeOf(code: string): string {
  return code.slice(0, 6);
}

/** Returns the township a village belongs to (its 9-digit code prefix). */
export function townshipCodeOf(code: string): string {
  return code.slice(0, 9);
}
