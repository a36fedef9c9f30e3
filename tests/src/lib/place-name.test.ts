import {describe, expect, it} from 'vitest';
import {placeName, placePinyin} from '../../../src/lib/place-name.ts';

describe('placePinyin', () => {
  it('writes the specific part as one word and the generic part apart, capitalised, without tones', () => {
    expect(placePinyin('孔田镇')).toBe('Kongtian Zhen');
    expect(placePinyin('安远县')).toBe('Anyuan Xian');
    expect(placePinyin('赣州市')).toBe('Ganzhou Shi');
    expect(placePinyin('杨梅村委会')).toBe('Yangmei Cunweihui');
    expect(placePinyin('长胜村民委员会')).toBe('Changsheng Cunmin Weiyuanhui');
    expect(placePinyin('黄屋坪社区居民委员会')).toBe('Huangwuping Shequ Jumin Weiyuanhui');
  });

  it('reads 都 as in a place name, and marks a syllable that starts with a vowel', () => {
    expect(placePinyin('于都县')).toBe('Yudu Xian');
    expect(placePinyin('都昌县')).toBe('Duchang Xian');
    expect(placePinyin('西安村')).toBe("Xi'an Cun");
  });

  it('keeps a name that is all generic, and gives nothing for a name without Chinese', () => {
    expect(placePinyin('镇')).toBe('Zhen');
    expect(placePinyin('Test')).toBe('');
  });
});

describe('placeName', () => {
  it('adds the pinyin on English pages only', () => {
    expect(placeName('孔田镇', 'en')).toBe('孔田镇 Kongtian Zhen');
    expect(placeName('孔田镇', 'zh-CN')).toBe('孔田镇');
    expect(placeName('Test', 'en')).toBe('Test');
  });
});
