/**
 * Helpers shared by the chart functions: targets, value domains, text width
 * estimates and list wording in both languages.
 */
import {type Unit, formatValue, isFiniteNumber} from '../lib/format-number.ts';
import {type Locale, t} from '../lib/i18n.ts';

/** A target's comparison, as published in `indicator_values.target_operator`. */
import type {TargetOperator} from '../lib/targets.ts';

export {type TargetOperator, satisfiesTarget} from '../lib/targets.ts';

const OPERATOR_SYMBOLS: Readonly<Record<TargetOperator, string>> = {'>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': ''};

/**
 * Returns a target written for reading: "≥90.0%" in Chinese, "≥ 90.0%" in
 * English. An "=" target is written as the bare value ("0人"); a missing
 * operator is read as "≥".
 */
export function formatTarget(
  target: number,
  operator: TargetOperator | null | undefined,
  unit: Unit,
  locale: Locale
): string {
  const symbol = OPERATOR_SYMBOLS[operator ?? '>='] ?? operator;
  const value = formatValue(target, unit, locale);
  if (!symbol) return value;
  return t(locale, 'chart.target', {symbol, value});
}

/** The narrowest value axis per unit, so a flat series is drawn flat rather than magnified into noise. */
const MIN_SPAN: Readonly<Record<Unit, number>> = {percent: 0.05, yuan: 10_000, people: 4, percentage_points: 2};

const PADDING = 0.05;

/**
 * Returns the value axis domain [lo, hi] for `values` and the target:
 * it always shows the target; counts of people start at zero; percentage
 * points include zero; a span narrower than the unit's minimum (5
 * percentage points, ¥10,000, 4 people, 2 pp) is widened around its middle;
 * 5% of the span is added at each end except at a zero baseline; shares are
 * kept within 0–1 when the data are, and non-negative data above zero.
 */
export function valueDomain(values: readonly (number | null)[], unit: Unit, target: number | null): [number, number] {
  const all = values.filter(isFiniteNumber);
  if (isFiniteNumber(target)) all.push(target);
  if (unit === 'people' || unit === 'percentage_points') all.push(0);
  if (all.length === 0) all.push(0);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const floor = Math.min(...all) >= 0 ? 0 : -Infinity;
  const ceiling = unit === 'percent' && Math.max(...all) <= 1 ? 1 : Infinity;
  const span = MIN_SPAN[unit];
  if (hi - lo < span) {
    const mid = (lo + hi) / 2;
    [lo, hi] = [mid - span / 2, mid + span / 2];
  }
  // A little air, so a target or a dot at the extreme does not sit on the axis line.
  const pad = (hi - lo) * PADDING;
  [lo, hi] = [lo === 0 ? 0 : lo - pad, hi + pad];
  if (lo < floor) [lo, hi] = [floor, Math.min(ceiling, hi + floor - lo)];
  if (hi > ceiling) [lo, hi] = [Math.max(floor, lo - (hi - ceiling)), ceiling];
  return [lo, hi];
}

/**
 * Returns an estimate of the rendered width of `text` in pixels at
 * `fontSize`: Chinese characters one em, digits and Latin letters about 0.6
 * em, narrow punctuation less. Deterministic, for laying out margins and
 * legends without a browser to measure in.
 */
export function textWidth(text: string, fontSize = 10): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x2e80) em += 1;
    else if (/[.,:;!|il'’ ]/.test(char)) em += 0.3;
    else if (/[mwMW%]/.test(char)) em += 0.85;
    else em += 0.6;
  }
  return Math.ceil(em * fontSize);
}

/** Returns `items` as a list: "2021、2022" in Chinese, "2021, 2022 and 2023" in English. */
export function joinList(items: readonly string[], locale: Locale): string {
  if (locale !== 'en') return items.join('、');
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Returns an English name in running text: "Family doctor contract rate" -> "family doctor contract rate"; "GDP" stays. */
export function lowerFirst(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}
