import * as Plot from '@observablehq/plot';
import {type Unit, formatTick, formatValue, isFiniteNumber} from '../lib/format-number.ts';
import {type Locale, t} from '../lib/i18n.ts';
import {
  type TargetOperator,
  formatTarget,
  joinList,
  lowerFirst,
  satisfiesTarget,
  textWidth,
  valueDomain
} from './chart-data.ts';
import {MUTED_COLOR, SERIES_COLOR} from './palette.ts';
import {renderSvg} from './render-svg.ts';

/** One year of one indicator in one region, as in `indicator_values`. */
export interface TrendPoint {
  year: number;
  /** The value (a share 0–1 for percent); null when withheld or missing. */
  value: number | null;
  suppressed: boolean;
  /** The published status; the caption uses the last shown year's when given, else compares with the target. */
  status?: string | null;
  /**
   * The target in force that year, where targets change over time (5万元 until
   * 2023, 10万元 from 2024); drawn year by year as a dashed step line. When
   * left out, `options.target` holds for every year.
   */
  target?: number | null;
  /** Where the value is withheld with a band: its inclusive bounds (both present, or the band is not drawn). */
  lower?: number | null;
  upper?: number | null;
  /** The band in words ("≥ 99.1%"), for the caption and the point's title. */
  band?: string;
  /**
   * Where fewer units reported than were expected, that coverage in words ("290/385 个村报送"); the caption
   * names those years. Empty or absent where all reported.
   */
  coverage?: string;
}

/** Options of {@link trendChart} and {@link trendCaption}. */
export interface TrendOptions {
  unit: Unit;
  /** The target, drawn as a dashed rule; null for none. A point's own `target` takes precedence. */
  target: number | null;
  targetOperator: TargetOperator | null;
  locale: Locale;
  /** The region's published name, for the caption ("安远县"). */
  region: string;
  /** The indicator's name in `locale` ("家庭医生签约率" / "Family doctor contract rate"). */
  indicator: string;
  /** The chart's accessible name; defaults to "安远县家庭医生签约率" / "Family doctor contract rate, 安远县". */
  title?: string;
}

/**
 * Drawn at about the width it is shown at (a column of the region page's grid, a phone's screen), so that its labels
 * stay at least 80 % of the body text (13 px against 16 px) rather than shrink with a wider drawing.
 */
const WIDTH = 360;
const HEIGHT = 220;
const FONT_SIZE = 13;
/** The chart's words in `locale`. */
const wordsOf = (locale: Locale) => ({
  target: t(locale, 'chart.trend.target'),
  withheld: t(locale, 'chart.trend.withheld')
});

/**
 * Returns the SVG markup (360×220, 13 px labels) of an indicator over the years: a line
 * with a dot per published year, the first and last values labelled, a
 * dashed target rule labelled 目标/target in the right margin (a dashed step
 * line when the points carry targets that change over the years), and each
 * withheld year as a break in the line with a hollow marker and the note
 * 不公开/withheld on the time axis. The value axis is formatted by unit (a
 * percent axis in %), need not start at zero, and always shows the target.
 * The points may come in any order. The `<svg>` has `role="img"`, the title
 * as its `aria-label` and {@link trendCaption} as its `aria-description`.
 */
export function trendChart(points: readonly TrendPoint[], options: TrendOptions): string {
  const {unit, targetOperator, locale} = options;
  const words = wordsOf(locale);
  const series = byYear(points);
  const shown = series.filter(isShown);
  const banded = series.filter(isBanded);
  const withheld = series.filter((p) => p.suppressed && !isBanded(p));
  const years = series.map((p) => p.year);
  const yearly = series.map((p) => ({year: p.year, target: targetOf(p, options)}));
  const constant = new Set(yearly.map((d) => d.target)).size <= 1;
  const latest = series.length === 0 ? options.target : (yearly.findLast((d) => d.target !== null)?.target ?? null);
  // A band's informative end joins the axis (≥ 99.1% its lower, ≤ 3.6% its upper); an open end is drawn to the
  // edge of the plot rather than stretching the axis to 0% or 100%.
  const bandEnds = banded.flatMap((p) => [
    ...(unit !== 'percent' || p.lower > 0 ? [p.lower] : []),
    ...(unit !== 'percent' || p.upper < 1 ? [p.upper] : [])
  ]);
  const domain = valueDomain([...shown.map((p) => p.value), ...bandEnds, ...yearly.map((d) => d.target)], unit, latest);
  const clip = (y: number) => Math.min(Math.max(y, domain[0]), domain[1]);
  const tick = (d: number) => formatTick(d, unit, locale);
  const format = (d: number | null) => formatValue(d, unit, locale);
  const targetLabels =
    latest === null
      ? []
      : [{target: latest, label: `${words.target} ${formatTarget(latest, targetOperator, unit, locale)}`}];
  const targetStyle = {stroke: MUTED_COLOR, strokeDasharray: '4,3'};
  const targetMarks =
    latest === null
      ? null
      : constant
        ? Plot.ruleY([latest], targetStyle)
        : Plot.line(yearly, {x: 'year', y: 'target', curve: 'step', ...targetStyle});
  // Label the first and last values on the side away from their neighbour, so the line never crosses the label.
  const ends = shown.length > 1 ? [shown[0]!, shown.at(-1)!] : shown;
  const neighbour = (p: ShownPoint) => (p === shown[0] ? shown[1] : shown.at(-2));
  const below = ends.filter((p) => (neighbour(p)?.value ?? -Infinity) > p.value);
  const above = ends.filter((p) => !below.includes(p));
  const endLabel = (data: ShownPoint[], dy: number) =>
    Plot.text(data, {
      x: 'year',
      y: 'value',
      text: (p: TrendPoint) => format(p.value),
      dy,
      fill: 'currentColor',
      stroke: 'var(--plot-background)',
      strokeWidth: 3,
      paintOrder: 'stroke'
    });
  const yearLabel = (year: number) => t(locale, 'chart.year', {year});
  return renderSvg(
    {
      width: WIDTH,
      height: HEIGHT,
      marginTop: 24,
      marginRight: Math.max(24, ...targetLabels.map((t) => textWidth(t.label, FONT_SIZE) + 12)),
      marginBottom: 30,
      marginLeft: Math.max(40, ...domain.map((d) => textWidth(tick(d), FONT_SIZE) + 16)),
      ariaLabel: options.title ?? defaultTitle(options),
      ariaDescription: trendCaption(points, options),
      // Every other year where more than five would crowd the axis, counted back from the latest.
      x: {
        domain: yearDomain(years),
        ticks: years.length > 5 ? years.filter((_, i) => (years.length - 1 - i) % 2 === 0) : years,
        tickFormat: (d: number) => String(d),
        label: null,
        inset: 20
      },
      y: {domain, nice: true, grid: true, ticks: 5, tickFormat: tick, label: null},
      marks: [
        targetMarks,
        Plot.text(targetLabels, {
          y: 'target',
          text: 'label',
          frameAnchor: 'right',
          dx: 6,
          textAnchor: 'start',
          fill: MUTED_COLOR
        }),
        Plot.line(series, {
          x: 'year',
          y: (p: TrendPoint) => (isShown(p) ? p.value : NaN),
          stroke: SERIES_COLOR,
          strokeWidth: 2
        }),
        Plot.dot(shown, {
          x: 'year',
          y: 'value',
          r: 3.5,
          fill: SERIES_COLOR,
          stroke: 'var(--plot-background)',
          title: (p: TrendPoint) => `${yearLabel(p.year)}: ${format(p.value)}`
        }),
        endLabel(above, -11),
        endLabel(below, 13),
        // A withheld year with a band: the range its rule implies, as a bar.
        Plot.ruleX(banded, {
          x: 'year',
          y1: (p: BandedPoint) => clip(p.lower),
          y2: (p: BandedPoint) => clip(p.upper),
          stroke: SERIES_COLOR,
          strokeOpacity: 0.45,
          strokeWidth: 7,
          strokeLinecap: 'round',
          title: (p: BandedPoint) => `${yearLabel(p.year)}: ${p.band ?? ''}`
        }),
        Plot.dot(withheld, {
          x: 'year',
          frameAnchor: 'bottom',
          dy: -8,
          r: 4,
          fill: 'none',
          stroke: MUTED_COLOR,
          title: (p: TrendPoint) => `${yearLabel(p.year)}: ${words.withheld}`
        }),
        Plot.text(withheld, {
          x: 'year',
          frameAnchor: 'bottom',
          dy: -16,
          text: () => words.withheld,
          fill: MUTED_COLOR,
          stroke: 'var(--plot-background)',
          strokeWidth: 3,
          paintOrder: 'stroke'
        })
      ]
    },
    {role: 'img', 'font-size': String(FONT_SIZE)}
  );
}

/**
 * Returns a one-sentence summary of the series in `locale`, e.g.
 * "2019–2025年，安远县家庭医生签约率从92.1%升至98.4%，2025年达到目标（≥90.0%）。" /
 * "From 2019 to 2025 the family doctor contract rate of 安远县 rose from 92.1% to
 * 98.4%, meeting the target (≥ 90.0%) in 2025." It compares the first and
 * last shown years ("remained at" when they print the same), states the last
 * shown year against the target, and names the withheld years.
 */
export function trendCaption(points: readonly TrendPoint[], options: TrendOptions): string {
  const {unit, locale, region} = options;
  const en = locale === 'en';
  const indicator = en ? lowerFirst(options.indicator) : options.indicator;
  const series = byYear(points);
  const shown = series.filter(isShown);
  const withheldYears = series.filter((p) => p.suppressed && !isBanded(p)).map((p) => String(p.year));
  const bands = series.filter(isBanded).map((p) => ({year: p.year, band: p.band ?? ''}));
  const format = (d: number) => formatValue(d, unit, locale);
  const first = shown[0];
  const last = shown.at(-1);
  if (!first || !last) {
    if (withheldYears.length === 0) return t(locale, 'chart.trend.none', {indicator, region});
    if (bands.length > 0) {
      const text = `${bandSentence(bands, region, indicator, locale)}${withheldClause(withheldYears, locale)}`;
      return t(locale, 'chart.sentence', {text});
    }
    const [y0, y1] = [series[0]!.year, series.at(-1)!.year];
    if (y0 === y1) return t(locale, 'chart.trend.withheldYear', {indicator, region, year: y0});
    return t(locale, 'chart.trend.withheldYears', {indicator, region, from: y0, to: y1});
  }
  const tail =
    targetClause(last, options, first !== last) +
    bandClause(bands, locale) +
    withheldClause(withheldYears, locale) +
    coverageClause(series, locale);
  if (first === last) {
    return t(locale, 'chart.trend.oneYear', {year: last.year, indicator, region, value: format(last.value), tail});
  }
  const [a, b] = [format(first.value), format(last.value)];
  const way = a === b ? 'same' : last.value > first.value ? 'up' : 'down';
  const change = t(locale, `chart.trend.change.${way}`, {from: a, to: b});
  return t(locale, 'chart.trend.years', {from: first.year, to: last.year, indicator, region, change, tail});
}

type ShownPoint = TrendPoint & {value: number};
type BandedPoint = TrendPoint & {lower: number; upper: number};

function isBanded(p: TrendPoint): p is BandedPoint {
  return p.suppressed && isFiniteNumber(p.lower) && isFiniteNumber(p.upper);
}

/** The banded years in a clause: "；2023年、2024年为区间（≥ 99.1%、≥ 99.3%）". */
function bandClause(bands: readonly {year: number; band: string}[], locale: Locale): string {
  if (bands.length === 0) return '';
  return t(locale, 'chart.trend.bandClause', {list: bandList(bands, locale)});
}

/** A series with bands only: "2019–2025年，安远县脱贫巩固率不公开，但已知2019年≥ 99.1%…". */
function bandSentence(
  bands: readonly {year: number; band: string}[],
  region: string,
  indicator: string,
  locale: Locale
): string {
  return t(locale, 'chart.trend.bandSentence', {indicator, region, list: bandList(bands, locale)});
}

/** The bands with their years, as a list: "≥ 99.1% in 2023 and ≥ 99.3% in 2024" / "2023年≥ 99.1%、2024年≥ 99.3%". */
const bandList = (bands: readonly {year: number; band: string}[], locale: Locale) =>
  joinList(
    bands.map((b) => t(locale, 'chart.trend.band', {band: b.band, year: b.year})),
    locale
  );

function isShown(p: TrendPoint): p is ShownPoint {
  return !p.suppressed && isFiniteNumber(p.value);
}

function byYear(points: readonly TrendPoint[]): TrendPoint[] {
  return [...points].sort((a, b) => a.year - b.year);
}

/** One year alone is centred in a two-year span, so Plot gets a non-degenerate scale. */
function yearDomain(years: readonly number[]): [number, number] {
  if (years.length === 0) return [0, 1];
  const [lo, hi] = [Math.min(...years), Math.max(...years)];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

function defaultTitle({locale, region, indicator}: TrendOptions): string {
  return t(locale, 'chart.trend.title', {indicator, region});
}

/** The target in force in `p`'s year: its own, else the chart's. */
function targetOf(p: TrendPoint, options: TrendOptions): number | null {
  const target = p.target === undefined ? options.target : p.target;
  return isFiniteNumber(target) ? target : null;
}

/**
 * The last shown year against its target: its published status if any,
 * else a comparison. `withYear` names the year (left out when the sentence
 * already opens with it).
 */
function targetClause(last: ShownPoint, options: TrendOptions, withYear: boolean): string {
  const {targetOperator, unit, locale} = options;
  const target = targetOf(last, options);
  if (target === null) return '';
  const status = last.status ?? (satisfiesTarget(last.value, targetOperator, target) ? 'met' : 'off_track');
  const targetText = formatTarget(target, targetOperator, unit, locale);
  const known = ['met', 'on_track', 'at_risk', 'off_track', 'incomplete'] as const;
  if (!(known as readonly string[]).includes(status)) return '';
  const key = `chart.trend.status.${status as (typeof known)[number]}${withYear ? 'InYear' : ''}` as const;
  return t(locale, key, {target: targetText, year: last.year});
}

/** The years that rest on fewer units than expected, each with its coverage: "；2019年290/385 个村报送". */
function coverageClause(series: readonly TrendPoint[], locale: Locale): string {
  const partial = series.filter((p) => !p.suppressed && p.coverage);
  if (partial.length === 0) return '';
  const years = partial.map((p) => t(locale, 'chart.trend.coverageYear', {year: p.year, coverage: p.coverage ?? ''}));
  return t(locale, 'chart.trend.coverage', {years: years.join(t(locale, 'chart.trend.coverageSeparator'))});
}

function withheldClause(years: readonly string[], locale: Locale): string {
  if (years.length === 0) return '';
  return t(locale, years.length === 1 ? 'chart.trend.withheldClauseOne' : 'chart.trend.withheldClause', {
    years: joinList(years, locale)
  });
}
