/**
 * Display formatting of indicator values, money and counts, in Chinese
 * (万/亿, 元, 人, 个百分点) and English (¥, million, people, pp).
 *
 * Rules shared by every function here:
 * - `null`, `undefined`, NaN and ±Infinity print as "—" (an em dash): the
 *   site never shows "NaN".
 * - Rounding is half away from zero on the decimal value as written
 *   (0.9995 is 99.95%, not the binary 99.94999…), so a figure rounds the way a
 *   person checking it by hand expects.
 * - Negatives take a true minus sign "−" (U+2212), as Plot's axes do; a value
 *   that rounds to zero prints without a sign.
 * - Thousands are grouped with commas in both languages, as the published
 *   statistical yearbooks and `toLocaleString('zh-CN')` do.
 */
import type {Locale} from './i18n.ts';

/** The unit of an indicator, as in the published `indicators.csv`. */
export type Unit = 'percent' | 'yuan' | 'people' | 'percentage_points';

/** What a missing or non-finite number prints as. */
export const MISSING = '—';

const MINUS = '\u2212';

/**
 * Returns `value` formatted for display in its unit:
 * - `percent` (a share 0–1): ×100, one decimal, "95.3%" (see {@link formatPercent});
 * - `yuan`: "8,500元", "13.2万元", "1.56亿元" / "¥8,500", "¥1.56 million" (see {@link formatYuan});
 * - `people`: "1,234人" / "1,234 people" (see {@link formatPeople});
 * - `percentage_points` (already in points): signed, one decimal, "+1.2个百分点" / "+1.2 pp"
 *   (see {@link formatPercentagePoints}).
 *
 * Null prints as "—". Throws on a unit it does not know.
 */
export function formatValue(value: number | null | undefined, unit: Unit, locale: Locale): string {
  switch (unit) {
    case 'percent':
      return formatPercent(value, locale);
    case 'yuan':
      return formatYuan(value, locale);
    case 'people':
      return formatPeople(value, locale);
    case 'percentage_points':
      return formatPercentagePoints(value, locale);
    default:
      throw new Error(`unknown unit: ${String(unit)}`);
  }
}

/**
 * Returns a share (0–1) as a percentage with one decimal: 0.953 -> "95.3%",
 * the same in both languages. A share strictly between 0 and 1 never prints
 * as "0.0%" or "100.0%": 0.9996 prints "99.9%" and 0.0004 prints "0.1%", so a
 * rate short of a "≥ 100%" target never looks as if it met it, and a rate
 * above zero never looks like zero. Shares outside 0–1 round normally.
 */
export function formatPercent(share: number | null | undefined, _locale: Locale = 'zh-CN'): string {
  if (!isFiniteNumber(share)) return MISSING;
  let percent = roundHalfAway(share * 100, 1);
  if (share > 0 && share < 1) percent = Math.min(Math.max(percent, 0.1), 99.9);
  return `${signed(percent, 1)}%`;
}

/**
 * Returns an amount of money in yuan. Chinese counts in 万 (10⁴) and 亿 (10⁸)
 * with up to two decimals and trailing zeros dropped: 8,500 -> "8,500元",
 * 132,000 -> "13.2万元", 50,000 -> "5万元", 156,000,000 -> "1.56亿元".
 * English writes whole yuan below a million and then millions and billions:
 * "¥132,000", "¥1.56 million", "¥2.5 billion". An amount that rounds up to the
 * next tier moves to it: 99,999,999 -> "1亿元", 999,999.6 -> "¥1 million".
 */
export function formatYuan(amount: number | null | undefined, locale: Locale): string {
  if (!isFiniteNumber(amount)) return MISSING;
  const tiers = locale === 'en' ? EN_YUAN_TIERS : ZH_YUAN_TIERS;
  const {text, suffix} = inTiers(amount, tiers);
  return locale === 'en' ? yen(text, suffix) : `${text}${suffix}元`;
}

/**
 * Returns an amount of money to the fen, for checking sums by hand:
 * 1234567.8 -> "1,234,567.80元" / "¥1,234,567.80".
 */
export function formatYuanExact(amount: number | null | undefined, locale: Locale): string {
  if (!isFiniteNumber(amount)) return MISSING;
  const text = formatFen(amount);
  return locale === 'en' ? `¥${text}` : `${text}元`;
}

/** Returns yuan to the fen without the unit, for a column headed by it: 1234567.8 -> "1,234,567.80". */
export function formatFen(amount: number | null | undefined): string {
  if (!isFiniteNumber(amount)) return MISSING;
  return `${amount < 0 ? MINUS : ''}${FEN.format(Math.abs(amount))}`;
}

// One formatter for every call: `toLocaleString` with options builds a new one each time, and a city's build formats
// some millions of amounts (0.05 ms each, most of a minute).
const FEN = new Intl.NumberFormat('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});

/** Returns a whole number with thousands separators: 4081 -> "4,081"; fractions round half away from zero. */
export function formatCount(n: number | null | undefined, _locale: Locale = 'zh-CN'): string {
  if (!isFiniteNumber(n)) return MISSING;
  return signed(roundHalfAway(n, 0), 0);
}

/** Returns a number of people: "1,234人" / "1,234 people", "1 person". */
export function formatPeople(n: number | null | undefined, locale: Locale): string {
  if (!isFiniteNumber(n)) return MISSING;
  const count = formatCount(n, locale);
  if (locale !== 'en') return `${count}人`;
  return `${count} ${Math.abs(roundHalfAway(n, 0)) === 1 ? 'person' : 'people'}`;
}

/**
 * Returns a difference in percentage points, signed, one decimal:
 * "+1.2个百分点" / "+1.2 pp". The sign follows the value, not its rounding
 * (0.04 prints "+0.0 pp"), since the target of `income_growth_gap` is "> 0";
 * only an exact zero prints unsigned.
 */
export function formatPercentagePoints(points: number | null | undefined, locale: Locale): string {
  if (!isFiniteNumber(points)) return MISSING;
  const magnitude = fixed(roundHalfAway(Math.abs(points), 1), 1);
  const sign = points > 0 ? '+' : points < 0 ? MINUS : '';
  return locale === 'en' ? `${sign}${magnitude} pp` : `${sign}${magnitude}个百分点`;
}

/**
 * Returns a compact axis tick label for a value in `unit`: "90%", "92.5%";
 * "5万元", "1.5亿元" / "¥50k", "¥1.5m"; "12"; "+2", "−1.5". Ticks are round
 * numbers, so no padding zeros are shown.
 */
export function formatTick(value: number, unit: Unit, locale: Locale): string {
  if (!isFiniteNumber(value)) return '';
  switch (unit) {
    case 'percent':
      return `${trimmed(value * 100, 1)}%`;
    case 'yuan': {
      const tiers = locale === 'en' ? EN_TICK_TIERS : ZH_YUAN_TIERS;
      const {text, suffix} = inTiers(value, tiers);
      return locale === 'en' ? yen(text, suffix) : `${text}${suffix}元`;
    }
    case 'people':
      return trimmed(value, 1);
    case 'percentage_points':
      return value > 0 ? `+${trimmed(value, 1)}` : trimmed(value, 1);
    default:
      throw new Error(`unknown unit: ${String(unit)}`);
  }
}

/** Returns whether `x` is a finite number (not null, NaN or ±Infinity). */
export function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Rounds half away from zero to `decimals`, on the decimal value: the
 * product is first cut to 12 significant digits, which drops binary noise
 * (0.9995 × 100 = 99.94999…) without touching any figure we display.
 */
export function roundHalfAway(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(x) * factor).toPrecision(12));
  const rounded = Math.round(scaled) / factor;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

interface Tier {
  /** Smallest magnitude written in this tier. */
  min: number;
  divisor: number;
  decimals: number;
  suffix: string;
}

const ZH_YUAN_TIERS: Tier[] = [
  {min: 0, divisor: 1, decimals: 0, suffix: ''},
  {min: 1e4, divisor: 1e4, decimals: 2, suffix: '万'},
  {min: 1e8, divisor: 1e8, decimals: 2, suffix: '亿'}
];
const EN_YUAN_TIERS: Tier[] = [
  {min: 0, divisor: 1, decimals: 0, suffix: ''},
  {min: 1e6, divisor: 1e6, decimals: 2, suffix: ' million'},
  {min: 1e9, divisor: 1e9, decimals: 2, suffix: ' billion'}
];
const EN_TICK_TIERS: Tier[] = [
  {min: 0, divisor: 1, decimals: 0, suffix: ''},
  {min: 1e3, divisor: 1e3, decimals: 1, suffix: 'k'},
  {min: 1e6, divisor: 1e6, decimals: 2, suffix: 'm'},
  {min: 1e9, divisor: 1e9, decimals: 2, suffix: 'bn'}
];

/** Writes `x` in the largest tier it reaches, moving up a tier when rounding carries it over. */
function inTiers(x: number, tiers: readonly Tier[]): {text: string; suffix: string} {
  let i = tiers.findLastIndex((tier) => Math.abs(x) >= tier.min);
  if (i < 0) i = 0;
  let tier = tiers[i]!;
  let rounded = roundHalfAway(x / tier.divisor, tier.decimals);
  const next = tiers[i + 1];
  if (next && Math.abs(rounded) * tier.divisor >= next.min) {
    tier = next;
    rounded = roundHalfAway(x / tier.divisor, tier.decimals);
  }
  return {text: trimmed(rounded, tier.decimals), suffix: tier.suffix};
}

/** `x` (already rounded) with exactly `decimals` decimals, grouped thousands, and "−" when negative. */
function signed(x: number, decimals: number): string {
  const text = fixed(Math.abs(x), decimals);
  return x < 0 ? `${MINUS}${text}` : text;
}

/** "¥" placed after the sign: "¥1,200", "−¥1,200". */
function yen(text: string, suffix: string): string {
  return text.startsWith(MINUS) ? `${MINUS}¥${text.slice(1)}${suffix}` : `¥${text}${suffix}`;
}

/** `x` (≥ 0, already rounded) with exactly `decimals` decimals and grouped thousands. */
function fixed(x: number, decimals: number): string {
  const [int, frac] = x.toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** `x` rounded to at most `decimals` decimals, trailing zeros dropped, grouped, with "−" when negative. */
function trimmed(x: number, decimals: number): string {
  const rounded = roundHalfAway(x, decimals);
  let text = fixed(Math.abs(rounded), decimals);
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  return rounded < 0 ? `${MINUS}${text}` : text;
}
