/**
 * A withheld value's band in words: "≥ 99.1%" with "返贫 1–9 户" beside it.
 * The bounds are the published `lower` and `upper`; the households are the
 * rule's 1..k−1 (k of the manifest, the sensitive one for sensitive
 * indicators), named by the count the rule found small, or for a band of
 * both ("10.0%–90.0%") the denominator it lies between none and all of.
 */
import {formatCount, formatValue} from './format-number.ts';
import type {Unit} from './format-number.ts';
import {type Locale, type MessageKey, messageKeys, t} from './i18n.ts';
import type {IndicatorValue, PublishedIndicator, PublishedManifest} from './published-data.ts';

export interface BandText {
  /** The interval of the value: "≥ 99.1%", "≤ 3.6%", "0.4%–3.6%", "1–80人". */
  value: string;
  /** The households the rule speaks of: "返贫 1–9 户". */
  households: string;
}

/** The band of a withheld `value` in words, or null when it shows none. */
export function bandText(
  value: Pick<IndicatorValue, 'lower' | 'upper' | 'band_of' | 'suppressed' | 'denominator'> | undefined,
  indicator: Pick<PublishedIndicator, 'id' | 'unit' | 'sensitive'>,
  disclosure: PublishedManifest['disclosure'],
  locale: Locale
): BandText | null {
  if (!value?.suppressed || value.lower === null || value.upper === null || !value.band_of) return null;
  const unit = indicator.unit as Unit;
  const format = (x: number) => formatValue(x, unit, locale);
  const share = unit === 'percent';
  const text =
    share && value.lower <= 0
      ? t(locale, 'band.atMost', {upper: format(value.upper)})
      : share && value.upper >= 1
        ? t(locale, 'band.atLeast', {lower: format(value.lower)})
        : t(locale, 'band.between', {
            lower: share ? format(value.lower) : String(value.lower),
            upper: format(value.upper)
          });
  const k = indicator.sensitive ? disclosure.k_sensitive : disclosure.k;
  const key = `band.${indicator.id}.${value.band_of}`;
  // A band of both (none and all published, everything between withheld) names the households it is of.
  const generic = value.band_of === 'both' ? 'band.both' : 'band.households';
  const households = t(locale, (BAND_KEYS.has(key) ? key : generic) as MessageKey, {
    // A word joiner after the dash: "1–9" never breaks across lines.
    count: `1–\u2060${k - 1}`,
    total: formatCount(value.denominator, locale)
  });
  return {value: text, households};
}

/** The indicators that name the households of their bands (`band.<indicator>.<count>`); others say "1–9 户". */
const BAND_KEYS = new Set(messageKeys('en').filter((key) => key.split('.').length === 3 && key.startsWith('band.')));
