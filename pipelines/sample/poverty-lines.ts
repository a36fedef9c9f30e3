import {povertyLineAmounts} from '../reference/poverty-lines.ts';
import {YEARS} from './calendar.ts';

/**
 * The income line per person per year (yuan) of every year the sample draws
 * incomes for, from the shipped table. Throws when one is missing, since
 * incomes below the line are drawn against it.
 */
export function samplePovertyLines(): Map<number, number> {
  const lines = povertyLineAmounts();
  for (const year of YEARS) {
    if (!lines.has(year)) throw new Error(`poverty line missing for year ${year}`);
  }
  return lines;
}
