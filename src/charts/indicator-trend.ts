import {coverageText} from '../lib/coverage.ts';
import {bandText} from '../lib/format-band.ts';
import type {Locale} from '../lib/i18n.ts';
import {type IndicatorValue, type PublishedIndicator, readManifest} from '../lib/published-data.ts';
import type {TargetOperator} from './chart-data.ts';
import {trendCaption, trendChart} from './trend-chart.ts';

/**
 * The trend chart of one indicator for one region from its published series,
 * with the caption sentence: each year's status and target go along, and the
 * latest target is drawn as the rule.
 */
export function indicatorTrend(
  indicator: PublishedIndicator,
  series: readonly IndicatorValue[],
  region: string,
  locale: Locale
): {svg: string; caption: string} {
  const last = series.at(-1);
  const points = series.map((v) => ({
    year: v.year,
    value: v.value,
    suppressed: v.suppressed,
    status: v.status,
    target: v.target,
    lower: v.suppressed ? v.lower : null,
    upper: v.suppressed ? v.upper : null,
    band: bandText(v, indicator, readManifest().disclosure, locale)?.value,
    coverage: coverageText(v, indicator.coverage_unit, locale)
  }));
  const options = {
    unit: indicator.unit,
    target: last?.target ?? null,
    targetOperator: (last?.target_operator ?? null) as TargetOperator | null,
    locale,
    region,
    indicator: locale === 'en' ? indicator.name_en : indicator.name_zh
  };
  return {svg: trendChart(points, options), caption: trendCaption(points, options)};
}
