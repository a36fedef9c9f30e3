import * as Plot from '@observablehq/plot';
import {type Unit, formatValue, isFiniteNumber} from '../lib/format-number.ts';
import {type Locale, t} from '../lib/i18n.ts';
import {valueDomain} from './chart-data.ts';
import {SERIES_COLOR} from './palette.ts';
import {renderSvg} from './render-svg.ts';

/** One year of a series; the same shape as a trend chart's points. */
export interface SparkPoint {
  year: number;
  value: number | null;
  suppressed: boolean;
}

/** Options of {@link sparkline} and {@link sparklineLabel}. */
export interface SparklineOptions {
  unit: Unit;
  /** Language of the aria-label; defaults to Chinese. */
  locale?: Locale;
  /** Defaults to 120. */
  width?: number;
  /** Defaults to 32. */
  height?: number;
}

/**
 * Returns the SVG markup of a tiny line (120×32 by default, no axes, no
 * target) for indicator cards: withheld years break the line, and the last
 * shown year ends in a dot. The `<svg>` has `role="img"` and
 * {@link sparklineLabel} as its `aria-label`; the card's own text carries the
 * indicator's name.
 */
export function sparkline(points: readonly SparkPoint[], options: SparklineOptions): string {
  const {unit, width = 120, height = 32} = options;
  const series = [...points].sort((a, b) => a.year - b.year);
  const shown = series.filter(isShown);
  const years = series.map((p) => p.year);
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return renderSvg(
    {
      width,
      height,
      margin: 4,
      axis: null,
      ariaLabel: sparklineLabel(points, options),
      x: {domain: years.length === 0 ? [0, 1] : lo === hi ? [lo - 1, hi + 1] : [lo, hi]},
      y: {
        domain: valueDomain(
          shown.map((p) => p.value),
          unit,
          null
        )
      },
      marks: [
        Plot.line(series, {
          x: 'year',
          y: (p: SparkPoint) => (isShown(p) ? p.value : NaN),
          stroke: SERIES_COLOR,
          strokeWidth: 1.5
        }),
        Plot.dot(shown.slice(-1), {x: 'year', y: 'value', r: 2.5, fill: SERIES_COLOR})
      ]
    },
    {role: 'img'}
  );
}

/**
 * Returns the spoken summary of a sparkline: its first and last shown
 * values with their years, "从2019年的92.1%到2025年的98.4%" / "from 92.1% in
 * 2019 to 98.4% in 2025"; one year alone: "2025年：98.4%" / "98.4% in 2025";
 * nothing shown: "数据不公开" / "withheld".
 */
export function sparklineLabel(points: readonly SparkPoint[], {unit, locale = 'zh-CN'}: SparklineOptions): string {
  const shown = [...points].sort((a, b) => a.year - b.year).filter(isShown);
  const first = shown[0];
  const last = shown.at(-1);
  if (!first || !last) return t(locale, 'chart.sparkline.withheld');
  const [a, b] = [formatValue(first.value, unit, locale), formatValue(last.value, unit, locale)];
  if (first === last) return t(locale, 'chart.sparkline.one', {value: b, year: last.year});
  return t(locale, 'chart.sparkline.change', {from: a, fromYear: first.year, to: b, toYear: last.year});
}

function isShown(p: SparkPoint): p is SparkPoint & {value: number} {
  return !p.suppressed && isFiniteNumber(p.value);
}
