import {describe, expect, it} from 'vitest';
import {bandText} from '../../../src/lib/format-band.ts';
import type {IndicatorValue} from '../../../src/lib/published-data.ts';

const DISCLOSURE = {k: 5, k_sensitive: 10, max_household_members: 20};
const RISK_ELIMINATION = {id: 'risk_elimination_rate', unit: 'percent', sensitive: true} as const;

/** A withheld cell with a band, as indicator_values publishes it. */
const withheld = (
  lower: number,
  upper: number,
  band_of: IndicatorValue['band_of'],
  denominator: number
): Pick<IndicatorValue, 'lower' | 'upper' | 'band_of' | 'suppressed' | 'denominator'> => ({
  lower,
  upper,
  band_of,
  suppressed: true,
  denominator
});

/** The text as a reader sees it: word joiners and no-break spaces as plain text. */
const plain = (text: string | undefined) => text?.replace(/\u2060/g, '').replace(/\s/g, ' ');

describe('bandText', () => {
  it('names the households the rule found small', () => {
    const band = bandText(withheld(0.052, 0.474, 'numerator', 19), RISK_ELIMINATION, DISCLOSURE, 'zh-CN');
    expect([band?.value, plain(band?.households)]).toEqual(['5.2%–47.4%', '已消除风险 1–9 户']);
    const complement = bandText(withheld(0.526, 0.948, 'complement', 19), RISK_ELIMINATION, DISCLOSURE, 'en');
    expect(plain(complement?.households)).toBe('1–9 households still at risk');
  });

  it('names, for a band of both, the households it lies between none and all of', () => {
    const band = bandText(withheld(0.071, 0.929, 'both', 14), RISK_ELIMINATION, DISCLOSURE, 'zh-CN');
    expect([band?.value, plain(band?.households)]).toEqual(['7.1%–92.9%', '监测对象共 14 户']);
    const en = bandText(withheld(0.071, 0.929, 'both', 14), RISK_ELIMINATION, DISCLOSURE, 'en');
    expect(plain(en?.households)).toBe('of 14 households monitored');
    // An indicator without words of its own says how many households.
    const water = {id: 'safe_water_rate', unit: 'percent', sensitive: true} as const;
    expect(plain(bandText(withheld(0.1, 0.9, 'both', 10), water, DISCLOSURE, 'en')?.households)).toBe(
      'of 10 households'
    );
  });

  it('shows none for a published cell or one withheld without a band', () => {
    expect(bandText({...withheld(0.5, 0.5, null, 14), suppressed: false}, RISK_ELIMINATION, DISCLOSURE, 'en')).toBe(
      null
    );
    expect(bandText({...withheld(0, 0, null, 14), lower: null, upper: null}, RISK_ELIMINATION, DISCLOSURE, 'en')).toBe(
      null
    );
  });
});
