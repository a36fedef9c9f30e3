/**
 * Status names as the charts' sentences and legends use them: the UI's words
 * (status.* in src/i18n), in English in lower case, as they run in a
 * sentence ("12 met, 3 on track").
 */
import {type Locale, t} from '../lib/i18n.ts';
import {lowerFirst} from './chart-data.ts';
import {isStatus} from './palette.ts';

/** Returns the name of `status` in `locale` ("达标" / "met"); an unknown status is returned as given. */
export function statusLabel(status: string, locale: Locale): string {
  if (!isStatus(status)) return status;
  return lowerFirst(t(locale, `status.${status}`));
}
