import {parseHTML} from 'linkedom';
import {describe, expect, it} from 'vitest';
import {MAX_SERIES, chooseResultChart, resultChart} from '../../../src/charts/result-chart.ts';
import type {ResultColumn} from '../../../src/lib/query-result-types.ts';
import {t as tr} from '../../../src/lib/i18n.ts';

const col = (name: string, kind: ResultColumn['kind']): ResultColumn => ({name, kind, type: kind});

describe('chooseResultChart', () => {
  it('draws a line over a year column, one series per value of the first text column', () => {
    expect(chooseResultChart([col('县', 'string'), col('年度', 'number'), col('资金_万元', 'number')])).toEqual({
      kind: 'line',
      x: 1,
      y: 2,
      series: 0
    });
    expect(chooseResultChart([col('year', 'number'), col('n', 'number')])).toEqual({
      kind: 'line',
      x: 0,
      y: 1,
      series: null
    });
  });

  it('draws a line over a date column', () => {
    expect(chooseResultChart([col('issued_date', 'date'), col('amount', 'number')])).toMatchObject({
      kind: 'line',
      x: 0
    });
  });

  it('draws bars of the first number per value of the first text column', () => {
    expect(chooseResultChart([col('指标', 'string'), col('单元数', 'number'), col('x', 'number')])).toEqual({
      kind: 'bar',
      category: 0,
      y: 1
    });
  });

  it('draws nothing without a number, or with numbers alone', () => {
    expect(chooseResultChart([col('name', 'string'), col('code', 'string')])).toBeNull();
    expect(chooseResultChart([col('a', 'number'), col('b', 'number')])).toBeNull();
    expect(chooseResultChart([col('year', 'number')])).toBeNull();
  });
});

describe('resultChart', () => {
  const {document} = parseHTML('<!doctype html><html><body></body></html>');

  it('draws at most MAX_SERIES lines, as one named image', () => {
    const columns = [col('place', 'string'), col('year', 'number'), col('v', 'number')];
    const rows = Array.from({length: 20}, (_, i) => [`p${i}`, 2020 + (i % 3), i]);
    const svg = resultChart(columns, rows, chooseResultChart(columns)!, {
      labels: {bar: tr('en', 'explore.chartBar'), line: tr('en', 'explore.chartLine')},
      width: 640,
      document: document as unknown as Document
    });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Line chart of v over year');
    expect(svg.querySelectorAll('[aria-label]').length).toBe(0);
    const labels = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toContain(`p${MAX_SERIES - 1}`);
    expect(labels).not.toContain(`p${MAX_SERIES}`);
    expect(labels).not.toContain('2020.5');
  });

  it('draws a bar per category, leaving out NULL values', () => {
    const columns = [col('县', 'string'), col('n', 'number')];
    const svg = resultChart(
      columns,
      [
        ['安远县', 3],
        ['寻乌县', null],
        ['会昌县', 5]
      ],
      chooseResultChart(columns)!,
      {
        labels: {bar: tr('zh-CN', 'explore.chartBar'), line: tr('zh-CN', 'explore.chartLine')},
        width: 640,
        document: document as unknown as Document
      }
    );
    expect(svg.getAttribute('aria-label')).toBe('n（按县）条形图');
    expect(svg.querySelectorAll('rect').length).toBeGreaterThanOrEqual(2);
    const labels = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toContain('安远县');
    expect(labels).not.toContain('寻乌县');
  });
});
