// `gongshi sample --region CODE`: a sample of any province, city or county of the reference hierarchy, under its real
// codes and names, that the pipeline's own validation accepts whole.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkInput} from '../../../pipelines/run.ts';
import {generateSample} from '../../../pipelines/sample/generate-sample.ts';
import {readReferenceRegions} from '../../../pipelines/sample/regions-for-scale.ts';
import {readSample} from './read-sample.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-sample-region-'));
const shenzhen = join(root, '4403');
const anyuan = join(root, '360726');
const jiangxi = join(root, '36');

beforeAll(async () => {
  await generateSample({region: '4403', scale: 'tiny', seed: 1, out: shenzhen});
  await generateSample({region: '360726', scale: 'default', seed: 1, out: anyuan});
  await generateSample({region: '36', scale: 'small', seed: 1, out: jiangxi});
}, 60_000);
afterAll(() => rmSync(root, {recursive: true, force: true}));

describe('a sample of another region', () => {
  it('takes the city, a county, a township and its villages from the reference, and names the region it was made for', () => {
    const regions = readSample(shenzhen, 'regions.csv');
    const reference = new Map(readReferenceRegions('4403').map((r) => [r.code, r]));
    expect(regions.filter((r) => r.level === 'city').map((r) => r.name)).toEqual(['深圳市']);
    expect(regions.filter((r) => r.level === 'county')).toHaveLength(1);
    expect(regions.filter((r) => r.level === 'township')).toHaveLength(1);
    expect(regions.filter((r) => r.level === 'village').length).toBeGreaterThanOrEqual(5);
    for (const region of regions) expect(reference.get(region.code!)?.name, region.code).toBe(region.name);
    expect(readFileSync(join(shenzhen, 'regions.csv'), 'utf8')).toMatch(
      /^# .*gongshi sample --region 4403 --scale tiny/
    );
  });

  it("numbers the province's and the city's fund documents with their own abbreviations", () => {
    const documents = readSample(shenzhen, 'funds.csv').map((f) => f.document_no!);
    expect(documents.some((d) => d.startsWith('粤财农指〔'))).toBe(true);
    expect(documents.some((d) => d.startsWith('深市财农字〔'))).toBe(true);
    expect(documents.some((d) => d.startsWith('赣'))).toBe(false);
  });

  it('samples one county whole, under its city, and the validation accepts every row', async () => {
    const regions = readSample(anyuan, 'regions.csv');
    const reference = readReferenceRegions('360726');
    expect(regions.map((r) => r.code).sort()).toEqual(reference.map((r) => r.code).sort());
    const {files, faults} = await checkInput({input: anyuan, lang: 'en'});
    expect(faults).toEqual([]);
    for (const file of files) expect(file.rowsRejected, file.file).toBe(0);
    expect(files.find((f) => f.file === 'households.csv')?.rowsAccepted).toBeGreaterThan(1000);
  });

  it('samples a province from the province down, with each city its own municipal documents', async () => {
    const regions = readSample(jiangxi, 'regions.csv');
    const above = regions.filter((r) => r.level === 'province' || r.level === 'city');
    // 孔田镇 of 安远县 (赣州市), and the first town of the province outside 安远县: 扬子洲镇 of 东湖区 (南昌市).
    expect(above.map((r) => [r.code, r.name, r.parent_code])).toEqual([
      ['36', '江西省', ''],
      ['3601', '南昌市', '36'],
      ['3607', '赣州市', '36']
    ]);
    expect(regions.filter((r) => r.level === 'county').map((r) => r.parent_code)).toEqual(['3601', '3607']);
    const funds = readSample(jiangxi, 'funds.csv');
    const municipal = (county: string) =>
      new Set(
        funds
          .filter((f) => f.level === 'municipal' && f.recipient_code === county)
          .map((f) => f.document_no!.slice(0, 5))
      );
    expect(municipal('360102')).toEqual(new Set(['南市财农字']));
    expect(municipal('360726')).toEqual(new Set(['赣市财农字']));
    // The province's documents reach the counties of both cities, each under one number.
    const provincial = (county: string) =>
      funds
        .filter((f) => f.level === 'provincial' && f.recipient_code === county && f.year === '2023')
        .map((f) => f.document_no);
    expect(provincial('360102')).toEqual(provincial('360726'));
    const {files, faults} = await checkInput({input: jiangxi, lang: 'en'});
    expect(faults).toEqual([]);
    for (const file of files) expect(file.rowsRejected, file.file).toBe(0);
  });

  it('refuses a region that is not a province, city or county of the reference, saying why', async () => {
    await expect(generateSample({region: '360', scale: 'tiny', seed: 1, out: join(root, 'x')})).rejects.toThrow(
      /a province \(2 digits/
    );
    await expect(generateSample({region: '3699', scale: 'tiny', seed: 1, out: join(root, 'y')})).rejects.toThrow(
      /no region 3699/
    );
    await expect(generateSample({region: '99', scale: 'tiny', seed: 1, out: join(root, 'z')})).rejects.toThrow(
      /no province 99/
    );
  });
});
