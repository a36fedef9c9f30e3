import {describe, expect, it} from 'vitest';
import {formatDate, formatDateRange, formatDateShort} from '../../../src/lib/format-date.ts';

describe('formatDate', () => {
  it('keeps an English date on one line (no-break spaces)', () => {
    expect(formatDate('2020-05-06', 'en')).not.toMatch(/ /);
  });

  it('writes an ISO date in Chinese and English', () => {
    expect(formatDate('2020-05-06', 'zh-CN')).toBe('2020年5月6日');
    expect(formatDate('2020-05-06', 'en')).toBe('6\u00a0May\u00a02020');
    expect(formatDate('2019-10-09', 'zh-CN')).toBe('2019年10月9日');
    expect(formatDate('2019-12-31', 'en')).toBe('31\u00a0December\u00a02019');
  });

  it('reads the calendar date, whatever the time zone', () => {
    // A Date in a zone west of UTC would turn 2020-01-01 into 31 December 2019.
    expect(formatDate('2020-01-01', 'en')).toBe('1\u00a0January\u00a02020');
  });

  it('accepts 29 February in leap years only', () => {
    expect(formatDate('2020-02-29', 'zh-CN')).toBe('2020年2月29日');
    expect(formatDate('2000-02-29', 'en')).toBe('29\u00a0February\u00a02000');
    expect(() => formatDate('2021-02-29', 'zh-CN')).toThrow('invalid date: 2021-02-29');
    expect(() => formatDate('1900-02-29', 'zh-CN')).toThrow('invalid date: 1900-02-29');
  });

  it('prints a missing date as an em dash', () => {
    expect(formatDate(null, 'zh-CN')).toBe('—');
    expect(formatDate('', 'en')).toBe('—');
  });

  it('refuses anything that is not a calendar date', () => {
    for (const bad of ['2020-13-01', '2020-04-31', '2020-00-10', '2020-5-6', '2020/05/06', '2020-05-06T00:00:00Z']) {
      expect(() => formatDate(bad, 'en')).toThrow(`invalid date: ${bad}`);
    }
  });
});

// Issue 13: a planned project's dates may be open, and work in progress its end.
describe('formatDateRange', () => {
  it('writes an open date as 待定 / not set, once where both are open', () => {
    expect(formatDateRange('2024-03-01', '2024-11-30', 'zh-CN')).toBe('2024年3月1日至2024年11月30日');
    expect(formatDateRange(null, null, 'zh-CN')).toBe('待定');
    expect(formatDateRange(null, null, 'en')).toBe('not set');
    expect(formatDateRange(null, '2024-06-30', 'zh-CN')).toBe('待定至2024年6月30日');
    expect(formatDateRange(null, '2024-06-30', 'en')).toBe('start not set, end 30\u00a0June\u00a02024');
    expect(formatDateRange('2025-04-16', null, 'en')).toBe('from 16\u00a0April\u00a02025, end not set');
  });
});

describe('formatDateShort', () => {
  it('writes a date as a notice table does: 2024.3.1, 1 Mar 2024', () => {
    expect(formatDateShort('2024-03-01', 'zh-CN')).toBe('2024.3.1');
    expect(formatDateShort('2024-11-30', 'en')).toBe('30\u00a0Nov\u00a02024');
    expect(formatDateShort('', 'zh-CN')).toBe('—');
    expect(() => formatDateShort('2023-02-29', 'zh-CN')).toThrow('invalid date: 2023-02-29');
  });

  it('writes a range with short dates, open ends as in full', () => {
    expect(formatDateRange('2024-03-01', '2024-11-30', 'zh-CN', formatDateShort)).toBe('2024.3.1至2024.11.30');
    expect(formatDateRange(null, '2024-06-30', 'en', formatDateShort)).toBe('start not set, end 30\u00a0Jun\u00a02024');
  });
});
