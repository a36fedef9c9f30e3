import {describe, expect, it} from 'vitest';
import {maskPersonalNumbers} from '../../../pipelines/validate/mask-personal-numbers.ts';
import {reportJson} from '../../../pipelines/validate/format-report.ts';
import {checkTables} from './check-folder.ts';
import {minimalInput} from './input-folder.ts';

// Invented numbers, shaped as a clerk would type them into the wrong column.
const ID = '36072619920202345X';
const PHONE = '13811112222';

describe('maskPersonalNumbers', () => {
  it('hides ID numbers (18 and 15 characters) and mobile numbers, also full-width or written in groups', () => {
    expect(maskPersonalNumbers(`${ID} / 2024`)).toBe('****************** / 2024');
    expect(maskPersonalNumbers('360726920202345')).toBe('***************');
    expect(maskPersonalNumbers(PHONE)).toBe('***********');
    expect(maskPersonalNumbers('电话 138-1111-2222')).toBe('电话 ***-****-****');
    expect(maskPersonalNumbers('１３８１１１１２２２２')).toBe('***********');
    expect(maskPersonalNumbers('+8613912345671 / 2021')).toBe('+************* / 2021');
    expect(maskPersonalNumbers('139.1234.5671')).toBe('***.****.****');
    expect(maskPersonalNumbers('360726 19800101 1233')).toBe('****** ******** ****');
    expect(maskPersonalNumbers('0797-5900199')).toBe('****-*******');
    expect(maskPersonalNumbers('(0797)5900199')).toBe('(****)*******');
    expect(maskPersonalNumbers('0797 590 0199')).toBe('**** *** ****');
    expect(maskPersonalNumbers('360726 1980 0101 1231')).toBe('****** **** **** ****');
    expect(maskPersonalNumbers('139—1234—5671')).toBe('***—****—****');
    expect(maskPersonalNumbers('139 1234  5671')).toBe('*** ****  ****');
  });

  it('leaves codes, amounts and dates alone: village codes have 12 digits, household ids a letter', () => {
    for (const text of ['360726101001', 'H3607020010010001', '12,500.5', '2021-05-01', '1381111222', '138111122223']) {
      expect(maskPersonalNumbers(text)).toBe(text);
    }
  });
});

describe('the rejection report', () => {
  it('quotes no ID or phone number typed into a column that is not personal', async () => {
    const input = minimalInput();
    input.households[0]!.members = PHONE;
    // An ID number used as the household's number, twice: the duplicate quotes the key.
    input.households[1]!.household_id = ID;
    input.households.push({...input.households[1]!});
    const checked = await checkTables(input);
    const printed = [checked.report.zh, checked.report.en, reportJson(checked.files, checked.problems)].join('\n');
    expect(checked.problems.map((p) => `${p.line} ${p.column} ${p.code} ${p.value}`)).toEqual([
      '2 members E_RANGE ***********',
      '3 household_id E_DUPLICATE ****************** / 2021',
      '6 household_id E_DUPLICATE ****************** / 2021'
    ]);
    for (const value of [ID, PHONE, ID.slice(0, 17)]) expect(printed).not.toContain(value);
  });
});
