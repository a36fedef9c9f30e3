// Issue 5, item 4: every flag rule of projects and the reconciliation of funds, on small tables through DuckDB.
import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, describe, expect, it} from 'vitest';
import {openDuckDB} from '../../../pipelines/lib/duckdb.ts';
import {createFundProjectViews} from '../../../pipelines/publish/fund-project-flags.ts';
import {readRows} from '../../../pipelines/lib/read-rows.ts';
import {PROJECT_FLAGS, type ProjectFlag, splitFlags} from '../../../src/lib/flags.ts';

interface ProjectFixture {
  id: string;
  year?: number;
  region?: string;
  fund?: string;
  budget?: number;
  spent?: number;
  households?: number;
  poor?: number;
  status?: string;
  /** null: no end date (work in progress or a planned project may not know it yet). */
  end?: string | null;
  notice?: [string, string] | null;
}

const VILLAGE = '360726101001';
const PROJECTS: ProjectFixture[] = [
  {id: 'ok'},
  {id: 'notice-missing', notice: null},
  {id: 'notice-half', notice: ['2021-03-01', '2021-03-01']},
  {id: 'notice-9-days', notice: ['2021-03-01', '2021-03-09']},
  {id: 'notice-10-days', notice: ['2021-03-01', '2021-03-10']},
  {id: 'over-budget', spent: 100_000.01},
  {id: 'completed-underspent', status: 'completed', spent: 89_999.99},
  {id: 'completed-90-percent', status: 'completed', spent: 90_000},
  {id: 'accepted-underspent', status: 'accepted', spent: 50_000},
  {id: 'in-progress-underspent', status: 'in_progress', spent: 10_000, end: '2021-12-31'},
  {id: 'in-progress-overdue', status: 'in_progress', spent: 50_000, end: '2021-12-30'},
  {id: 'planned-overdue', status: 'planned', spent: 0, end: '2021-06-30'},
  // Issue 13: a project without an end date is never overdue (its completion date is not known yet).
  {id: 'in-progress-no-end', status: 'in_progress', spent: 50_000, end: null},
  {id: 'planned-no-end', status: 'planned', spent: 0, end: null},
  {id: 'completed-past-end', status: 'completed', end: '2021-01-31'},
  {id: 'poor-above-all', households: 10, poor: 11},
  {id: 'above-place', households: 41, poor: 0},
  {id: 'at-place', households: 40, poor: 0},
  // The township's household count is withheld: nothing may be judged from it.
  {id: 'place-withheld', region: '360726101', households: 500, poor: 0},
  // 2020 has no household count published for the village.
  {id: 'no-count-that-year', year: 2020, households: 500, poor: 0, end: '2020-12-31'},
  {id: 'two-flags', spent: 120_000, notice: null}
];

async function loadFixture(connection: DuckDBConnection, projects: ProjectFixture[]) {
  await connection.run(`CREATE OR REPLACE TABLE regions AS SELECT * FROM (VALUES
    ('360726', '安远县'), ('360726101', '欣山镇'), ('${VILLAGE}', '东门村')) t(code, name)`);
  await connection.run(`CREATE OR REPLACE TABLE indicator_values AS SELECT * FROM (VALUES
    ('sanitary_toilet_rate', '${VILLAGE}', 2021, 40, false),
    ('sanitary_toilet_rate', '360726101', 2021, NULL, true),
    ('family_doctor_rate', '${VILLAGE}', 2020, 3.0, false)) t(indicator_id, region_code, year, expected_units, suppressed)`);
  await connection.run(`CREATE OR REPLACE TABLE funds AS SELECT * FROM (VALUES
    ('F1', 2021, 'central', '财政专项扶贫资金', '财农〔2021〕1号', '360726', 300000.00::DOUBLE, DATE '2021-02-01'),
    ('F2', 2021, 'county', '县级衔接资金', '安财农〔2021〕2号', '360726', 100000.00::DOUBLE, DATE '2021-03-01'),
    ('F3', 2021, 'provincial', '衔接推进乡村振兴补助资金', '赣财农〔2021〕3号', '360726', 50000.00::DOUBLE, DATE '2021-03-01'))
    t(fund_id, year, level, category, document_no, recipient_code, amount, issued_date)`);
  const values = projects.map((p) => {
    const notice = p.notice === undefined ? ['2021-03-01', '2021-03-15'] : p.notice;
    const date = (d: string | null | undefined) => (d === undefined || d === null ? 'NULL' : `DATE '${d}'`);
    return `('${p.id}', ${p.year ?? 2021}, '项目', '基础设施', '${p.region ?? VILLAGE}', '${p.fund ?? 'F1'}',
      ${p.budget ?? 100_000}::DOUBLE, ${p.spent ?? 100_000}::DOUBLE, ${p.households ?? 20}, ${p.poor ?? 5}, '${p.status ?? 'accepted'}',
      DATE '2021-04-01', ${date(p.end === undefined ? '2021-10-31' : p.end)}, '县农业农村局', ${date(notice?.[0])}, ${date(notice?.[1])},
      '村集体', '12317')`;
  });
  await connection.run(`CREATE OR REPLACE TABLE projects AS SELECT * FROM (VALUES ${values.join(',\n')})
    t(project_id, year, name, type, region_code, fund_id, budget, spent, beneficiary_households,
      beneficiary_poor_households, status, start_date, end_date, responsible_unit, notice_start, notice_end,
      asset_owner, hotline)`);
}

describe('project flags', () => {
  let flags: Map<string, string>;
  let referenceDate: string | null;

  beforeAll(async () => {
    const connection = await openDuckDB();
    await loadFixture(connection, PROJECTS);
    ({referenceDate} = await createFundProjectViews(connection));
    const rows = await readRows(connection, 'SELECT project_id, flags FROM pub_projects');
    flags = new Map(rows.map((r) => [String(r.project_id), String(r.flags)]));
  });

  it('uses the flag ids the site knows, in their order, and every one of them', () => {
    const seen = [...flags.values()].flatMap((cell) => splitFlags<ProjectFlag>(cell));
    expect(new Set(seen)).toEqual(new Set(PROJECT_FLAGS));
    for (const cell of flags.values()) {
      const ids = splitFlags<ProjectFlag>(cell).map((f) => PROJECT_FLAGS.indexOf(f));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });

  it('judges overdue projects at the last day of the latest project year', () => {
    expect(referenceDate).toBe('2021-12-31');
  });

  it.each([
    ['ok', ''],
    ['notice-missing', 'notice_missing'],
    ['notice-half', 'notice_short'],
    ['notice-9-days', 'notice_short'],
    ['notice-10-days', ''],
    ['over-budget', 'over_budget'],
    ['completed-underspent', 'underspent'],
    ['completed-90-percent', ''],
    ['accepted-underspent', 'underspent'],
    ['in-progress-underspent', ''],
    ['in-progress-overdue', 'overdue'],
    ['planned-overdue', 'overdue'],
    ['in-progress-no-end', ''],
    ['planned-no-end', ''],
    ['completed-past-end', ''],
    ['poor-above-all', 'beneficiaries_inconsistent'],
    ['above-place', 'beneficiaries_inconsistent'],
    ['at-place', ''],
    ['place-withheld', ''],
    ['no-count-that-year', ''],
    ['two-flags', 'notice_missing;over_budget']
  ])('%s → "%s"', (id, expected) => {
    expect(flags.get(id)).toBe(expected);
  });
});

describe('fund reconciliation', () => {
  it('counts the projects of each fund, sums their budgets and spending, and flags over-commitment and idle funds', async () => {
    const connection = await openDuckDB();
    await loadFixture(connection, [
      {id: 'a', fund: 'F1', budget: 100_000.1, spent: 90_000.2},
      {id: 'b', fund: 'F1', budget: 199_999.9, spent: 100_000.1},
      {id: 'c', fund: 'F2', budget: 60_000, spent: 60_000},
      {id: 'd', fund: 'F2', budget: 40_000.01, spent: 0, status: 'planned'}
    ]);
    await createFundProjectViews(connection);
    const rows = await readRows(
      connection,
      'SELECT fund_id, amount, project_count, projects_budget, projects_spent, flags FROM pub_funds ORDER BY fund_id'
    );
    expect(rows).toEqual([
      {
        fund_id: 'F1',
        amount: 300_000,
        project_count: 2,
        projects_budget: 300_000,
        projects_spent: 190_000.3,
        flags: ''
      },
      {
        fund_id: 'F2',
        amount: 100_000,
        project_count: 2,
        projects_budget: 100_000.01,
        projects_spent: 60_000,
        flags: 'over_committed'
      },
      {fund_id: 'F3', amount: 50_000, project_count: 0, projects_budget: 0, projects_spent: 0, flags: 'no_project'}
    ]);
  });
});
