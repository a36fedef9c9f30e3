import {describe, expect, it} from 'vitest';
import type {PublishedRegion} from '../../../src/lib/published-data.ts';
import {buildRegionTree} from '../../../src/lib/region-tree.ts';

const region = (code: string, level: PublishedRegion['level'], parent_code: string | null): PublishedRegion => ({
  code,
  name: `R${code}`,
  level,
  parent_code,
  poor_village: null,
  deep_poor_village: null,
  weak_village: null
});

describe('buildRegionTree', () => {
  const tree = buildRegionTree([
    region('360726101201', 'village', '360726101'),
    region('3607', 'city', null),
    region('360726', 'county', '3607'),
    region('360726101', 'township', '360726'),
    region('360726101200', 'village', '360726101')
  ]);

  it('orders children by code and walks ancestors from the root', () => {
    expect(tree.root.code).toBe('3607');
    expect(tree.children('360726101').map((r) => r.code)).toEqual(['360726101200', '360726101201']);
    expect(tree.ancestors('360726101201').map((r) => r.code)).toEqual(['3607', '360726', '360726101']);
  });

  it('counts villages below each region', () => {
    expect(tree.villageCount('3607')).toBe(2);
    expect(tree.villageCount('360726101200')).toBe(1);
  });

  it('refuses a forest', () => {
    expect(() => buildRegionTree([region('3607', 'city', null), region('3608', 'city', null)])).toThrow(
      'expected one root region, found 2'
    );
  });
});
