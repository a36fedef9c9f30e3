/**
 * The parts a site is built in (src/lib/page-parts.ts) as the pipelines handle
 * them: which part a page's region and a built file belong to, how parts are
 * dealt to shards, and what a previous output offers to be carried. The whole
 * of an incremental or sharded build is tested on real builds in
 * tests/pipelines/run/incremental-and-sharded-builds.test.ts.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CITY_PART, regionPartOf, rendersPart} from '../../../src/lib/page-parts.ts';
import {PARTS_FILE, SHARD_FILE, partsToRender, readPreviousSite} from '../../../pipelines/site/carry-parts.ts';
import {dealShards} from '../../../pipelines/site/deal-shards.ts';
import {pageFilePartOf} from '../../../pipelines/site/page-file-parts.ts';

const REGIONS = [
  {code: '3607', level: 'city', parent_code: null},
  {code: '360702', level: 'county', parent_code: '3607'},
  {code: '360702100', level: 'township', parent_code: '360702'},
  {code: '360702100001', level: 'village', parent_code: '360702100'},
  {code: '360726', level: 'county', parent_code: '3607'},
  {code: '360726101', level: 'township', parent_code: '360726'},
  {code: '360726101200', level: 'village', parent_code: '360726101'}
];

const root = mkdtempSync(join(tmpdir(), 'gongshi-parts-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

describe('the part of a region’s page', () => {
  const partOf = regionPartOf(REGIONS);

  it('is its county’s for its townships and villages, and for the county’s own projects', () => {
    expect(partOf('projects', '360726101200')).toBe('projects:360726');
    expect(partOf('regions', '360702100')).toBe('regions:360702');
    expect(partOf('projects', '360726')).toBe('projects:360726');
  });

  it('is the city’s for the city, a county’s own region pages and a code outside the hierarchy', () => {
    expect(partOf('regions', '3607')).toBe(CITY_PART);
    expect(partOf('regions', '360726')).toBe(CITY_PART);
    expect(partOf('projects', '999999')).toBe(CITY_PART);
  });

  it('is rendered when the build renders it, or renders every part', () => {
    expect(rendersPart(null, 'regions:360726')).toBe(true);
    expect(rendersPart(['city'], 'regions:360726')).toBe(false);
  });
});

describe('the part of a built file', () => {
  let partOf: (path: string) => string;
  beforeAll(async () => {
    const data = join(root, 'data');
    await mkdir(data, {recursive: true});
    writeFileSync(join(data, 'regions.json'), JSON.stringify(REGIONS));
    writeFileSync(
      join(data, 'projects.csv'),
      '\uFEFFproject_id,region_code\nP-1,360726101200\nP-50%,360702100001\nP%41,360702100\n'
    );
    partOf = pageFilePartOf(data);
  });

  it('is the county’s projects for a project or notice page, in either language', () => {
    expect(partOf('projects/P-1/index.html')).toBe('projects:360726');
    expect(partOf('en/projects/P-1/index.html')).toBe('projects:360726');
    expect(partOf('notices/2024/360726101/index.html')).toBe('projects:360726');
    expect(partOf('en/notices/2024/360702100001/index.html')).toBe('projects:360702');
  });

  it('takes a project id as it stands, % and all', () => {
    expect(partOf('projects/P-50%/index.html')).toBe('projects:360702');
    expect(partOf('projects/P%41/index.html')).toBe('projects:360702');
  });

  it('is the county’s regions for a township’s or village’s page, briefing and JSON', () => {
    expect(partOf('regions/360726101200/index.html')).toBe('regions:360726');
    expect(partOf('en/regions/360702100/briefing/index.html')).toBe('regions:360702');
    expect(partOf('data/regions/360702100.json')).toBe('regions:360702');
  });

  it('is the city’s for everything else', () => {
    for (const path of [
      'index.html',
      'regions/3607/index.html',
      'en/regions/360702/briefing/index.html',
      'data/regions/360726.json',
      'projects/index.html',
      'projects/page/2/index.html',
      'notices/index.html',
      'notices/feed.xml',
      'data/regions.csv',
      'data/indicator_values/poverty_consolidation_rate.json',
      '_astro/site.css',
      'pagefind/pagefind.js',
      'releases/abc/manifest.json'
    ]) {
      expect(partOf(path), path).toBe(CITY_PART);
    }
  });
});

describe('dealing parts to shards', () => {
  const weights = new Map([
    ['city', 30],
    ['projects:360702', 100],
    ['regions:360702', 10],
    ['projects:360726', 60],
    ['regions:360726', 8],
    ['projects:360729', 40],
    ['regions:360729', 5]
  ]);

  it('keeps a county’s parts together and deals the heaviest first to the lightest shard', () => {
    // 360702 (110) to the first, 360726 (68) and 360729 (45) to the second, the city (30) to the first (110 < 113).
    expect(dealShards(weights, 2)).toEqual([
      ['city', 'projects:360702', 'regions:360702'],
      ['projects:360726', 'projects:360729', 'regions:360726', 'regions:360729']
    ]);
  });

  it('deals every part once, the same way each time, leaving shards empty when there are more than units', () => {
    const dealt = dealShards(weights, 6);
    expect(dealt.flat().sort()).toEqual([...weights.keys()].sort());
    expect(dealt.filter((parts) => parts.length === 0)).toHaveLength(2);
    expect(dealShards(new Map([...weights].reverse()), 6)).toEqual(dealt);
  });
});

describe('a previous output', () => {
  const write = (dir: string, files: Record<string, unknown>) => {
    for (const [path, value] of Object.entries(files)) writeFileSync(join(dir, path), JSON.stringify(value));
  };
  const site = async (name: string) => {
    const dir = join(root, name);
    await mkdir(join(dir, 'data'), {recursive: true});
    write(dir, {
      [PARTS_FILE]: {parts: {city: 'c1', 'projects:360702': 'p1', 'regions:360702': 'r1'}},
      'data/manifest.json': {build_id: 'aaaaaaaaaaaa'}
    });
    return dir;
  };

  it('offers its parts; the changed ones and the city are rendered', async () => {
    const previous = readPreviousSite(await site('whole'))!;
    expect(previous.buildId).toBe('aaaaaaaaaaaa');
    const keys = new Map([
      ['city', 'c1'],
      ['projects:360702', 'p1'],
      ['regions:360702', 'r2'],
      ['projects:360726', 'p3']
    ]);
    expect(partsToRender(keys, previous)).toEqual(['city', 'regions:360702', 'projects:360726']);
  });

  it('offers only its own parts when it is a shard', async () => {
    const dir = await site('shard');
    write(dir, {[SHARD_FILE]: {index: 1, count: 2, parts: ['projects:360702'], base: '/', siteUrl: null}});
    expect([...readPreviousSite(dir)!.keys.keys()]).toEqual(['projects:360702']);
  });

  it('is none where the folder holds data only or a site of an older build', async () => {
    const dir = join(root, 'data-only');
    await mkdir(dir, {recursive: true});
    write(dir, {'manifest.json': {build_id: 'aaaaaaaaaaaa'}});
    expect(readPreviousSite(dir)).toBeNull();
  });
});
