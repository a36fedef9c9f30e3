import {describe, expect, it} from 'vitest';
import {valueBreaks} from '../../../src/charts/county-map-data.ts';
import {shortPlaceName} from '../../../src/lib/place-name.ts';

describe('valueBreaks', () => {
  it('makes the target a break and splits the values short of it at their tertiles', () => {
    expect(valueBreaks([80, 82, 84, 86, 88, 90, 95, 99], 90, false)).toEqual([82, 86, 90]);
  });

  it('splits the values above the target where lower is better', () => {
    expect(valueBreaks([1, 2, 3, 6, 7, 8, 9], 5, true)).toEqual([5, 7, 8]);
  });

  it('keeps the target alone when few values miss it, and uses quartiles without a target', () => {
    expect(valueBreaks([91, 95, 99], 90, false)).toEqual([90]);
    expect(valueBreaks([1, 2, 3, 4, 5, 6, 7, 8], null, false)).toEqual([3, 5, 7]);
  });
});

describe('shortPlaceName', () => {
  it('drops the generic part of a county’s name on a small map', () => {
    expect(shortPlaceName('安远县', 'zh-CN')).toBe('安远');
    expect(shortPlaceName('章贡区', 'zh-CN')).toBe('章贡');
    expect(shortPlaceName('瑞金市', 'zh-CN')).toBe('瑞金');
    expect(shortPlaceName('Anyuan', 'zh-CN')).toBe('Anyuan');
    expect(shortPlaceName('安远县', 'en')).toBe('Anyuan');
  });
});
