/**
 * fast-check arbitraries for cell texts as office exports write them — right,
 * nearly right and wrong — per column type, for the tests that hold the SQL
 * ingest path to the JavaScript one.
 */
import fc from 'fast-check';
import type {ColumnSpec} from '../../../src/lib/input-tables.ts';

const SPACES = [' ', '\u3000', '\u00a0', '\t', '\ufeff', ''];
const space = fc.constantFrom(...SPACES, '', '', '');
/** A piece of text with the spaces around it an export may leave. */
const padded = (inner: fc.Arbitrary<string>) => fc.tuple(space, inner, space).map(([a, b, c]) => a + b + c);
const fullWidth = (text: string) =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replaceAll(' ', '\u3000');
/** Sometimes written with full-width digits and signs, as a Chinese input method does. */
const maybeFullWidth = (inner: fc.Arbitrary<string>) =>
  fc.tuple(inner, fc.nat(3)).map(([text, n]) => (n === 0 ? fullWidth(text) : text));

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), {minLength: min, maxLength: max}).map((d) => d.join(''));
const grouped = fc
  .tuple(digits(1, 3), fc.array(digits(3, 3), {minLength: 1, maxLength: 3}))
  .map(([head, groups]) => [head, ...groups].join(','));
const badGrouped = fc.tuple(digits(1, 4), digits(1, 4)).map(([a, b]) => `${a},${b}`);
const sign = fc.constantFrom('', '', '-', '+', '\u2212');
const fraction = fc.oneof(
  fc.constant(''),
  digits(1, 4).map((d) => `.${d}`),
  fc.constant('.'),
  fc.constant('.0')
);
const number = fc
  .tuple(sign, fc.oneof(digits(0, 6), grouped, badGrouped, digits(14, 20), digits(300, 420)), fraction)
  .map(([s, whole, frac]) => s + whole + frac);
const junk = fc.constantFrom('abc', 'N/A', '—', '1e3', '1.2.3', '0x1F', '12a', '%', '-', '+', '.', '1 000', '٣');

const BOOLEANS = [
  '1',
  '0',
  '是',
  '否',
  'Y',
  'n',
  'Yes',
  'NO',
  'true',
  'False',
  'TRUE',
  '√',
  '×',
  'x',
  '对',
  '2',
  'ｙｅｓ'
];

const dateParts = fc.tuple(digits(4, 4), fc.integer({min: 0, max: 14}), fc.integer({min: 0, max: 32}));
const pad2 = (n: number, on: boolean) => (on ? String(n).padStart(2, '0') : String(n));
const date = fc.oneof(
  fc
    .tuple(dateParts, fc.constantFrom('-', '/', '.'), fc.boolean(), fc.constantFrom('', ' 0:00', 'T12:30:00', ' 24:00'))
    .map(([[y, m, d], sep, pad, time]) => `${y}${sep}${pad2(m, pad)}${sep}${pad2(d, pad)}${time}`),
  fc
    .tuple(dateParts, fc.constantFrom('', ' ', '\u3000'))
    .map(([[y, m, d], s]) => `${y}${s}年${s}${m}${s}月${s}${d}${s}日`),
  fc.constantFrom('2020-5/6', '2021-02-29', '2020-02-29', '2100-02-29', '2000-02-29', '20200506', '2020-13-01'),
  fc
    .tuple(fc.integer({min: 2014, max: 2030}), fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 31}))
    .map(([y, m, d]) => `${y}-${pad2(m, true)}-${pad2(d, true)}`)
);

const riskItem = fc.oneof(
  fc.integer({min: 0, max: 12}).map(String),
  fc.constantFrom('01', '１０', '', ' 3 ', 'a', '100')
);
const riskFlags = fc
  .tuple(fc.array(riskItem, {maxLength: 5}), fc.constantFrom(';', '；', '、', ',', '，'))
  .map(([items, sep]) => items.join(sep));

/** Messy cell texts for a column of `column`'s type (and, for enums, its spellings in any case). */
export function messyCell(column: ColumnSpec): fc.Arbitrary<string> {
  const empty = fc.constantFrom('', ' ', '\u3000');
  const text = (() => {
    switch (column.type) {
      case 'int':
      case 'decimal':
        return fc.oneof({weight: 6, arbitrary: maybeFullWidth(number)}, {weight: 1, arbitrary: junk});
      case 'share':
      case 'quantity':
        return fc.oneof(
          {
            weight: 5,
            arbitrary: maybeFullWidth(fc.tuple(number, fc.constantFrom('', '%', ' %', '％')).map(([n, p]) => n + p))
          },
          {weight: 1, arbitrary: junk}
        );
      case 'bool':
        return fc.constantFrom(...BOOLEANS);
      case 'date':
        return maybeFullWidth(date);
      case 'list':
        return maybeFullWidth(riskFlags);
      case 'enum': {
        const spellings = Object.entries(column.values ?? {}).flatMap(([code, label]) => [code, label]);
        return fc.oneof(
          fc.constantFrom(...spellings),
          fc.constantFrom(...spellings).map((s) => s.toUpperCase()),
          fc.constantFrom(...spellings).map(fullWidth),
          fc.constantFrom('other', '未知', 'non e')
        );
      }
      case 'string':
        return fc.oneof(fc.constantFrom('H0001', '360726101001', '张三', '\\N', 'a,b', 'say "hi"'), fc.string());
    }
  })();
  return fc.oneof({weight: 1, arbitrary: empty}, {weight: 8, arbitrary: padded(text)});
}
