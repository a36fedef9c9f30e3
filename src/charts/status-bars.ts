import * as Plot from '@observablehq/plot';
import {type Locale, t} from '../lib/i18n.ts';
import {joinList} from './chart-data.ts';
import {STATUSES, STATUS_COLORS, type Status} from './palette.ts';
import {renderSvg} from './render-svg.ts';
import {statusLegendMarks} from './status-legend.ts';
import {statusLabel} from './status-labels.ts';

/** How many indicators have each status; a missing status counts zero. */
export type StatusCounts = Partial<Record<Status, number>>;

/** Options of {@link statusSummaryChart} and {@link statusSummaryCaption}. */
export interface StatusSummaryOptions {
  locale: Locale;
  /** The chart's accessible name; defaults to "指标达标情况" / "Indicators by status". */
  title?: string;
  /** Defaults to 640. */
  width?: number;
}

const BAR_HEIGHT = 22;
const MARGIN_BOTTOM = 30;

/**
 * Returns the SVG markup of one stacked horizontal bar of indicator counts by
 * status (640×56 by default), in the fixed order met, on track, at risk, off
 * track, no target, withheld, separated by hairlines, with a legend that
 * carries each status's name and count ("达标 12"). The `<svg>` has
 * `role="img"`, the title as `aria-label` and {@link statusSummaryCaption}
 * as `aria-description`.
 */
export function statusSummaryChart(counts: StatusCounts, options: StatusSummaryOptions): string {
  const {locale, width = 640} = options;
  const rows = entries(counts);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return renderSvg(
    {
      width,
      height: 4 + BAR_HEIGHT + MARGIN_BOTTOM,
      marginTop: 4,
      marginRight: 4,
      marginBottom: MARGIN_BOTTOM,
      marginLeft: 4,
      ariaLabel: options.title ?? t(locale, 'chart.status.title'),
      ariaDescription: statusSummaryCaption(counts, options),
      x: {domain: [0, Math.max(1, total)], axis: null},
      color: {type: 'ordinal', domain: [...STATUSES], range: STATUSES.map((s) => STATUS_COLORS[s])},
      marks: [
        Plot.barX(rows, {
          x: 'count',
          fill: 'status',
          stroke: 'var(--plot-background)',
          strokeWidth: 1,
          inset: 0,
          title: (r: Row) => `${statusLabel(r.status, locale)}: ${r.count}`
        }),
        total === 0 ? Plot.frame({stroke: '#d0d7de'}) : null,
        statusLegendMarks(
          rows.map((r) => ({status: r.status, label: `${statusLabel(r.status, locale)} ${r.count}`})),
          MARGIN_BOTTOM - 12
        )
      ]
    },
    {role: 'img'}
  );
}

/**
 * Returns a one-sentence summary of the counts, statuses in the chart's
 * order and zeros left out: "20项指标中，12项达标、3项进度正常、2项有风险、1项滞后、1项无目标、1项不公开。" /
 * "Of 20 indicators, 12 met, 3 on track, 2 at risk, 1 off track, 1 no target and 1 withheld."
 */
export function statusSummaryCaption(counts: StatusCounts, {locale}: StatusSummaryOptions): string {
  const rows = entries(counts);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  if (total === 0) return t(locale, 'chart.status.none');
  const items = rows.map((r) =>
    t(locale, 'chart.status.item', {count: r.count, status: statusLabel(r.status, locale)})
  );
  return t(locale, total === 1 ? 'chart.status.summaryOne' : 'chart.status.summary', {
    total,
    items: joinList(items, locale)
  });
}

interface Row {
  status: Status;
  count: number;
}

/** Non-zero counts in status order; negative or non-finite counts are a bug. */
function entries(counts: StatusCounts): Row[] {
  const rows: Row[] = [];
  for (const status of STATUSES) {
    const count = counts[status] ?? 0;
    if (!Number.isInteger(count) || count < 0) throw new Error(`invalid count for ${status}: ${count}`);
    if (count > 0) rows.push({status, count});
  }
  return rows;
}
