import * as Plot from '@observablehq/plot';
import {type Cell, type ResultColumn, YEAR_COLUMN_NAME} from '../lib/query-result-types.ts';
import {fillPlaceholders} from '../lib/fill-placeholders.ts';
import {SERIES_COLOR} from './palette.ts';

/** The chart a query result gets: a line over time or ordered numbers, bars per category, or none. */
export type ResultChartSpec =
  {kind: 'line'; x: number; y: number; series: number | null} | {kind: 'bar'; category: number; y: number} | null;

/** Lines per series and bars beyond these counts would not read; the chart shows the first ones and says so. */
export const MAX_SERIES = 12;
export const MAX_BARS = 40;

const isYear = (column: ResultColumn) => column.kind === 'number' && YEAR_COLUMN_NAME.test(column.name);

/**
 * Chooses a chart from the result's column types: a line chart when a date
 * column or a year column (named `year`, `年度` …) gives the x axis, with the
 * first text column as the series; else a bar chart of the first numeric
 * column per value of the first text column; else none (no numbers to show).
 */
export function chooseResultChart(columns: readonly ResultColumn[]): ResultChartSpec {
  const index = (test: (c: ResultColumn) => boolean, except: number[] = []) =>
    columns.findIndex((c, i) => !except.includes(i) && test(c));
  const time = [index((c) => c.kind === 'date'), index(isYear)].find((i) => i >= 0) ?? -1;
  const text = index((c) => c.kind === 'string');
  const value = index((c) => c.kind === 'number', [time]);
  if (value < 0) return null;
  if (time >= 0) return {kind: 'line', x: time, y: value, series: text >= 0 ? text : null};
  if (text >= 0) return {kind: 'bar', category: text, y: value};
  return null;
}

export interface ResultChartOptions {
  /**
   * The charts' accessible names with their placeholders, in the page's language: `bar` with `{y}` and
   * `{category}`, `line` with `{y}` and `{x}` (explore.chartBar and explore.chartLine of src/i18n). Passed in, so
   * that the browser code carries the page's words only, not every UI string of both languages.
   */
  labels: {bar: string; line: string};
  width: number;
  /** The document to draw in (the page's; a DOM implementation in tests). */
  document?: Document;
}

/**
 * Draws the chart `spec` of a result with Observable Plot and returns the
 * figure element (its SVG has role img and an accessible name stating what is
 * plotted). Rows whose x or y is NULL are left out; only the first
 * {@link MAX_SERIES} series or {@link MAX_BARS} bars are drawn.
 */
export function resultChart(
  columns: readonly ResultColumn[],
  rows: readonly (readonly Cell[])[],
  spec: NonNullable<ResultChartSpec>,
  {labels, width, document}: ResultChartOptions
): Element {
  if (spec.kind === 'bar') {
    const name = columns[spec.category]!.name;
    const y = columns[spec.y]!.name;
    const data = rows
      .filter((r) => r[spec.y] !== null && r[spec.category] !== null)
      .slice(0, MAX_BARS)
      .map((r) => ({category: String(r[spec.category]), value: Number(r[spec.y])}));
    return accessible(
      Plot.plot({
        document,
        width,
        marginLeft: Math.min(240, 16 + 13 * Math.max(4, ...data.map((d) => d.category.length))),
        height: 40 + 22 * new Set(data.map((d) => d.category)).size,
        ariaLabel: fillPlaceholders(labels.bar, {y, category: name}),
        x: {label: y, grid: true},
        y: {label: null, domain: [...new Set(data.map((d) => d.category))]},
        marks: [Plot.barX(data, {x: 'value', y: 'category', fill: SERIES_COLOR, tip: true}), Plot.ruleX([0])]
      })
    );
  }
  const x = columns[spec.x]!;
  const y = columns[spec.y]!.name;
  const series = spec.series;
  const all = rows
    .filter((r) => r[spec.x] !== null && r[spec.y] !== null)
    .map((r) => ({
      x: x.kind === 'date' ? new Date(String(r[spec.x])) : Number(r[spec.x]),
      y: Number(r[spec.y]),
      series: series === null ? '' : String(r[series])
    }));
  const kept = new Set([...new Set(all.map((d) => d.series))].slice(0, MAX_SERIES));
  const data = all.filter((d) => kept.has(d.series));
  // Years are whole numbers: tick every year when they are few, never at 2019.5.
  const years = x.kind === 'date' ? [] : [...new Set(data.map((d) => d.x as number))].sort((a, b) => a - b);
  return accessible(
    Plot.plot({
      document,
      width,
      height: 320,
      marginRight: series === null ? 20 : 120,
      ariaLabel: fillPlaceholders(labels.line, {y, x: x.name}),
      x: {
        label: x.name,
        ...(x.kind === 'date'
          ? {}
          : {ticks: years.length <= 15 ? years : undefined, tickFormat: (d: number) => String(d)})
      },
      y: {label: y, grid: true},
      color: {legend: false},
      marks: [
        Plot.lineY(data, {
          x: 'x',
          y: 'y',
          z: 'series',
          stroke: series === null ? SERIES_COLOR : 'series',
          marker: true
        }),
        series === null
          ? null
          : Plot.text(data, Plot.selectLast({x: 'x', y: 'y', z: 'series', text: 'series', dx: 6, textAnchor: 'start'}))
      ]
    })
  );
}

// The chart is one image with a name; ARIA forbids names on its parts (axe: aria-prohibited-attr), and Plot
// labels each mark group ("line", "bar"), so those labels go.
function accessible(node: Element): Element {
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  svg?.setAttribute('role', 'img');
  for (const child of svg?.querySelectorAll('[aria-label]') ?? []) child.removeAttribute('aria-label');
  return node;
}
