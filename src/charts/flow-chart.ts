import * as Plot from '@observablehq/plot';
import {formatCount} from '../lib/format-number.ts';
import {type Locale, t} from '../lib/i18n.ts';
import {joinList, textWidth} from './chart-data.ts';
import {MUTED_COLOR, SERIES_COLOR} from './palette.ts';
import {renderSvg} from './render-svg.ts';

/** One year of the flows of one region, as in `monitoring_flows`: null counts when withheld. */
export interface FlowYear {
  year: number;
  entered: number | null;
  exited: number | null;
  suppressed: boolean;
}

/** Options of {@link flowChart} and {@link flowCaption}. */
export interface FlowOptions {
  locale: Locale;
  /** The region's published name, for the caption ("赣州市"). */
  region: string;
}

const WIDTH = 640;
const HEIGHT = 260;
/** Entries in Okabe–Ito blue, exits in Okabe–Ito orange: apart under the common colour vision deficiencies. */
const FLOW_COLORS = {entered: SERIES_COLOR, exited: '#E69F00'} as const;
/** The chart's words in `locale`. */
const wordsOf = (locale: Locale) => ({
  entered: t(locale, 'chart.flows.entered'),
  exited: t(locale, 'chart.flows.exited'),
  withheld: t(locale, 'chart.flows.withheld'),
  title: t(locale, 'chart.flows.title')
});

/**
 * Returns the SVG markup (640×260) of the households that entered and left
 * monitoring each year: two bars per year (entered in blue, left in orange,
 * named in a legend above), each bar's count written on it, and a withheld
 * year marked 不公开/withheld on the axis. The `<svg>` has `role="img"`, a
 * title as `aria-label` and {@link flowCaption} as `aria-description`.
 */
export function flowChart(years: readonly FlowYear[], options: FlowOptions): string {
  const {locale} = options;
  const words = wordsOf(locale);
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const bars = sorted.flatMap((y) =>
    y.suppressed
      ? []
      : (['entered', 'exited'] as const).map((flow) => ({year: String(y.year), flow, households: y[flow] ?? 0}))
  );
  const withheld = sorted.filter((y) => y.suppressed).map((y) => ({year: String(y.year)}));
  const max = Math.max(10, ...bars.map((b) => b.households));
  const tick = (d: number) => formatCount(d, locale);
  return renderSvg(
    {
      width: WIDTH,
      height: HEIGHT,
      marginTop: 30,
      marginRight: 8,
      marginBottom: 30,
      marginLeft: Math.max(40, textWidth(tick(max)) + 16),
      ariaLabel: t(options.locale, 'chart.flows.label', {title: words.title, region: options.region}),
      ariaDescription: flowCaption(years, options),
      fx: {domain: sorted.map((y) => String(y.year)), label: null, padding: 0.15},
      x: {domain: ['entered', 'exited'], axis: null, padding: 0.1},
      y: {domain: [0, max * 1.12], grid: true, ticks: 5, tickFormat: tick, label: null},
      color: {domain: ['entered', 'exited'], range: [FLOW_COLORS.entered, FLOW_COLORS.exited]},
      marks: [
        Plot.barY(bars, {
          fx: 'year',
          x: 'flow',
          y: 'households',
          fill: 'flow',
          title: (b: (typeof bars)[number]) => `${b.year} ${words[b.flow]}: ${tick(b.households)}`
        }),
        Plot.text(bars, {
          fx: 'year',
          x: 'flow',
          y: 'households',
          text: (b: (typeof bars)[number]) => tick(b.households),
          dy: -6,
          fontSize: 9,
          fill: 'currentColor'
        }),
        Plot.text(withheld, {fx: 'year', frameAnchor: 'bottom', dy: -8, text: () => words.withheld, fill: MUTED_COLOR}),
        // The legend, in the top margin of the first facet: a swatch and the flow's name.
        ...(['entered', 'exited'] as const).flatMap((flow, i) => {
          const at = {fx: [String(sorted[0]?.year ?? '')], frameAnchor: 'top-left', dy: -18} as const;
          return [
            Plot.dot([flow], {...at, dx: 4 + i * 90, symbol: 'square', r: 5, fill: FLOW_COLORS[flow], stroke: 'none'}),
            Plot.text([flow], {
              ...at,
              dx: 12 + i * 90,
              text: () => words[flow],
              textAnchor: 'start',
              fill: 'currentColor'
            })
          ];
        })
      ]
    },
    {role: 'img'}
  );
}

/**
 * Returns a one-sentence summary, e.g. "2020–2025年，赣州市共有1,234户新纳入监测、1,100户退出监测；2025年纳入210户、
 * 退出198户。" / "From 2020 to 2025, 1,234 households entered monitoring in 赣州市 and 1,100 left it; in 2025, 210
 * entered and 198 left." Totals are over the published years; withheld years are named.
 */
export function flowCaption(years: readonly FlowYear[], {locale, region}: FlowOptions): string {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const shown = sorted.filter((y) => !y.suppressed);
  const withheldYears = sorted.filter((y) => y.suppressed).map((y) => String(y.year));
  const n = (x: number) => formatCount(x, locale);
  const tail =
    withheldYears.length === 0 ? '' : t(locale, 'chart.flows.withheldYears', {years: joinList(withheldYears, locale)});
  if (shown.length === 0) {
    return t(locale, sorted.length === 0 ? 'chart.flows.none' : 'chart.flows.allWithheld', {region});
  }
  const entered = shown.reduce((s, y) => s + (y.entered ?? 0), 0);
  const exited = shown.reduce((s, y) => s + (y.exited ?? 0), 0);
  const last = shown.at(-1)!;
  const [first, lastYear] = [shown[0]!.year, last.year];
  const counts = {region, entered: n(entered), exited: n(exited), tail};
  if (first === lastYear) return t(locale, 'chart.flows.captionOneYear', {...counts, year: first});
  const latest = t(locale, 'chart.flows.latest', {
    year: lastYear,
    entered: n(last.entered ?? 0),
    exited: n(last.exited ?? 0)
  });
  return t(locale, 'chart.flows.caption', {...counts, from: first, to: lastYear, latest});
}
