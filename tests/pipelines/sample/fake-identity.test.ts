import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {dayOf} from '../../../pipelines/sample/calendar.ts';
import {createHeadIdentities, fakeIdNumber, idCheckDigit} from '../../../pipelines/sample/fake-identity.ts';
import {createRandom} from '../../../pipelines/sample/random.ts';
import {hasValidCheckDigit} from './read-sample.ts';

describe('fake identities', () => {
  it('computes the GB 11643-1999 check character of the standard’s example', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
  });

  it('writes ID numbers with the county code, the birth date and a valid check character', () => {
    const birth = fc.integer({min: dayOf(1930, 1, 1), max: dayOf(2005, 12, 31)});
    fc.assert(
      fc.property(birth, fc.integer({min: 1, max: 999}), (day, serial) => {
        const id = fakeIdNumber('360726', day, serial);
        return id.length === 18 && id.startsWith('360726') && hasValidCheckDigit(id);
      })
    );
    expect(fakeIdNumber('360726', dayOf(1961, 1, 27), 55)).toMatch(/^36072619610127055[\dX]$/);
  });

  it('never repeats an ID number within a county, even across villages', () => {
    const ids = new Set<string>();
    let count = 0;
    for (let village = 0; village < 400; village++) {
      const next = createHeadIdentities(createRandom(1, village), '360731', village, 400);
      for (let i = 0; i < 60; i++) {
        const {idNumber, phone} = next(i % 7 !== 0);
        if (idNumber) {
          ids.add(idNumber);
          count++;
        }
        if (phone) expect(phone).toMatch(/^1[35789]\d{9}$/);
      }
    }
    expect(ids.size).toBe(count);
  });
});
