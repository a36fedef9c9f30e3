import {describe, expect, it} from 'vitest';
import {valueBreaks} from '../../../src/charts/county-map-data.ts';
import {shortPlaceName} from '../../../src/lib/place-name.ts';

describe('valueBreaks', () => {
  it('splits the values that miss a target at their tertiles', () => {
    expect(valueBreaks([80, 82, 84, 86, 88], true)).toEqual([82, 86]);
  });

  it('does not split fewer than three values, and uses quartiles without a target', () => {
    expect(valueBreaks([80, 85], true)).toEqual([]);
    expect(valueBreaks([1, 2, 3, 4, 5, 6, 7, 8], false)).toEqual([3, 5, 7]);
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
