/**
 * Which of a route's static paths this build renders: a build may render some
 * parts of the site only (page-parts.ts). Site code only, like site-settings.ts.
 */
import {CITY_PART, type CountyFamily, regionPartOf, rendersPart} from './page-parts.ts';
import {readRegions} from './published-data.ts';
import {renderedParts} from './site-settings.ts';

/** The static paths of a page of the whole city: all of them when this build renders the city part, else none. */
export const cityPaths = <P>(paths: () => P[]): P[] => (rendersPart(renderedParts(), CITY_PART) ? paths() : []);

/** The paths among `paths` whose region (`codeOf`) lies in a part of `family` that this build renders. */
export function inRenderedParts<P>(family: CountyFamily, paths: readonly P[], codeOf: (path: P) => string): P[] {
  const parts = renderedParts();
  if (parts === null) return [...paths];
  const partOf = regionPartOf(readRegions());
  return paths.filter((path) => rendersPart(parts, partOf(family, codeOf(path))));
}
