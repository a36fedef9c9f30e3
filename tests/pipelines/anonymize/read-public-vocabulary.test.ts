import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readPublicVocabulary} from '../../../pipelines/anonymize/read-public-vocabulary.ts';
import {scanSiteForPii} from '../../../pipelines/anonymize/scan-site-for-pii.ts';
import type {PiiLeak} from '../../../pipelines/anonymize/scan-site-for-pii.ts';

// Invented heads of household: 文龙 is also the start of a village's name; 肖荣华 and 钟秀英 are only people.
const PII = {names: new Set(['文龙', '肖荣华', '钟秀英']), idNumbers: new Set<string>(), phones: new Set<string>()};

let site: string;
let vocabulary: string[];
let leaks: PiiLeak[];

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'gongshi-vocabulary-'));
  const data = join(site, 'data');
  await mkdir(data);
  await writeFile(join(data, 'regions.csv'), '\uFEFFcode,name\n360726101200,文龙村村委会\n');
  // Offices are what the contract asks for in 责任单位 and 资产权属; a clerk may type a person instead.
  await writeFile(
    join(data, 'projects.csv'),
    '\uFEFFproject_id,name,region_name,responsible_unit,asset_owner\n' +
      'P1,文龙村道路硬化,文龙村村委会,文龙村村委会,村集体\n' +
      'P2,产业奖补,文龙村村委会,肖荣华,村集体\n' +
      'P3,光伏电站,文龙村村委会,安远县农业农村局,钟秀英\n'
  );
  vocabulary = await readPublicVocabulary(data);
  leaks = await scanSiteForPii(site, PII, vocabulary);
});

afterAll(async () => {
  await rm(site, {recursive: true, force: true});
});

describe('readPublicVocabulary', () => {
  it('holds region names and their short forms, so a name inside a place name is not a leak', () => {
    expect(vocabulary).toEqual(expect.arrayContaining(['文龙村村委会', '文龙村']));
  });

  it('leaves out responsible units and asset owners: free text, where a person typed in is a leak', () => {
    expect(vocabulary).not.toContain('肖荣华');
    expect(vocabulary).not.toContain('钟秀英');
    expect(leaks.map((l) => `${l.file} ${l.kind}`)).toEqual(['data/projects.csv name', 'data/projects.csv name']);
  });
});
