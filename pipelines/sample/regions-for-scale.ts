import {readFileSync} from 'node:fs';
import {brotliDecompressSync} from 'node:zlib';
import Papa from 'papaparse';
import {CODE_LENGTH, PARENT_LEVEL, type RegionLevel} from '../../src/lib/input-tables.ts';
import type {SampleScale} from './scales.ts';

/** One unit of the reference hierarchy (data/reference/regions/). */
export interface ReferenceRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string;
}

/** The regions a sample covers, in code order, with the lists the generators walk. */
export interface SampleScope {
  /** The top of the hierarchy: a province or a city. */
  top: ReferenceRegion;
  regions: ReferenceRegion[];
  cities: ReferenceRegion[];
  counties: ReferenceRegion[];
  townships: ReferenceRegion[];
  villages: ReferenceRegion[];
  byCode: Map<string, ReferenceRegion>;
}

/** The real hierarchy of every province, one file each (data/reference/README.md). */
export const REFERENCE_REGIONS = new URL('../../data/reference/regions/', import.meta.url);

/** The sample's region unless another is asked for: 赣州市. */
export const DEFAULT_SAMPLE_REGION = '3607';

// 孔田镇, 安远县: a rural township of 13 villages in the county whose 2019
// three-year plan is one of the project's sources, small enough for `tiny`.
const TINY_TOWNSHIP = '360726101';

/** A unit's level by the length of its code. */
const LEVEL_OF_LENGTH = new Map(Object.entries(CODE_LENGTH).map(([level, length]) => [length, level as RegionLevel]));

/**
 * Reads the reference hierarchy of a province (2-digit code), a city (4) or
 * one county (6 digits, under its city) from its province's file: the region,
 * the units above it up to the city (a province's sample starts at the
 * province) and everything below it. Throws a message naming the code when
 * the region is not in the reference.
 */
export function readReferenceRegions(regionCode: string = DEFAULT_SAMPLE_REGION): ReferenceRegion[] {
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(regionCode)) {
    throw new Error(
      `a sample's region is a province (2 digits, e.g. 36), a city (4, e.g. 3607) or a county (6, e.g. 360726), not "${regionCode}"`
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(new URL(`${regionCode.slice(0, 2)}.csv.br`, REFERENCE_REGIONS));
  } catch {
    throw new Error(`no province ${regionCode.slice(0, 2)} in the reference regions (data/reference/regions/)`);
  }
  const {data} = Papa.parse<Record<string, string>>(brotliDecompressSync(bytes).toString('utf8'), {
    header: true,
    skipEmptyLines: true
  });
  const top = regionCode.length === 2 ? 'province' : 'city';
  const regions: ReferenceRegion[] = [];
  let province = '';
  for (const {code, name} of data) {
    const level = LEVEL_OF_LENGTH.get(code?.length ?? 0);
    if (!code || !name || !level) throw new Error(`malformed reference region: ${JSON.stringify({code, name})}`);
    if (level === 'province') province = name;
    // The region's city above it (a county's sample), the region itself and everything below it.
    const within = level === 'city' && top === 'city' ? code === regionCode.slice(0, 4) : code.startsWith(regionCode);
    if (!within) continue;
    const parent = level === top ? null : PARENT_LEVEL[level];
    regions.push({
      code,
      name: level === 'city' ? cityName(name, province) : name,
      level,
      parentCode: parent ? code.slice(0, CODE_LENGTH[parent]) : ''
    });
  }
  if (!regions.some((r) => r.code === regionCode)) {
    throw new Error(`no region ${regionCode} in the reference regions (国家统计局 统计用区划代码 2023)`);
  }
  return regions;
}

/**
 * The name a site shows for a city-level unit: the statistical codes group a municipality's districts (北京市's
 * 1101) under 市辖区 and a province's directly administered counties (湖北省's 4290) under 省直辖县级行政区划, names
 * that say nothing on their own: the first becomes the municipality's name, the others are prefixed with it.
 */
function cityName(name: string, province: string): string {
  if (/(市|州|盟|地区)$/.test(name)) return name;
  return name === '市辖区' ? province : `${province}${name}`;
}

/**
 * Returns the regions of a scale: for `tiny` the chain (province →) city → 安远县 → 孔田镇
 * and that township's villages (elsewhere than 赣州市 the first township of
 * five villages or more); for `small` that and the first such township of
 * another county, with its county (two counties: what incremental rebuilds
 * and sharded builds do per county is tested on it); for `default` and
 * `full` the whole region read.
 */
export function regionsForScale(all: readonly ReferenceRegion[], scale: SampleScale): SampleScope {
  const township = all.find((r) => r.code === TINY_TOWNSHIP) ?? firstRuralTownship(all);
  if ((scale === 'tiny' || scale === 'small') && !township) {
    throw new Error(`the region has no township of five villages or more for \`${scale}\``);
  }
  const other = scale === 'small' ? firstRuralTownship(all, township!.parentCode) : undefined;
  if (scale === 'small' && !other) throw new Error('the region has no second county with such a township for `small`');
  const chosen = scale === 'tiny' ? [township!] : scale === 'small' ? [township!, other!] : null;
  const regions = chosen
    ? all.filter(
        (r) =>
          r.level === 'province' ||
          chosen.some(
            (t) =>
              r.code === t.code.slice(0, 4) || r.code === t.parentCode || r.code === t.code || r.parentCode === t.code
          )
      )
    : [...all];
  regions.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const ofLevel = (level: RegionLevel) => regions.filter((r) => r.level === level);
  return {
    top: regions.find((r) => r.parentCode === '')!,
    regions,
    cities: ofLevel('city'),
    counties: ofLevel('county'),
    townships: ofLevel('township'),
    villages: ofLevel('village'),
    byCode: new Map(regions.map((r) => [r.code, r]))
  };
}

/**
 * The first town or township in code order (a 街道 where there is none) with five villages or more, outside the
 * county `except`: `tiny`'s outside 赣州市, `small`'s second.
 */
function firstRuralTownship(all: readonly ReferenceRegion[], except?: string): ReferenceRegion | undefined {
  const villages = new Map<string, number>();
  for (const r of all) if (r.level === 'village') villages.set(r.parentCode, (villages.get(r.parentCode) ?? 0) + 1);
  const candidates = all
    .filter((r) => r.level === 'township' && r.parentCode !== except && (villages.get(r.code) ?? 0) >= 5)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  // A town or township (镇 100–199, 乡 200–) before a 街道 (001–099), where the region has one.
  return candidates.find((r) => Number(r.code.slice(-3)) >= 100) ?? candidates[0];
}

/** Returns the county a township or village belongs to (its 6-digit code prefix). */
export function countyCodeOf(code: string): string {
  return code.slice(0, 6);
}

/** Returns the township a village belongs to (its 9-digit code prefix). */
export function townshipCodeOf(code: string): string {
  return code.slice(0, 9);
}
