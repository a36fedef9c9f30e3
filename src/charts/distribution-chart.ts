import * as Plot from '@observablehq/plot';
import {type Unit, formatTick, formatValue, isFiniteNumber} from '../lib/format-number.ts';
import {type Locale, type MessageKey, t} from '../lib/i18n.ts';
import {type TargetOperator, formatTarget, textWidth, valueDomain} from './chart-data.ts';
import {HAIRLINE_COLOR, MUTED_COLOR, STATUSES, STATUS_COLORS, type Status, isStatus} from './palette.ts';
import {renderSvg} from './render-svg.ts';
import {statusLegendMarks} from './status-legend.ts';
import {statusLabel} from './status-labels.ts';

/** One child region's value in one year, as in `indicator_values` joined with `regions`. */
export interface DistributionRow {
  name: string;
  code: string;
  /** The value (a share 0–1 for percent); null when withheld or missing. */
  value: number | null;
  status: string;
}

/** Options of {@link distributionChart} and {@link distributionCaption}. */
export interface DistributionOptions {
  unit: Unit;
  /** The target in force, drawn as a dashed rule; null for none. */
  target: number | null;
  /** Defaults to ">=". */
  targetOperator?: TargetOperator | null;
  locale: Locale;
  /** The chart's accessible name. */
  title: string;
  /** The year shown, opening the caption ("2025年，…" / "In 2025, …") when given. */
  year?: number;
}

const WIDTH = 640;
const ROW_HEIGHT = 22;
const MARGIN_TOP = 30;
const MARGIN_BOTTOM = 52;
/** The chart's words in `locale`. */
const wordsOf = (locale: Locale) => ({
  target: t(locale, 'chart.distribution.target'),
  withheld: t(locale, 'chart.distribution.withheld'),
  missing: t(locale, 'chart.distribution.missing'),
  notReported: t(locale, 'chart.distribution.notReported')
});

/**
 * Returns the SVG markup of the child regions' values (counties or
 * townships, up to about 30) as a dot chart 640 wide and 22 px a row: one row
 * per region, sorted by value (highest first, ties by code), each dot
 * coloured by status and labelled with its value, a dashed target rule, and
 * an in-chart status legend. Dots rather than bars because a rate axis need
 * not start at zero, and differences of a point or two near 100% must show.
 * Withheld regions stay listed at the bottom, marked 不公开/withheld, so the
 * count of regions is honest. The `<svg>` has `role="img"`, the title as
 * `aria-label` and {@link distributionCaption} as `aria-description`.
 */
export function distributionChart(rows: readonly DistributionRow[], options: DistributionOptions): string {
  const {unit, target, locale} = options;
  const words = wordsOf(locale);
  const {shown, hidden} = splitRows(rows);
  const ordered = [...shown, ...hidden];
  const names = new Map(ordered.map((r) => [r.code, r.name]));
  const domain = valueDomain(
    shown.map((r) => r.value),
    unit,
    target
  );
  const tick = (d: number) => formatTick(d, unit, locale);
  const format = (d: number | null) => formatValue(d, unit, locale);
  const targets =
    target === null
      ? []
      : [{target, label: `${words.target} ${formatTarget(target, options.targetOperator, unit, locale)}`}];
  const legend = STATUSES.filter((s) => s !== 'suppressed' && shown.some((r) => statusOf(r) === s)).map((status) => ({
    status,
    label: statusLabel(status, locale)
  }));
  const valueWidth = Math.max(0, ...shown.map((r) => textWidth(format(r.value))));
  return renderSvg(
    {
      width: WIDTH,
      height: MARGIN_TOP + MARGIN_BOTTOM + Math.max(1, ordered.length) * ROW_HEIGHT,
      marginTop: MARGIN_TOP,
      marginRight: Math.max(24, valueWidth + 16),
      marginBottom: MARGIN_BOTTOM,
      marginLeft: Math.max(40, ...ordered.map((r) => textWidth(r.name) + 12)),
      ariaLabel: options.title,
      ariaDescription: distributionCaption(rows, options),
      x: {domain, nice: true, axis: 'top', grid: true, ticks: 5, tickFormat: tick, label: null},
      y: {
        domain: ordered.map((r) => r.code),
        tickFormat: (code: string) => names.get(code) ?? code,
        tickSize: 0,
        label: null
      },
      color: {type: 'ordinal', domain: [...STATUSES], range: STATUSES.map((s) => STATUS_COLORS[s])},
      marks: [
        Plot.ruleY(shown, {y: 'code', stroke: HAIRLINE_COLOR}),
        targets.map(({target}) => Plot.ruleX([target], {stroke: MUTED_COLOR, strokeDasharray: '4,3'})),
        Plot.text(targets, {
          x: 'target',
          text: 'label',
          frameAnchor: 'bottom',
          dy: 14,
          fill: MUTED_COLOR
        }),
        Plot.dot(shown, {
          x: 'value',
          y: 'code',
          r: 5,
          fill: statusOf,
          stroke: 'var(--plot-background)',
          title: (r: DistributionRow) => `${r.name}: ${format(r.value)} (${statusLabel(r.status, locale)})`
        }),
        Plot.text(shown, {
          x: 'value',
          y: 'code',
          text: (r: DistributionRow) => format(r.value),
          dx: 9,
          textAnchor: 'start',
          stroke: 'var(--plot-background)',
          strokeWidth: 3,
          paintOrder: 'stroke',
          fill: 'currentColor'
        }),
        Plot.text(hidden, {
          y: 'code',
          text: (r: DistributionRow) =>
            r.status === 'suppressed' ? words.withheld : r.status === 'incomplete' ? words.notReported : words.missing,
          frameAnchor: 'left',
          dx: 4,
          textAnchor: 'start',
          fill: MUTED_COLOR
        }),
        statusLegendMarks(legend, MARGIN_BOTTOM - 12)
      ]
    },
    {role: 'img'}
  );
}

/**
 * Returns a one-sentence summary of the regions in `locale`, e.g.
 * "2025年，12个地区中8个达到目标（≥90.0%），最高为孔田镇（99.1%），最低为长富镇（85.0%）；2个地区不公开。" /
 * "In 2025, 8 of 12 regions met the target (≥ 90.0%); the highest was 孔田镇 (99.1%)
 * and the lowest 长富镇 (85.0%); 2 regions are withheld." Counts `met` from the
 * published statuses; names the highest and lowest shown values (the first
 * by code on a tie); counts withheld regions, and regions without data apart.
 */
export function distributionCaption(rows: readonly DistributionRow[], options: DistributionOptions): string {
  const {unit, target, locale, year} = options;
  const {shown, hidden} = splitRows(rows);
  const withheld = hidden.filter((r) => r.status === 'suppressed').length;
  // A row without a value that is not withheld says its region has not reported (status incomplete).
  const notReported = hidden.filter((r) => r.status === 'incomplete').length;
  const missing = hidden.length - withheld - notReported;
  const format = (d: number) => formatValue(d, unit, locale);
  const regions = (n: number) => t(locale, n === 1 ? 'chart.regions.one' : 'chart.regions.other', {n});
  const lead = year === undefined ? '' : t(locale, 'chart.distribution.lead', {year});
  const parts: string[] = [];
  const highest = shown[0];
  const lowest = shown.at(-1);
  if (highest && lowest) {
    const n = shown.length;
    const targetText = target === null ? null : formatTarget(target, options.targetOperator, unit, locale);
    const met = shown.filter((r) => r.status === 'met').length;
    const [hi, lo] = [format(highest.value), format(lowest.value)];
    const extremes =
      highest === lowest
        ? t(locale, 'chart.distribution.onlyOne', {name: highest.name, value: hi})
        : t(locale, 'chart.distribution.extremes', {highest: highest.name, hi, lowest: lowest.name, lo});
    parts.push(
      targetText === null
        ? t(locale, 'chart.distribution.across', {regions: regions(n), extremes})
        : t(locale, 'chart.distribution.met', {met, regions: regions(n), target: targetText, extremes})
    );
  }
  const counted = (count: number, one: MessageKey, many: MessageKey) =>
    t(locale, count === 1 ? one : many, {regions: regions(count)});
  if (withheld > 0) parts.push(counted(withheld, 'chart.distribution.withheldOne', 'chart.distribution.withheldMany'));
  if (notReported > 0)
    parts.push(counted(notReported, 'chart.distribution.notReportedOne', 'chart.distribution.notReportedMany'));
  if (missing > 0) parts.push(counted(missing, 'chart.distribution.missingOne', 'chart.distribution.missingMany'));
  if (parts.length === 0) return capitalize(t(locale, 'chart.distribution.noData', {lead}));
  const sentence = parts.join(t(locale, 'chart.separator'));
  return t(locale, 'chart.sentence', {text: capitalize(lead + sentence)});
}

/** The row's status, an unknown one drawn as `no_target`. */
function statusOf(r: DistributionRow): Status {
  return isStatus(r.status) ? r.status : 'no_target';
}

type ShownRow = DistributionRow & {value: number};

/** Shown rows by value, highest first, ties by code; then withheld and missing rows by code. */
function splitRows(rows: readonly DistributionRow[]): {shown: ShownRow[]; hidden: DistributionRow[]} {
  const byCode = (a: DistributionRow, b: DistributionRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const isShown = (r: DistributionRow): r is ShownRow => r.status !== 'suppressed' && isFiniteNumber(r.value);
  const shown = rows.filter(isShown).sort((a, b) => b.value - a.value || byCode(a, b));
  const hidden = rows.filter((r) => !isShown(r)).sort(byCode);
  return {shown, hidden};
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
