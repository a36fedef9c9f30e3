import type {Locale} from './i18n.ts';

/**
 * How a page in `locale` writes a place's name given its pinyin: the Chinese
 * name, followed on English pages by the pinyin (`孔田镇 Kongtian Zhen`).
 * Apart from place-name.ts, which computes the pinyin at build time, so that
 * browser code can write names the same way without the pinyin library.
 */
export function placeLabel(name: string, pinyin: string, locale: Locale): string {
  return locale === 'en' && pinyin ? `${name} ${pinyin}` : name;
}
