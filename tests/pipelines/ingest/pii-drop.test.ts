import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {inputTable} from '../../../src/lib/input-tables.ts';
import {readInputTable} from '../../../pipelines/ingest/read-input-table.ts';
import type {IngestedRow} from '../../../pipelines/ingest/read-input-table.ts';
import {formatProblem} from '../../../pipelines/lib/error-codes.ts';
import type {Problem} from '../../../pipelines/lib/error-codes.ts';
import {fixtureFolder} from './fixture-folder.ts';

const households = inputTable('households');
const PII = ['head_name', 'id_number', 'phone'];
const GOOD: Record<string, string> = {
  household_id: 'H1',
  year: '2021',
  village_code: '360702001001',
  members: '3',
  registered: '是',
  status: '已脱贫',
  exit_year: '2019',
  monitored: '否',
  per_capita_income: '12,000.5',
  labor_count: '2',
  employed_count: '1',
  industry_covered: '是',
  family_doctor_signed: '3',
  medical_insured: '3',
  sanitary_toilet: '是',
  safe_housing: '是',
  safe_water: '是',
  dropout_children: '0'
};
// Every PII value carries this character, found nowhere else in the file.
const MARK = '秘';
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const household = fc.record({
  pii: fc.tuple(...[1, 2, 3].map(() => fc.string({unit: 'grapheme'}))).map((values) => values.map((v) => MARK + v)),
  fault: fc.constantFrom('none', 'members', 'pii-only', 'field-count')
});

describe('PII columns', () => {
  it('never reach rows, rejections or messages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(household, {minLength: 1, maxLength: 8}), async (records) => {
        const header = households.columns.map((c) => c.name);
        const lines = records.map(({pii, fault}) => {
          const cells = header.map((name) => {
            if (PII.includes(name)) return csvField(pii[PII.indexOf(name)]!);
            if (name === 'members' && fault === 'members') return 'x';
            return GOOD[name] ?? '';
          });
          if (fault === 'field-count') cells.push(csvField(pii[0]!));
          // A row holding nothing but PII is read like any other, never skipped as blank.
          if (fault === 'pii-only')
            return header.map((name) => (PII.includes(name) ? csvField(pii[PII.indexOf(name)]!) : '')).join(',');
          return cells.join(',');
        });
        const folder = await fixtureFolder({'households.csv': [header.join(','), ...lines, ''].join('\r\n')});
        const rows: IngestedRow[] = [];
        const problems: Problem[] = [];
        const result = await readInputTable(
          folder,
          households,
          (r) => rows.push(r),
          (p) => problems.push(p)
        );

        expect(result.piiColumns).toEqual(PII);
        expect(result.rowsRead).toBe(records.length);
        expect(new Set(problems.map((p) => p.line)).size).toBe(result.rowsRejected);
        expect(rows.length + result.rowsRejected).toBe(result.rowsRead);
        for (const row of rows) for (const name of PII) expect(row.values).not.toHaveProperty(name);
        const messages = problems.flatMap((p) => [formatProblem(p, 'zh'), formatProblem(p, 'en')]);
        expect(JSON.stringify({result, rows, problems, messages})).not.toContain(MARK);
      }),
      {numRuns: 40}
    );
  });
});
