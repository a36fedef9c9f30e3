import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readPublicVocabulary} from '../../../pipelines/audit/read-public-vocabulary.ts';
import {scanSiteForPii} from '../../../pipelines/audit/scan-site-for-pii.ts';
import type {PiiLeak} from '../../../pipelines/audit/scan-site-for-pii.ts';

// Invented heads of household: 文龙 is also the start of a village's name, 文明 part of an office's;
// 肖荣华 and 钟秀英 are only people.
const PII = {
  names: new Set(['文龙', '文明', '肖荣华', '钟秀英']),
  idNumbers: new Set<string>(),
  phones: new Set<string>()
};

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
      'P3,光伏电站,文龙村村委会,安远县文明办,钟秀英等5户\n' +
      'P4,危房改造,文龙村村委会,东门村委会（联系人肖荣华）,村集体\n'
  );
  await writeFile(
    join(data, 'funds.csv'),
    '\uFEFFfund_id,category,document_no\nF1,肖荣华产业奖补,赣财农指〔2021〕12号\n'
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

  it('holds a responsible unit, asset owner or fund category only where it names an office', () => {
    expect(vocabulary).toContain('安远县文明办');
    for (const text of ['肖荣华', '钟秀英等5户', '肖荣华产业奖补']) expect(vocabulary).not.toContain(text);
  });

  it('so the scan finds a person typed into those columns, and not a name inside an office', () => {
    // P2's unit, P3's owner, and the contact person beside P4's office.
    expect(leaks.map((l) => `${l.file} ${l.kind}`)).toEqual([
      'data/funds.csv name',
      'data/projects.csv name',
      'data/projects.csv name',
      'data/projects.csv name'
    ]);
  });
});
