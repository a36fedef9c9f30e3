/**
 * A province's site (issue 15): regions.csv from 江西省 down through its cities, built whole and in two shards
 * merged. On `sample --region 36 --scale small`: a town in 东湖区 (南昌市) and one in 安远县 (赣州市). The province
 * is the top of every page that a city's site tops with the city; the counties stay the unit of the quality lines,
 * the maps, the tables by county and the parts a build is cut into.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {gongshiOk, hashTree} from './gongshi.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-province-'));
const input = join(root, 'input');
const site = join(root, 'site');
const shards = [1, 2].map((k) => join(root, `shard-${k}`));
const merged = join(root, 'merged');
const SITE = ['--site-url', 'https://gongshi.example.gov.cn'];

beforeAll(async () => {
  await gongshiOk('sample', '--region', '36', '--scale', 'small', '--seed', '1', '--out', input);
  await Promise.all([
    gongshiOk('build', '--input', input, '--out', site, ...SITE),
    gongshiOk('build', '--input', input, '--out', shards[0]!, '--shard', '1/2', ...SITE)
  ]);
  await gongshiOk('build', '--input', input, '--out', shards[1]!, '--shard', '2/2', ...SITE);
  await gongshiOk('merge', '--input', input, '--out', merged, ...shards.flatMap((s) => ['--from', s]));
});
afterAll(() => rmSync(root, {recursive: true, force: true}));

const page = (path: string) => readFileSync(join(site, path, 'index.html'), 'utf8');
/** The region codes a page's table links to, in order. */
const linkedRegions = (html: string) => [...html.matchAll(/href="\/regions\/(\d+)\/"/g)].map((m) => m[1]);

describe("a province's site", () => {
  it('heads the home page with the province and counts its cities', () => {
    const home = page('');
    expect(home).toContain('<h1>江西省</h1>');
    expect(home).toContain('江西省辖 2 个市（州）、2 个县（市、区）、2 个乡镇（街道）');
    expect(page('en')).toContain('Jiangxi Sheng has 2 cities, 2 counties, 2 townships');
  });

  it('gives the province a page and a briefing, and each city a place under it', () => {
    expect(page('regions/36')).toContain('href="/regions/36/briefing/"');
    expect(page('regions/36/briefing')).toContain('江西省巩固拓展脱贫攻坚成果简报');
    const city = page('regions/3601');
    expect(city).toMatch(/<a href="\/regions\/36\/">江西省<\/a>/);
    expect(city).toContain('href="/regions/3601/briefing/"');
  });

  it('lists the quality of each county, then each region above the counties on its own line', () => {
    const quality = page('quality');
    expect([...quality.matchAll(/<tr data-quality="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '360102',
      '360726',
      '36',
      '3601',
      '3607',
      'unattributed',
      'total'
    ]);
    expect(quality).toContain('江西省本级');
    const published = JSON.parse(readFileSync(join(site, 'data', 'quality.json'), 'utf8')) as {region_code: string}[];
    expect(published.some((q) => q.region_code === '36')).toBe(true);
  });

  it('ranks an indicator over the province, its cities and their counties, in code order', () => {
    const indicator = page('indicators/consolidation_rate');
    const years = /<table class="indicator-years"[\s\S]*?<\/table>/.exec(indicator)![0];
    expect(linkedRegions(years)).toEqual(['36', '3601', '360102', '3607', '360726']);
    const townships = /<table class="township-table"[\s\S]*?<\/table>/.exec(indicator)![0];
    expect(linkedRegions(townships)).toEqual(['360102100', '360726101']);
  });

  it('cuts the site into the parts of each county and the one of the province and its cities', () => {
    const {parts} = JSON.parse(readFileSync(join(site, 'gongshi-parts.json'), 'utf8')) as {
      parts: Record<string, string>;
    };
    expect(Object.keys(parts).sort()).toEqual([
      'city',
      'projects:360102',
      'projects:360726',
      'regions:360102',
      'regions:360726'
    ]);
  });

  it('merges its two shards into the site the one build wrote, byte for byte', () => {
    const expected = hashTree(site);
    expect(Object.keys(expected).length).toBeGreaterThan(1000);
    expect(hashTree(merged)).toEqual(expected);
  });
});
