import {dayOf, formatDay} from './calendar.ts';
import type {Random} from './random.ts';

/** The personal data of a household head. Invented, but shaped like the real thing so PII scans have work to do. */
export interface FakeIdentity {
  name: string;
  idNumber: string;
  phone: string;
}

// Surnames common in Gannan's Hakka counties, most frequent first (weights rough).
const SURNAMES = [...'刘陈李钟谢赖曾黄王廖邱朱何温罗胡杨肖张郭吴林徐邓蓝龚叶魏唐周孙蔡宋江潘严彭卢古凌'];
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / (i + 4));
const MALE_GIVEN = [...'明华国平建文军春生荣福金发永德清辉海林强勇伟东新志良成贵兴水长光红财俊祥'];
const FEMALE_GIVEN = [...'秀英兰芳梅玉珍凤霞丽娟红莲花桂群琴香娥菊月翠英莉燕萍'];
// Mobile prefixes of the three carriers (13x, 15x, 17x, 18x, 19x).
const PHONE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '130',
  '131',
  '132',
  '133',
  '150',
  '151',
  '152'
].concat([
  '155',
  '157',
  '158',
  '159',
  '153',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199'
]);

// GB 11643-1999: weights 2^(17-i) mod 11 for the first 17 digits; the sum mod 11 indexes the check character.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Returns the check character (0–9 or X) of the first 17 digits of a 居民身份证号码 (GB 11643-1999). */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`not 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/**
 * Returns an 18-digit ID number: the county code as 地址码, the birth date,
 * a 3-digit 顺序码 (odd for men, even for women, as the standard says) and a
 * valid check character.
 */
export function fakeIdNumber(countyCode: string, birthDay: number, serial: number): string {
  const first17 = countyCode + formatDay(birthDay).replaceAll('-', '') + String(serial).padStart(3, '0');
  return first17 + idCheckDigit(first17);
}

/** Returns a two- or three-character Chinese name. */
export function fakeName(random: Random, male: boolean): string {
  const given = male ? MALE_GIVEN : FEMALE_GIVEN;
  const surname = SURNAMES[random.weighted(SURNAME_WEIGHTS)]!;
  return surname + random.pick(given) + (random.chance(0.8) ? random.pick(given) : '');
}

/** Returns an 11-digit mobile number. */
export function fakePhone(random: Random): string {
  return random.pick(PHONE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

/**
 * Returns a source of household-head identities for one village. The
 * 顺序码 range is split among the county's villages (`villageIndex` of
 * `villagesInCounty`), and each village never repeats a birth date with a
 * serial, so no two heads of a county share an ID number. Name, ID number
 * and phone are each left empty for a few households, as in real registers.
 */
export function createHeadIdentities(
  random: Random,
  countyCode: string,
  villageIndex: number,
  villagesInCounty: number
): (male: boolean) => FakeIdentity {
  const block = Math.max(2, Math.floor(999 / Math.max(1, villagesInCounty)));
  const first = ((villageIndex * block) % 998) + 1;
  const serials = Array.from({length: block}, (_, i) => first + i).filter((s) => s <= 999);
  const male = serials.filter((s) => s % 2 === 1);
  const female = serials.filter((s) => s % 2 === 0);
  const used = new Set<number>();

  return (isMale) => {
    const pool = (isMale ? male : female).length > 0 ? (isMale ? male : female) : serials;
    let birthDay: number;
    let serial: number;
    do {
      // Heads aged 25–85 in 2019, most around 55.
      const age = 25 + Math.round(30 * (random.next() + random.next()));
      birthDay = dayOf(2019 - age, 1, 1) + random.int(0, 364);
      serial = random.pick(pool);
    } while (used.has(birthDay * 1000 + serial));
    used.add(birthDay * 1000 + serial);
    return {
      name: random.chance(0.97) ? fakeName(random, isMale) : '',
      idNumber: random.chance(0.95) ? fakeIdNumber(countyCode, birthDay, serial) : '',
      phone: random.chance(0.85) ? fakePhone(random) : ''
    };
  };
}
