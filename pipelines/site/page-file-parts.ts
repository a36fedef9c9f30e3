import {join} from 'node:path';
import {readFileSync} from 'node:fs';
import Papa from 'papaparse';
import {CITY_PART, type PartRegion, regionPartOf} from '../../src/lib/page-parts.ts';

/**
 * Returns a function giving the part (page-parts.ts) of a file of a site built
 * from `dataDir`, by its path under the site: the pages of a project or a
 * notice are their county's projects, those of a region (page, briefing,
 * JSON) its county's regions; every other file is the city's. The inverse of
 * the routes' `getStaticPaths` filters (src/lib/built-parts.ts), kept beside
 * them by the tests that compare a rebuild with a cold build.
 */
export function pageFilePartOf(dataDir: string): (path: string) => string {
  const regions = JSON.parse(readFileSync(join(dataDir, 'regions.json'), 'utf8')) as PartRegion[];
  const projects = Papa.parse<{project_id: string; region_code: string}>(
    readFileSync(join(dataDir, 'projects.csv'), 'utf8').replace(/^\uFEFF/, ''),
    {header: true, skipEmptyLines: true}
  ).data;
  const placeOfProject = new Map(projects.map((p) => [p.project_id, p.region_code]));
  const partOf = regionPartOf(regions);
  return (path) => {
    const segments = path.split('/');
    if (segments[0] === 'en') segments.shift();
    const [section, first, second, third] = segments;
    if (section === 'projects' && first && first !== 'page' && second === 'index.html') {
      const place = placeOfProject.get(first) ?? placeOfProject.get(decoded(first));
      return place ? partOf('projects', place) : CITY_PART;
    }
    if (section === 'notices' && /^\d{4}$/.test(first ?? '') && second && third === 'index.html') {
      return partOf('projects', second);
    }
    if (
      section === 'regions' &&
      first &&
      (second === 'index.html' || (second === 'briefing' && third === 'index.html'))
    ) {
      return partOf('regions', first);
    }
    if (section === 'data' && first === 'regions' && second?.endsWith('.json') && !path.startsWith('en/')) {
      return partOf('regions', second.slice(0, -'.json'.length));
    }
    return CITY_PART;
  };
}

/** A path segment decoded, or as it is where it is no URL encoding (a project id may hold a `%`). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
