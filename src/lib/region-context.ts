/**
 * What a leader asks first about an indicator of a region: how it compares with its parent, where it ranks among
 * its siblings, how it moved since last year, and which of its own sub-regions is furthest from the target. Used by
 * the region pages and their one-page briefings; every figure comes from published values that are shown (a
 * withheld value is never ranked, compared or subtracted).
 */
import {type Unit, formatPercentagePoints, formatValue} from './format-number.ts';
import type {IndicatorIndex} from './indicator-index.ts';
import type {Locale} from './i18n.ts';
import {type TargetOperator, satisfiesTarget} from './targets.ts';
import type {IndicatorValue, PublishedIndicator, PublishedRegion} from './published-data.ts';
import type {RegionTree} from './region-tree.ts';

/** The context of one indicator of one region in one year. */
export interface IndicatorContext {
  indicator: PublishedIndicator;
  value: IndicatorValue | undefined;
  /** The change since the year before, in the indicator's own terms (percentage points for rates), or null. */
  change: number | null;
  parent: {region: PublishedRegion; value: IndicatorValue | undefined} | null;
  /** 1 is best; ties share a rank. Null where the indicator has no better direction or the value is not shown. */
  rank: {rank: number; of: number} | null;
  /** The sub-region furthest short of its target, with how far; null where none shown is short. */
  furthest: {region: PublishedRegion; value: IndicatorValue; gap: number} | null;
  /** Whether every sub-region's value is shown and judged against a target: only then can none short mean all met. */
  allJudged: boolean;
}

/** A published value as a number, or null where it is withheld or not reported. */
export const shown = (v: IndicatorValue | undefined): number | null =>
  v && !v.suppressed && typeof v.value === 'number' ? v.value : null;

/**
 * How far a value falls short of its own target, by the target's comparison: positive when short (for "> t" a value
 * of exactly t is short by 0, counted short), 0 or less when met; null where the value is not shown or has no target.
 */
export function shortfall(v: IndicatorValue): number | null {
  const value = shown(v);
  if (value === null || v.target === null) return null;
  if (satisfiesTarget(value, v.target_operator as TargetOperator, v.target)) return 0;
  // Missed: by how much, whichever side the target wants (at least a hair, so that "> 0" missed at 0 counts).
  return Math.max(Math.abs(value - v.target), Number.MIN_VALUE);
}

/** The difference of two values of `unit` as the change is read: percentage points for shares. */
export function changeBetween(unit: Unit, now: number, before: number): number {
  return unit === 'percent' ? (now - before) * 100 : now - before;
}

/** A change written with its sign: "+1.2个百分点", "−3,200元", "+12人". */
export function formatChange(change: number | null, unit: Unit, locale: Locale): string {
  if (change === null) return '—';
  if (unit === 'percent' || unit === 'percentage_points') return formatPercentagePoints(change, locale);
  const magnitude = formatValue(Math.abs(change), unit, locale);
  return change > 0 ? `+${magnitude}` : change < 0 ? `−${magnitude}` : magnitude;
}

/** The context of every indicator of `code` in `year`. */
export function regionContext(index: IndicatorIndex, tree: RegionTree, code: string, year: number): IndicatorContext[] {
  const parentRegion = tree.ancestors(code).at(-1) ?? null;
  const siblings = parentRegion ? tree.children(parentRegion.code) : [];
  const children = tree.children(code);
  return index.indicators.map((indicator) => {
    const value = index.get(indicator.id, code, year);
    const now = shown(value);
    const before = shown(index.get(indicator.id, code, year - 1));
    const change = now !== null && before !== null ? changeBetween(indicator.unit, now, before) : null;
    let rank: IndicatorContext['rank'] = null;
    if (now !== null && indicator.direction !== 'neutral' && siblings.length > 1) {
      const others = siblings.map((s) => shown(index.get(indicator.id, s.code, year))).filter((x) => x !== null);
      const better = others.filter((x) => (indicator.direction === 'higher_is_better' ? x > now : x < now));
      rank = {rank: better.length + 1, of: others.length};
    }
    let furthest: IndicatorContext['furthest'] = null;
    let allJudged = children.length > 0;
    for (const child of children) {
      const v = index.get(indicator.id, child.code, year);
      const gap = v ? shortfall(v) : null;
      if (gap === null) allJudged = false;
      if (v && gap !== null && gap > 0 && (!furthest || gap > furthest.gap)) furthest = {region: child, value: v, gap};
    }
    const parent = parentRegion
      ? {region: parentRegion, value: index.get(indicator.id, parentRegion.code, year)}
      : null;
    return {indicator, value, change, parent, rank, furthest, allJudged};
  });
}
