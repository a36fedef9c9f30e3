import {describe, expect, it} from 'vitest';
import {messageKeys, t} from '../../../src/lib/i18n.ts';

describe('UI strings', () => {
  it('has every key in both Chinese and English', () => {
    expect(messageKeys('en').sort()).toEqual(messageKeys('zh-CN').sort());
  });

  it('fills named placeholders', () => {
    expect(t('zh-CN', 'home.summary', {place: '赣州市', counties: 18, townships: 310, villages: 4081})).toBe(
      '赣州市辖 18 个县（市、区）、310 个乡镇（街道）、4081 个村（居）。'
    );
  });
});
