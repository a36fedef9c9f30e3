import {type Hash, createHash} from 'node:crypto';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import Papa from 'papaparse';
import {CITY_PART, type PartRegion, countyPart, regionPartOf} from '../../src/lib/page-parts.ts';
import {PROJECT_ROOT} from './build-site.ts';

/** What a build is made with besides its data, as far as the pages show it. */
export interface PartSettings {
  base: string;
  siteUrl: string | null;
  contact: string;
}

/** Every part of a site (page-parts.ts) with the key of what its pages show, and about how many pages it has. */
export interface SiteParts {
  /** Part → key: a sha256 of the code, the settings and the published rows its pages can show. */
  keys: Map<string, string>;
  /** Part → the rows its pages are made of (projects, notices, regions), to deal parts out evenly. */
  weights: Map<string, number>;
}

interface ProjectRow {
  project_id: string;
  fund_id: string;
  region_code: string;
}

interface FundRow {
  fund_id: string;
  recipient_code: string;
}

/**
 * The parts of the site built from `dataDir` and their keys. A key covers,
 * generously, every published row a page of the part can show:
 *
 * - every part: the site's code, its settings (base path, origin, contact),
 *   the regions (names in breadcrumbs and maps) and the manifest's facts the
 *   pages print (synthetic, disclosure thresholds, the flags' date) — not the
 *   release id, which every page prints and a rebuild writes into copied pages;
 * - a county's projects (project and notice pages): the rows of every project
 *   of every fund its projects draw on (a project page lists its fund's other
 *   projects, wherever they are) and those funds' rows (with their
 *   reconciliation);
 * - a county's regions (the pages, briefings and JSON of its townships and
 *   villages): the rows of the indicator, monitoring, not-reported and
 *   quality tables of the county and every place in it (a page compares its
 *   place with its parent, ranks it among its siblings and lists its
 *   children, all in the county), the indicators, the years with values, the
 *   boundaries, the release date (on the briefings), the county's projects
 *   and the funds issued to its places or drawn on by its projects;
 * - the city: every published file.
 *
 * A change of a project therefore renders its county's parts and the project
 * parts of counties sharing its fund; a change of households or targets the
 * region part of their county (and the city's, with every county's page);
 * anything else in the code, everything.
 */
export function siteParts(dataDir: string, settings: PartSettings, codeKey = siteCodeKey()): SiteParts {
  const file = (name: string) => readFileSync(join(dataDir, name));
  const regions = JSON.parse(file('regions.json').toString('utf8')) as PartRegion[];
  const projects = readCsv<ProjectRow>(file('projects.csv').toString('utf8'));
  const funds = JSON.parse(file('funds.json').toString('utf8')) as FundRow[];
  const manifest = JSON.parse(file('manifest.json').toString('utf8')) as Record<string, unknown>;
  // The manifest's facts a county's pages print: whether the data are synthetic (every page's banner), the
  // disclosure thresholds (bands) and the date flags are judged at (project pages); region briefings add the release
  // date, which moves with the latest fund or notice anywhere. Not the release id (carried pages get the new one).
  const facts = (names: readonly string[]) => JSON.stringify(names.map((name) => [name, manifest[name] ?? null]));
  const common: (string | Buffer)[] = [
    codeKey,
    JSON.stringify(settings),
    facts(['synthetic', 'disclosure', 'flags_reference_date']),
    file('regions.json')
  ];
  const partOf = regionPartOf(regions);
  const countyOf = (code: string) => {
    const part = partOf('projects', code);
    return part === CITY_PART ? '' : part.slice('projects:'.length);
  };
  const counties = regions.filter((r) => r.level === 'county').map((r) => r.code);
  const projectsByCounty = Map.groupBy(projects, (p) => countyOf(p.region_code));
  const projectsByFund = Map.groupBy(projects, (p) => p.fund_id);
  const fundById = new Map(funds.map((f) => [f.fund_id, f]));
  const fundsByCounty = Map.groupBy(funds, (f) => countyOf(f.recipient_code));
  const regionsByCounty = Map.groupBy(regions, (r) => countyOf(r.code));
  // The rows of the region tables by county (the county's own and those of everything below it), each county's
  // hashed as they are read, and what every region page shares: the indicators, the years there are values for (the
  // latest is every page's year), the boundaries and the release date.
  const regionRows = new Map<string, Hash>();
  const years = new Set<string>();
  const addRow = (region: string, row: string) => {
    const county = countyOf(region);
    let hash = regionRows.get(county);
    if (!hash) regionRows.set(county, (hash = createHash('sha256')));
    hash.update(`${Buffer.byteLength(row)}:${row}`);
  };
  for (const name of REGION_CSV_TABLES) {
    forEachCsvLine(file(name).toString('utf8'), (field, line) => {
      addRow(field('region_code'), `${name} ${line}`);
      if (name === 'indicator_values.csv') years.add(field('year'));
    });
  }
  for (const name of REGION_JSON_TABLES) {
    for (const row of JSON.parse(file(name).toString('utf8')) as {region_code: string}[]) {
      addRow(row.region_code, `${name} ${JSON.stringify(row)}`);
    }
  }
  const regionShared = [
    facts(['release_date']),
    file('indicators.json'),
    file('boundaries.geojson'),
    [...years].sort().join(',')
  ];

  const keys = new Map<string, string>();
  const weights = new Map<string, number>();
  for (const county of counties) {
    const own = projectsByCounty.get(county) ?? [];
    const fundIds = [...new Set(own.map((p) => p.fund_id))].sort();
    const fundRows = fundIds.map((id) => fundById.get(id) ?? null);
    const fundProjects = fundIds.flatMap((id) => projectsByFund.get(id) ?? []);
    const projectsPart = countyPart('projects', county);
    keys.set(projectsPart, hashOf([...common, 'projects', county, JSON.stringify([fundRows, fundProjects])]));
    weights.set(projectsPart, own.length);

    const issued = new Set([...(fundsByCounty.get(county) ?? []).map((f) => f.fund_id), ...fundIds]);
    const issuedRows = [...issued].sort().map((id) => fundById.get(id) ?? null);
    const regionsPart = countyPart('regions', county);
    const rows = regionRows.get(county)?.digest('hex') ?? '';
    keys.set(
      regionsPart,
      hashOf([...common, ...regionShared, 'regions', county, rows, JSON.stringify([own, issuedRows])])
    );
    weights.set(regionsPart, regionsByCounty.get(county)?.length ?? 0);
  }
  keys.set(CITY_PART, hashOf([...common, CITY_PART, publishedFiles(dataDir)]));
  weights.set(CITY_PART, funds.length + Math.ceil(projects.length / 50));
  return {keys, weights};
}

/**
 * A key of everything that shapes the pages: the site's source, its static
 * files, Astro's configuration, the package and its locked dependencies, the
 * pipeline code that runs Astro and carries pages, and the Node.js and ICU
 * versions (numbers and dates are formatted by `Intl`).
 */
export function siteCodeKey(root = PROJECT_ROOT): string {
  const files = ['src', 'public'].flatMap((dir) => filesUnder(join(root, dir)));
  files.push(...filesUnder(join(root, 'pipelines', 'site')));
  files.push(
    ...['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'].map((name) => join(root, name))
  );
  const {node, icu, unicode} = process.versions;
  return hashOf([
    JSON.stringify({node, icu, unicode}),
    ...files.flatMap((path) => [relative(root, path), readFileSync(path)])
  ]);
}

/** A sha256 of the path and bytes of every file under `dir`, in a fixed order, read one at a time. */
function publishedFiles(dir: string): string {
  const hash = createHash('sha256');
  for (const path of filesUnder(dir)) {
    const bytes = readFileSync(path);
    hash.update(`${relative(dir, path)}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** A sha256 of chunks, each prefixed by its length so that no two sequences of chunks hash alike. */
function hashOf(chunks: readonly (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The region tables published as CSV and as JSON (a row each per region and more). */
const REGION_CSV_TABLES = ['indicator_values.csv', 'monitoring.csv', 'monitoring_flows.csv'];
const REGION_JSON_TABLES = ['not_reported.json', 'quality.json'];

/**
 * Calls `visit` with each data line of a published CSV as it stands and a reader of its fields by column name. A
 * line without quotes is split at its commas; one with quotes (a name with a comma) is parsed.
 */
function forEachCsvLine(text: string, visit: (field: (column: string) => string, line: string) => void): void {
  const body = text.replace(/^\uFEFF/, '');
  const headerEnd = body.indexOf('\n');
  const columns = new Map(csvFields(body.slice(0, headerEnd)).map((name, index) => [name, index]));
  // Line by line without splitting the whole text: the indicator values are some 100 MB on a city's data.
  for (let start = headerEnd + 1; start > 0 && start < body.length;) {
    const end = body.indexOf('\n', start);
    const line = body.slice(start, end < 0 ? undefined : end);
    start = end < 0 ? -1 : end + 1;
    if (line === '') continue;
    const fields = line.includes('"') ? csvFields(line) : line.split(',');
    visit((column) => fields[columns.get(column) ?? -1] ?? '', line);
  }
}

/** The fields of one CSV line, quotes undone. */
function csvFields(line: string): string[] {
  return Papa.parse<string[]>(line, {header: false}).data[0] ?? [];
}

function readCsv<T>(text: string): T[] {
  return Papa.parse<T>(text.replace(/^\uFEFF/, ''), {header: true, skipEmptyLines: true}).data;
}
