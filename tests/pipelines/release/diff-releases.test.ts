/**
 * The changelog between two releases (issue 6), computed in real DuckDB from
 * small Parquet fixtures: rows added, removed and changed by the table's key
 * (NULL key cells included), columns added and removed, tables new or
 * dropped, and every revised indicator value with its old and new value.
 */
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Changelog} from '../../../src/lib/releases.ts';
import {openDuckDB, sqlString} from '../../../pipelines/lib/duckdb.ts';
import {diffReleases} from '../../../pipelines/release/diff-releases.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-diff-'));
const before = join(root, 'before');
const after = join(root, 'after');
let connection: DuckDBConnection;
let changelog: Changelog;

async function writeTable(dir: string, name: string, select: string) {
  mkdirSync(dir, {recursive: true});
  await connection.run(`COPY (${select}) TO ${sqlString(join(dir, `${name}.parquet`))} (FORMAT parquet)`);
}

const VALUES = `SELECT * FROM (VALUES
  ('family_doctor_rate', '3607', 2023, 0.91::DOUBLE, 'met'),
  ('family_doctor_rate', '3607', 2024, 0.93::DOUBLE, 'met'),
  ('family_doctor_rate', '360702', 2024, NULL::DOUBLE, 'suppressed'),
  ('consolidation_rate', '3607', 2024, 0.99::DOUBLE, 'met')
) v(indicator_id, region_code, year, value, status)`;

beforeAll(async () => {
  connection = await openDuckDB();
  await writeTable(before, 'indicator_values', VALUES);
  // 2023 is revised, 360702 is published at last, consolidation_rate is dropped and 2025 is added.
  await writeTable(
    after,
    'indicator_values',
    `SELECT * FROM (VALUES
      ('family_doctor_rate', '3607', 2023, 0.92::DOUBLE, 'met'),
      ('family_doctor_rate', '3607', 2024, 0.93::DOUBLE, 'met'),
      ('family_doctor_rate', '360702', 2024, 0.88::DOUBLE, 'off_track'),
      ('family_doctor_rate', '3607', 2025, 0.95::DOUBLE, 'met')
    ) v(indicator_id, region_code, year, value, status)`
  );
  // A key with a NULL cell (total over risk features) stays the same row; a column is added.
  await writeTable(
    before,
    'monitoring',
    `SELECT * FROM (VALUES ('3607', NULL::INTEGER, 12), ('3607', 1, 5)) v(region_code, risk_flag, households)`
  );
  await writeTable(
    after,
    'monitoring',
    `SELECT * FROM (VALUES ('3607', NULL::INTEGER, 12, 30), ('3607', 1, 6, 14)) v(region_code, risk_flag, households, people)`
  );
  await writeTable(before, 'funds', `SELECT 'F1' AS fund_id, 100.0 AS amount`);
  await writeTable(after, 'projects', `SELECT 'P1' AS project_id UNION ALL SELECT 'P2'`);
  changelog = await diffReleases(connection, {
    previousDir: before,
    currentDir: after,
    release: 'new',
    previous: 'old',
    tables: [
      {name: 'indicator_values', primaryKey: ['indicator_id', 'region_code', 'year']},
      {name: 'monitoring', primaryKey: ['region_code', 'risk_flag']},
      {name: 'projects', primaryKey: ['project_id']},
      {name: 'funds', primaryKey: ['fund_id']}
    ]
  });
});
afterAll(() => rmSync(root, {recursive: true, force: true}));

const table = (name: string) => changelog.tables.find((t) => t.table === name)!;

describe('diffReleases', () => {
  it('counts the rows added, removed and changed by key, and lists their keys', () => {
    const values = table('indicator_values');
    expect(values).toMatchObject({rows_before: 4, rows_after: 4, added: 1, removed: 1, changed: 2});
    expect(values.keys.added).toEqual([{indicator_id: 'family_doctor_rate', region_code: '3607', year: 2025}]);
    expect(values.keys.removed).toEqual([{indicator_id: 'consolidation_rate', region_code: '3607', year: 2024}]);
    expect(values.keys.changed).toEqual([
      {indicator_id: 'family_doctor_rate', region_code: '3607', year: 2023},
      {indicator_id: 'family_doctor_rate', region_code: '360702', year: 2024}
    ]);
  });

  it('matches key cells that are NULL in both releases, and reports a new column', () => {
    const monitoring = table('monitoring');
    expect(monitoring).toMatchObject({
      added: 0,
      removed: 0,
      changed: 1,
      columns_added: ['people'],
      columns_removed: []
    });
    expect(monitoring.keys.changed).toEqual([{region_code: '3607', risk_flag: 1}]);
  });

  it('counts every row of a new table as added and of a dropped table as removed', () => {
    expect(table('projects')).toMatchObject({rows_before: null, rows_after: 2, added: 2, removed: 0, changed: 0});
    expect(table('funds')).toMatchObject({rows_before: 1, rows_after: null, added: 0, removed: 1, changed: 0});
  });

  it('lists every revised indicator value, old and new, including values published at last', () => {
    expect(changelog.revised_values).toEqual([
      {
        indicator_id: 'family_doctor_rate',
        region_code: '3607',
        year: 2023,
        old_value: 0.91,
        new_value: 0.92,
        old_status: 'met',
        new_status: 'met'
      },
      {
        indicator_id: 'family_doctor_rate',
        region_code: '360702',
        year: 2024,
        old_value: null,
        new_value: 0.88,
        old_status: 'suppressed',
        new_status: 'off_track'
      }
    ]);
  });

  it('finds nothing between a release and itself', async () => {
    const same = await diffReleases(connection, {
      previousDir: before,
      currentDir: before,
      release: 'old',
      previous: 'old',
      tables: [{name: 'indicator_values', primaryKey: ['indicator_id', 'region_code', 'year']}]
    });
    expect(same.tables[0]).toMatchObject({added: 0, removed: 0, changed: 0});
    expect(same.revised_values).toEqual([]);
  });
});
