import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  formatCount,
  formatPeople,
  formatPercent,
  formatPercentagePoints,
  formatTick,
  formatValue,
  formatYuan,
  formatYuanExact,
  roundHalfAway
} from '../../../src/lib/format-number.ts';

const MINUS = '\u2212';

describe('formatValue', () => {
  it('formats each unit in Chinese', () => {
    expect(formatValue(0.953, 'percent', 'zh-CN')).toBe('95.3%');
    expect(formatValue(132_000, 'yuan', 'zh-CN')).toBe('13.2万元');
    expect(formatValue(156_000_000, 'yuan', 'zh-CN')).toBe('1.56亿元');
    expect(formatValue(8_500, 'yuan', 'zh-CN')).toBe('8,500元');
    expect(formatValue(12_345, 'people', 'zh-CN')).toBe('12,345人');
    expect(formatValue(1.2, 'percentage_points', 'zh-CN')).toBe('+1.2个百分点');
  });

  it('formats each unit in English', () => {
    expect(formatValue(0.953, 'percent', 'en')).toBe('95.3%');
    expect(formatValue(132_000, 'yuan', 'en')).toBe('¥132,000');
    expect(formatValue(1_560_000, 'yuan', 'en')).toBe('¥1.56 million');
    expect(formatValue(2_500_000_000, 'yuan', 'en')).toBe('¥2.5 billion');
    expect(formatValue(12_345, 'people', 'en')).toBe('12,345 people');
    expect(formatValue(1.2, 'percentage_points', 'en')).toBe('+1.2 pp');
  });

  it('prints a missing value as an em dash', () => {
    for (const unit of ['percent', 'yuan', 'people', 'percentage_points'] as const) {
      expect(formatValue(null, unit, 'zh-CN')).toBe('—');
      expect(formatValue(Number.NaN, unit, 'en')).toBe('—');
      expect(formatValue(Infinity, unit, 'en')).toBe('—');
    }
  });

  it('refuses a unit it does not know', () => {
    expect(() => formatValue(1, 'hectares' as never, 'zh-CN')).toThrow('unknown unit: hectares');
  });
});

describe('formatPercent', () => {
  it('rounds half away from zero on the decimal value, not the binary one', () => {
    expect(formatPercent(0.1234, 'zh-CN')).toBe('12.3%');
    expect(formatPercent(0.1235, 'zh-CN')).toBe('12.4%'); // 0.1235 × 100 = 12.349999… in binary
    expect(formatPercent(0.9809523809523809, 'zh-CN')).toBe('98.1%');
    expect(formatPercent(0.5, 'en')).toBe('50.0%');
  });

  it('never shows 100.0% for a share short of 1, nor 0.0% for a share above 0', () => {
    expect(formatPercent(0.9995, 'zh-CN')).toBe('99.9%');
    expect(formatPercent(0.99999, 'zh-CN')).toBe('99.9%');
    expect(formatPercent(0.9994, 'zh-CN')).toBe('99.9%');
    expect(formatPercent(0.0004, 'zh-CN')).toBe('0.1%');
    expect(formatPercent(0.0006, 'zh-CN')).toBe('0.1%');
  });

  it('shows the boundaries themselves and shares beyond them', () => {
    expect(formatPercent(1, 'zh-CN')).toBe('100.0%');
    expect(formatPercent(0, 'zh-CN')).toBe('0.0%');
    expect(formatPercent(1.0004, 'zh-CN')).toBe('100.0%');
    expect(formatPercent(1.25, 'zh-CN')).toBe('125.0%');
  });

  it('writes negatives with a minus sign and never a negative zero', () => {
    expect(formatPercent(-0.053, 'zh-CN')).toBe(`${MINUS}5.3%`);
    expect(formatPercent(-0.0004, 'zh-CN')).toBe('0.0%');
    expect(formatPercent(-0, 'zh-CN')).toBe('0.0%');
  });

  it('keeps every share strictly inside 0–1 off the boundaries (property)', () => {
    fc.assert(
      fc.property(fc.double({min: 0, max: 1, noNaN: true, minExcluded: true, maxExcluded: true}), (share) => {
        const text = formatPercent(share, 'zh-CN');
        expect(text).toMatch(/^\d{1,2}\.\d%$/);
        expect(text).not.toBe('0.0%');
        expect(Math.abs(Number(text.slice(0, -1)) - share * 100)).toBeLessThanOrEqual(0.1 + 1e-9);
      })
    );
  });
});

describe('formatYuan', () => {
  it('counts in 万 and 亿 in Chinese, dropping trailing zeros', () => {
    expect(formatYuan(0, 'zh-CN')).toBe('0元');
    expect(formatYuan(8_500.4, 'zh-CN')).toBe('8,500元');
    expect(formatYuan(8_500.5, 'zh-CN')).toBe('8,501元');
    expect(formatYuan(9_999, 'zh-CN')).toBe('9,999元');
    expect(formatYuan(10_000, 'zh-CN')).toBe('1万元');
    expect(formatYuan(50_000, 'zh-CN')).toBe('5万元');
    expect(formatYuan(132_410.75, 'zh-CN')).toBe('13.24万元');
    expect(formatYuan(1_012_979.37, 'zh-CN')).toBe('101.3万元');
    expect(formatYuan(156_000_000, 'zh-CN')).toBe('1.56亿元');
    expect(formatYuan(1_234_567_890_123, 'zh-CN')).toBe('12,345.68亿元');
  });

  it('moves up a tier when rounding carries an amount over it', () => {
    expect(formatYuan(9_999.6, 'zh-CN')).toBe('1万元');
    expect(formatYuan(99_999_999, 'zh-CN')).toBe('1亿元');
    expect(formatYuan(999_999.6, 'en')).toBe('¥1 million');
    expect(formatYuan(999_995_000, 'en')).toBe('¥1 billion');
  });

  it('writes whole yuan below a million in English, then millions and billions', () => {
    expect(formatYuan(0, 'en')).toBe('¥0');
    expect(formatYuan(999_999.4, 'en')).toBe('¥999,999');
    expect(formatYuan(1_012_979.37, 'en')).toBe('¥1.01 million');
    expect(formatYuan(2_874_004.28, 'en')).toBe('¥2.87 million');
  });

  it('puts the minus sign before the amount and the currency sign', () => {
    expect(formatYuan(-1_200, 'zh-CN')).toBe(`${MINUS}1,200元`);
    expect(formatYuan(-132_000, 'zh-CN')).toBe(`${MINUS}13.2万元`);
    expect(formatYuan(-1_200, 'en')).toBe(`${MINUS}¥1,200`);
    expect(formatYuan(-0.4, 'en')).toBe('¥0');
  });

  it('never writes 10,000万 or 1,000 million (property)', () => {
    fc.assert(
      fc.property(fc.double({min: 0, max: 1e13, noNaN: true}), (amount) => {
        expect(formatYuan(amount, 'zh-CN')).not.toMatch(/^10,000(\.0+)?万元$/);
        expect(formatYuan(amount, 'en')).not.toMatch(/^¥1,000(\.0+)? million$/);
      })
    );
  });
});

describe('formatCount and formatPeople', () => {
  it('groups thousands and rounds to whole numbers', () => {
    expect(formatCount(4081, 'zh-CN')).toBe('4,081');
    expect(formatCount(1_234_567, 'en')).toBe('1,234,567');
    expect(formatCount(0, 'zh-CN')).toBe('0');
    expect(formatCount(2.5, 'zh-CN')).toBe('3');
    expect(formatCount(-2.5, 'zh-CN')).toBe(`${MINUS}3`);
    expect(formatCount(null, 'zh-CN')).toBe('—');
  });

  it('says person for one and people otherwise', () => {
    expect(formatPeople(0, 'en')).toBe('0 people');
    expect(formatPeople(1, 'en')).toBe('1 person');
    expect(formatPeople(2, 'en')).toBe('2 people');
    expect(formatPeople(0, 'zh-CN')).toBe('0人');
  });
});

describe('formatPercentagePoints', () => {
  it('is signed by the value, one decimal', () => {
    expect(formatPercentagePoints(6.891772667470808, 'zh-CN')).toBe('+6.9个百分点');
    expect(formatPercentagePoints(-1.25, 'en')).toBe(`${MINUS}1.3 pp`);
    expect(formatPercentagePoints(0, 'en')).toBe('0.0 pp');
  });

  it('keeps the sign of a value that rounds to zero, since the target is "> 0"', () => {
    expect(formatPercentagePoints(0.04, 'en')).toBe('+0.0 pp');
    expect(formatPercentagePoints(-0.04, 'zh-CN')).toBe(`${MINUS}0.0个百分点`);
  });
});

describe('formatTick', () => {
  it('writes compact axis labels without padding zeros', () => {
    expect(formatTick(0.9, 'percent', 'zh-CN')).toBe('90%');
    expect(formatTick(0.925, 'percent', 'en')).toBe('92.5%');
    expect(formatTick(0.07, 'percent', 'en')).toBe('7%');
    expect(formatTick(150_000, 'yuan', 'zh-CN')).toBe('15万元');
    expect(formatTick(5_000, 'yuan', 'zh-CN')).toBe('5,000元');
    expect(formatTick(150_000, 'yuan', 'en')).toBe('¥150k');
    expect(formatTick(1_500_000, 'yuan', 'en')).toBe('¥1.5m');
    expect(formatTick(3, 'people', 'en')).toBe('3');
    expect(formatTick(2, 'percentage_points', 'en')).toBe('+2');
    expect(formatTick(-1.5, 'percentage_points', 'en')).toBe(`${MINUS}1.5`);
    expect(formatTick(0, 'percentage_points', 'en')).toBe('0');
  });
});

describe('roundHalfAway', () => {
  it('rounds ties away from zero', () => {
    expect(roundHalfAway(2.5, 0)).toBe(3);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(1.005, 2)).toBe(1.01); // 1.00499999… in binary
    expect(Object.is(roundHalfAway(-0.0001, 2), 0)).toBe(true);
  });
});

describe('formatYuanExact', () => {
  it('states an amount to the fen, with thousands separators, as a notice does', () => {
    expect(formatYuanExact(401_943.97, 'zh-CN')).toBe('401,943.97元');
    expect(formatYuanExact(401_943.97, 'en')).toBe('¥401,943.97');
    expect(formatYuanExact(5, 'zh-CN')).toBe('5.00元');
    expect(formatYuanExact(null, 'en')).toBe('—');
  });
});
