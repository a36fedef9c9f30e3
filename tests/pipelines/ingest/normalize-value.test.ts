import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {HOUSEHOLD_STATUSES} from '../../../src/lib/input-tables.ts';
import {invalid} from '../../../pipelines/ingest/cell-value.ts';
import {
  enumLookup,
  normalizeBoolean,
  normalizeDate,
  normalizeDecimal,
  normalizeEnum,
  normalizeInteger,
  normalizeRiskFlags,
  normalizeShare,
  normalizeString
} from '../../../pipelines/ingest/normalize-value.ts';

const cases = <T>(normalize: (raw: string) => T, table: [string, T][]) =>
  it.each(table)('%j -> %j', (raw, expected) => expect(normalize(raw)).toEqual(expected));

describe('normalizeString', () => {
  cases(normalizeString, [
    ['  章贡区 ', '章贡区'],
    ['\u3000水东村\u3000', '水东村'],
    ['', null],
    ['   ', null]
  ]);
});

describe('normalizeInteger', () => {
  cases(normalizeInteger, [
    ['4', 4],
    [' 12 ', 12],
    ['1,234', 1234],
    ['-3', -3],
    ['+7', 7],
    ['９５', 95],
    ['１，２３４', 1234],
    ['3.0', 3],
    ['', null],
    ['3.5', invalid('E_INTEGER')],
    ['1,5', invalid('E_INTEGER')],
    ['1e3', invalid('E_INTEGER')],
    ['四', invalid('E_INTEGER')],
    ['12人', invalid('E_INTEGER')],
    ['9007199254740993', invalid('E_INTEGER')]
  ]);
});

describe('normalizeDecimal', () => {
  cases(normalizeDecimal, [
    ['1234.5', 1234.5],
    ['1,234.5', 1234.5],
    ['１，２３４．５', 1234.5],
    ['－１２', -12],
    ['0.05', 0.05],
    ['.5', 0.5],
    ['1,234,567.89', 1234567.89],
    ['', null],
    ['1,23', invalid('E_NUMBER')],
    ['12,34.5', invalid('E_NUMBER')],
    ['1.23457E+11', invalid('E_NUMBER')],
    ['¥100', invalid('E_NUMBER')],
    ['1.2.3', invalid('E_NUMBER')],
    ['-', invalid('E_NUMBER')],
    ['5.', invalid('E_NUMBER')]
  ]);
});

describe('normalizeShare', () => {
  cases(normalizeShare, [
    ['95%', 0.95],
    ['95 %', 0.95],
    ['９５％', 0.95],
    ['33.3%', 0.333],
    ['0.95', 0.95],
    ['1', 1],
    ['120', 120],
    ['', null],
    ['95%%', invalid('E_SHARE')],
    ['九成', invalid('E_SHARE')]
  ]);
});

describe('normalizeBoolean', () => {
  cases(normalizeBoolean, [
    ['1', true],
    ['0', false],
    ['是', true],
    ['否', false],
    ['Y', true],
    ['N', false],
    ['y', true],
    ['n', false],
    ['true', true],
    ['FALSE', false],
    ['True', true],
    [' 是 ', true],
    ['Ｙ', true],
    ['√', true],
    ['', null],
    ['2', invalid('E_BOOLEAN')],
    ['有', invalid('E_BOOLEAN')],
    ['yes no', invalid('E_BOOLEAN')]
  ]);
});

describe('normalizeDate', () => {
  cases(normalizeDate, [
    ['2020-05-06', '2020-05-06'],
    ['2020/5/6', '2020-05-06'],
    ['2020年5月6日', '2020-05-06'],
    ['2020-5-6', '2020-05-06'],
    ['2020.5.6', '2020-05-06'],
    ['２０２０年５月６日', '2020-05-06'],
    ['2020/5/6 0:00', '2020-05-06'],
    ['2020-02-29', '2020-02-29'],
    ['', null],
    ['2021-02-29', invalid('E_DATE')],
    ['2021-02-30', invalid('E_DATE')],
    ['2020-13-01', invalid('E_DATE')],
    ['2020-04-31', invalid('E_DATE')],
    ['1900-02-29', invalid('E_DATE')],
    ['2020-5/6', invalid('E_DATE')],
    ['6/5/2020', invalid('E_DATE')],
    ['43957', invalid('E_DATE')],
    ['2020/5/6 25:00', invalid('E_DATE')]
  ]);
});

describe('normalizeEnum', () => {
  const lookup = enumLookup(HOUSEHOLD_STATUSES);
  cases(
    (raw: string) => normalizeEnum(raw, lookup),
    [
      ['exited', 'exited'],
      ['已脱贫', 'exited'],
      [' 返贫 ', 'returned'],
      ['Exited', 'exited'],
      ['非建档立卡', 'none'],
      ['', null],
      ['脱贫', invalid('E_ENUM')],
      ['exit', invalid('E_ENUM')]
    ]
  );
});

describe('normalizeRiskFlags', () => {
  cases(normalizeRiskFlags, [
    ['3', [3]],
    ['3;1', [1, 3]],
    ['1；3、10', [1, 3, 10]],
    ['2,2，4', [2, 4]],
    ['１;３;', [1, 3]],
    [' 5 ; 6 ', [5, 6]],
    ['', null],
    [';', null],
    ['0', invalid('E_RISK_FLAG')],
    ['11', invalid('E_RISK_FLAG')],
    ['1;x', invalid('E_RISK_FLAG')],
    ['1.5', invalid('E_RISK_FLAG')],
    ['1 3', invalid('E_RISK_FLAG')]
  ]);
});

/** The shortest round-trip decimal text of `x`, without an exponent. */
function plainText(x: number): string {
  const [mantissa = '', exponent = '0'] = Math.abs(x).toString().split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const shift = Number(exponent);
  const digits = whole + fraction;
  const point = whole.length + shift;
  const text =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (x < 0 ? '-' : '') + text.replace(/^0+(?=\d)/, '');
}

const group = (text: string) =>
  text.replace(/^(-?)(\d+)/, (_, sign: string, whole: string) => sign + whole.replace(/\B(?=(\d{3})+$)/g, ','));
const fullWidth = (text: string) => text.replace(/[-0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const finite = fc.double({noNaN: true, noDefaultInfinity: true}).map((x) => x + 0);

describe('number properties', () => {
  it('reads back any finite number written plain, with thousands separators, or in full width', () => {
    fc.assert(
      fc.property(
        finite,
        fc.constantFrom(
          plainText,
          (x: number) => group(plainText(x)),
          (x: number) => fullWidth(group(plainText(x)))
        ),
        (x, format) => {
          expect(normalizeDecimal(format(x))).toBe(x);
        }
      )
    );
  });

  it('reads back any safe integer with separators or full-width digits', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(normalizeInteger(group(String(n)))).toBe(n + 0);
        expect(normalizeInteger(fullWidth(group(String(n))))).toBe(n + 0);
      })
    );
  });
});

describe('date properties', () => {
  it('normalises any valid date written in the three forms to the same ISO date', () => {
    const day = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true
    });
    fc.assert(
      fc.property(day, (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const iso = date.toISOString().slice(0, 10);
        expect(normalizeDate(iso)).toBe(iso);
        expect(normalizeDate(`${y}/${m}/${d}`)).toBe(iso);
        expect(normalizeDate(`${y}年${m}月${d}日`)).toBe(iso);
      })
    );
  });
});
