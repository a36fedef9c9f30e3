import type {Locale} from './i18n.ts';

const UNITS = ['B', 'KB', 'MB', 'GB'];

/**
 * Returns a file size for a download button: `812 B`, `96.9 KB`, `1.2 MB`
 * (powers of 1024, one decimal from KB up, as file managers show them).
 */
export function formatBytes(bytes: number, locale: Locale = 'zh-CN'): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(locale === 'en' ? 'en' : 'zh-CN', {maximumFractionDigits: digits, minimumFractionDigits: digits})} ${UNITS[unit]}`;
}
