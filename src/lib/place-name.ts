/**
 * Place names for English readers: the Chinese name with its pinyin, as road
 * signs and maps write it (孔田镇 → "Kongtian Zhen"). The rules are those of
 * the Chinese place-name romanisation (《中国地名汉语拼音字母拼写规则》): the
 * specific part is written as one word, the generic part (镇, 村委会 …) as a
 * word of its own, each capitalised, without tones, with an apostrophe where
 * a syllable starting with a, o or e would run into the one before (Xi'an).
 * Build time only: the browser gets the names already written.
 */
import {pinyin} from 'pinyin-pro';
import type {Locale} from './i18n.ts';
import {placeLabel} from './place-label.ts';

/** Generic parts of the names of regions, longest first so that 村民委员会 wins over 委员会. */
const GENERIC_PARTS: readonly (readonly [string, string])[] = [
  ['社区居民委员会', 'Shequ Jumin Weiyuanhui'],
  ['村民委员会', 'Cunmin Weiyuanhui'],
  ['居民委员会', 'Jumin Weiyuanhui'],
  ['自治区', 'Zizhiqu'],
  ['村委会', 'Cunweihui'],
  ['居委会', 'Juweihui'],
  ['办事处', 'Banshichu'],
  ['街道', 'Jiedao'],
  ['社区', 'Shequ'],
  ['村', 'Cun'],
  ['镇', 'Zhen'],
  ['乡', 'Xiang'],
  ['县', 'Xian'],
  ['区', 'Qu'],
  ['市', 'Shi'],
  ['省', 'Sheng']
];

/**
 * Readings that place names take and everyday words do not, where the
 * library follows the everyday one: 都 is dū in a place (于都, 宁都, 都昌),
 * not dōu ("all").
 */
const PLACE_READINGS: Readonly<Record<string, string>> = {都: 'du'};

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The first `count` syllables of `name`'s pinyin as one word, without tones,
 * with the apostrophe before a syllable that starts with a vowel. The whole
 * name is read, generic part included, for the library's words to apply.
 */
function pinyinWord(name: string, count: number): string {
  const chars = [...name];
  const syllables = pinyin(name, {toneType: 'none', type: 'array', v: false}).slice(0, count);
  return syllables
    .map((syllable, i) => PLACE_READINGS[chars[i]!] ?? syllable)
    .map((syllable, i) => (i > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable))
    .join('')
    .replace(/\s+/g, '');
}

const cache = new Map<string, string>();

/**
 * Returns the pinyin of a place name, generic part apart (`孔田镇` →
 * `Kongtian Zhen`, `杨梅村委会` → `Yangmei Cunweihui`); `''` for a name with
 * no Chinese in it.
 */
export function placePinyin(name: string): string {
  const known = cache.get(name);
  if (known !== undefined) return known;
  let result = '';
  if (/\p{Script=Han}/u.test(name)) {
    const generic = GENERIC_PARTS.find(([part]) => name.endsWith(part) && name.length > part.length);
    const specific = [...name].length - [...(generic?.[0] ?? '')].length;
    result = [capitalise(pinyinWord(name, specific)), generic?.[1]].filter(Boolean).join(' ');
  }
  cache.set(name, result);
  return result;
}

/**
 * Returns a place's name as a page in `locale` shows it: the Chinese name,
 * followed on English pages by its pinyin (`孔田镇 Kongtian Zhen`), so that a
 * reader can both say it and match it with documents and signs.
 */
export function placeName(name: string, locale: Locale): string {
  return placeLabel(name, locale === 'en' ? placePinyin(name) : '', locale);
}

/** A county's name on a small map: 安远县 → 安远, 章贡区 → 章贡; in English its pinyin without the generic part. */
export function shortPlaceName(name: string, locale: Locale): string {
  if (locale === 'en') return placePinyin(name).split(' ')[0]!;
  return [...name].length > 2 && /[县区市]$/.test(name) ? name.slice(0, -1) : name;
}
