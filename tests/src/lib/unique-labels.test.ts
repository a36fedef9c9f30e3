/** The fund flow's bars are keyed by name: on a province's site no two recipients may share one. */
import {describe, expect, it} from 'vitest';
import {uniqueLabels} from '../../../src/lib/fund-ledger.ts';
import type {PublishedRegion} from '../../../src/lib/published-data.ts';

const region = (code: string, name: string, level: string, parent_code: string | null) =>
  ({code, name, level, parent_code}) as PublishedRegion;
const hebei = [
  region('13', '河北省', 'province', null),
  region('1301', '石家庄市', 'city', '13'),
  region('1305', '邢台市', 'city', '13'),
  region('130104', '桥西区', 'county', '1301'),
  region('130503', '桥西区', 'county', '1305'),
  region('130102', '长安区', 'county', '1301')
];
const byCode = new Map(hebei.map((r) => [r.code, r]));

describe('uniqueLabels', () => {
  it('keeps a name no other recipient has, and puts the city before a county name two cities share', () => {
    const labels = uniqueLabels(hebei.slice(3), byCode);
    expect([...labels.values()]).toEqual(['石家庄市桥西区', '邢台市桥西区', '长安区']);
  });

  it("adds the code where the parent has the same name (a municipality's province and city)", () => {
    const beijing = [region('11', '北京市', 'province', null), region('1101', '北京市', 'city', '11')];
    const labels = uniqueLabels(beijing, new Map(beijing.map((r) => [r.code, r])));
    expect([...labels.values()]).toEqual(['北京市 11', '北京市 1101']);
  });
});
