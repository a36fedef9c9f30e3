/**
 * The parts a site is built in. Most pages show one county's data: its
 * projects and their notices (the `projects` part of the county) and the
 * pages, briefings and JSON of its townships and villages (its `regions`
 * part). Every other page — the counties' own region pages among them,
 * lists, funds, indicators, releases, the home page — is of the whole site,
 * a city's or a province's with its cities (the `city` part). A build may
 * render some parts only: an incremental rebuild the parts whose data or code
 * changed (the rest copied from the last output), a shard of a sharded build
 * the parts dealt to it. A part is never split, so that the pages of a county
 * are built together and together copied.
 */

import {isAboveCounty} from './input-tables.ts';

/** The part of the pages of the whole site: its city's (or its province's and cities'). */
export const CITY_PART = 'city';

/** The two kinds of a county's pages, kept apart because different data change them. */
export type CountyFamily = 'projects' | 'regions';

/** A region as the parts need it: where it sits in the hierarchy. */
export interface PartRegion {
  code: string;
  level: string;
  parent_code: string | null;
}

/** The part of `family` that a county's pages belong to. */
export const countyPart = (family: CountyFamily, county: string) => `${family}:${county}`;

/**
 * Returns a function giving the part of a page of `family` about a region:
 * the county's part for everything below the county (and the county's own
 * projects), the city part for the city itself and for the counties' own
 * region pages — a county's page ranks it among all counties and compares it
 * with the city, so it moves with any county's figures, as the city's pages
 * do — and for a code not in the hierarchy, which no page has.
 */
export function regionPartOf(regions: readonly PartRegion[]): (family: CountyFamily, code: string) => string {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const counties = new Map<string, string | null>();
  const countyOf = (code: string): string | null => {
    const known = counties.get(code);
    if (known !== undefined) return known;
    const region = byCode.get(code);
    const county =
      !region || isAboveCounty(region.level) || region.parent_code === null
        ? null
        : region.level === 'county'
          ? region.code
          : countyOf(region.parent_code);
    counties.set(code, county);
    return county;
  };
  return (family, code) => {
    const county = countyOf(code);
    return county === null || (family === 'regions' && county === code) ? CITY_PART : countyPart(family, county);
  };
}

/** Whether a build that renders `parts` (null: all of them) renders `part`. */
export function rendersPart(parts: readonly string[] | null, part: string): boolean {
  return parts === null || parts.includes(part);
}
