import * as Plot from '@observablehq/plot';
import {formatTick, formatYuan} from '../lib/format-number.ts';
import type {FundFlow} from '../lib/fund-ledger.ts';
import {type Locale, t} from '../lib/i18n.ts';
import {FUND_LEVELS, type FundLevel} from '../lib/input-tables.ts';
import {joinList, lowerFirst, textWidth} from './chart-data.ts';
import {renderSvg} from './render-svg.ts';

/** Okabe–Ito colours, one per level, from the farthest (中央) to the nearest (县级). */
export const FUND_LEVEL_COLORS: Readonly<Record<FundLevel, string>> = {
  central: '#0072B2',
  provincial: '#E69F00',
  municipal: '#009E73',
  county: '#CC79A7'
};

const LEVELS = Object.keys(FUND_LEVELS) as FundLevel[];
const ROW_HEIGHT = 20;
const LEGEND_HEIGHT = 34;

/** Returns the name of a fund level as it runs in a sentence: 中央 / central. */
export const levelLabel = (level: FundLevel, locale: Locale) => lowerFirst(t(locale, `fundLevel.${level}`));

/**
 * Returns the SVG markup of the fund flow: one horizontal bar per county
 * (in the order given), stacked by the level the money came from, 中央 first,
 * with an in-chart legend, and a one-sentence caption. The `<svg>` has
 * `role="img"`, `title` as `aria-label` and the caption as `aria-description`;
 * each bar segment has a `<title>` with county, level and amount.
 */
export function fundFlowChart(
  flows: readonly FundFlow[],
  {locale, title, period, width = 640}: {locale: Locale; title: string; period: string; width?: number}
): {svg: string; caption: string} {
  const counties = [...new Set(flows.map((f) => f.county))];
  const caption = fundFlowCaption(flows, locale, period);
  const marginLeft = Math.max(60, ...counties.map((c) => textWidth(c, 11) + 10));
  const svg = renderSvg(
    {
      width,
      height: counties.length * ROW_HEIGHT + 10 + 30 + LEGEND_HEIGHT,
      marginTop: 10,
      marginLeft,
      marginRight: 16,
      marginBottom: 30 + LEGEND_HEIGHT,
      ariaLabel: title,
      ariaDescription: caption,
      y: {domain: counties, label: null},
      x: {label: null, grid: true, tickFormat: (d: number) => formatTick(d, 'yuan', locale), ticks: 5},
      color: {domain: LEVELS, range: LEVELS.map((l) => FUND_LEVEL_COLORS[l])},
      marks: [
        Plot.barX(flows, {
          y: 'county',
          x: 'amount',
          fill: 'level',
          order: LEVELS,
          stroke: 'white',
          strokeWidth: 0.5,
          title: (f: FundFlow) => `${f.county} · ${levelLabel(f.level, locale)}: ${formatYuan(f.amount, locale)}`
        }),
        Plot.ruleX([0]),
        ...legendMarks(locale)
      ]
    },
    {role: 'img'}
  );
  return {svg, caption};
}

/**
 * Returns one sentence on the flow: the total, the share of each level and
 * the county that received most, e.g. "2019–2025年共下达资金12.3亿元，其中中央4.1亿元、…；最多的是于都县（1.2亿元）。"
 */
export function fundFlowCaption(flows: readonly FundFlow[], locale: Locale, period: string): string {
  const total = flows.reduce((sum, f) => sum + f.amount, 0);
  if (total === 0) return t(locale, 'chart.funds.none', {period});
  const byLevel = LEVELS.map((level) => ({
    level,
    amount: flows.filter((f) => f.level === level).reduce((sum, f) => sum + f.amount, 0)
  })).filter((l) => l.amount > 0);
  const byCounty = Map.groupBy(flows, (f) => f.county);
  const [top, topAmount] = [...byCounty].reduce<[string, number]>(
    (best, [county, rows]) => {
      const amount = rows.reduce((sum, f) => sum + f.amount, 0);
      return amount > best[1] ? [county, amount] : best;
    },
    ['', -1]
  );
  const parts = byLevel.map((l) =>
    t(locale, 'chart.funds.part', {amount: formatYuan(l.amount, locale), level: levelLabel(l.level, locale)})
  );
  return t(locale, 'chart.funds.caption', {
    period,
    total: formatYuan(total, locale),
    counties: byCounty.size,
    parts: joinList(parts, locale),
    top,
    topAmount: formatYuan(topAmount, locale)
  });
}

// The key inside the image (Plot's own colour legend is HTML beside the SVG), so a downloaded SVG carries it.
function legendMarks(locale: Locale): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  let dx = 5;
  for (const level of LEVELS) {
    const label = levelLabel(level, locale);
    marks.push(
      Plot.dot([level], {frameAnchor: 'bottom-left', dx, dy: 44, r: 5, fill: FUND_LEVEL_COLORS[level]}),
      Plot.text([label], {
        frameAnchor: 'bottom-left',
        dx: dx + 9,
        dy: 44,
        text: (d: string) => d,
        textAnchor: 'start',
        lineAnchor: 'middle'
      })
    );
    dx += 9 + textWidth(label) + 18;
  }
  return marks;
}
