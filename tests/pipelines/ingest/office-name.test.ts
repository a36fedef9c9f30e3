import {describe, expect, it} from 'vitest';
import {officeNamesIn} from '../../../pipelines/ingest/office-name.ts';

describe('officeNamesIn', () => {
  it('finds the names of offices, collectives and registered bodies, by how they end', () => {
    for (const text of [
      '安远县文明办',
      '安远县文明委',
      '县妇联',
      '欣山镇人民政府',
      '村集体',
      '东门村村委会',
      '县总工会'
    ]) {
      expect(officeNamesIn(text), text).toEqual([text]);
    }
  });

  it('leaves out a person beside an office, and names ending in a character offices use too', () => {
    expect(officeNamesIn('东门村委会（联系人肖荣华）')).toEqual(['东门村委会']);
    expect(officeNamesIn('肖荣华、村集体')).toEqual(['村集体']);
    expect(officeNamesIn('东门村委会 肖荣华')).toEqual(['东门村委会']);
    for (const text of ['肖荣华', '肖荣华所有', '李科', '钟秀英等5户', '肖荣华产业奖补'])
      expect(officeNamesIn(text), text).toEqual([]);
  });
});
