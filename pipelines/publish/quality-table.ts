import type {DuckDBConnection} from '@duckdb/node-api';
import {inputTable, measureColumns} from '../../src/lib/input-tables.ts';
import {sqlIdentifier, sqlString} from '../lib/duckdb.ts';
import {loadRows} from '../lib/load-rows.ts';
import type {FileAccount, RegionRejections} from '../validate/rejection-log.ts';
import {readRows} from '../lib/read-rows.ts';

export const QUALITY_COLUMNS = {region_code: 'VARCHAR', dataset: 'VARCHAR', measure: 'VARCHAR', count: 'BIGINT'};

/**
 * Input tables with the column that places a row (and how its rows count), and the published tables whose withheld
 * cells are counted. Households are counted from their per-village measures: their own table is dropped once they
 * are aggregated.
 */
const PLACED_BY: Record<string, [table: string, column: string, rows?: string]> = {
  'regions.csv': ['regions', 'code'],
  'households.csv': ['village_household_measures', 'code', 'sum(hh_all)'],
  'villages.csv': ['villages', 'village_code'],
  'funds.csv': ['funds', 'recipient_code'],
  'projects.csv': ['projects', 'region_code'],
  'targets.csv': ['targets', 'region_code']
};
const WITHHELD_IN = ['indicator_values', 'monitoring', 'monitoring_flows'];

/**
 * Creates the published `quality` table (数据质量): counts only, per county,
 * per dataset and per measure. For each input file: rows `read`, `accepted`,
 * `rejected` and the problems of each error code (`E_…`; a rejected row may
 * have several); for each published table of household aggregates: cells
 * `withheld`. A row is placed in the county of its region or village code;
 * rows about the city itself under the city's code; rows whose code is not an
 * accepted region, rows without one (a line that could not be read, a
 * duplicate, a region row) under an empty code (unattributed). Never
 * row-level data, and never below county level.
 */
export async function createQualityTable(
  connection: DuckDBConnection,
  files: readonly FileAccount[],
  rejections: readonly RegionRejections[],
  workDir: string
): Promise<void> {
  // Each accepted region's county; the city and the province are each their own line.
  const countyOf = new Map(
    (
      await readRows(
        connection,
        `SELECT r.code, CASE WHEN r.level IN ('province', 'city') THEN r.code ELSE a.ancestor_code END AS county
         FROM regions r LEFT JOIN ancestry a ON a.code = r.code AND a.ancestor_level = 'county'`
      )
    ).map((r) => [String(r.code), String(r.county ?? '')])
  );
  const counts = new Map<string, number>();
  const add = (region: string, source: string, measure: string, n: number) => {
    if (n === 0) return;
    const key = `${region}\u0000${source}\u0000${measure}`;
    counts.set(key, (counts.get(key) ?? 0) + n);
  };

  const tables = new Set(
    (await readRows(connection, 'SELECT table_name FROM duckdb_tables()')).map((r) => String(r.table_name))
  );
  for (const account of files) {
    const placed = PLACED_BY[account.file];
    if (placed && tables.has(placed[0])) {
      const [table, column, rowsOf = 'count(*)'] = placed;
      const rows = await readRows(
        connection,
        `SELECT ${sqlIdentifier(column)}::VARCHAR AS code, ${rowsOf} AS n FROM ${sqlIdentifier(table)} GROUP BY ALL`
      );
      for (const {code, n} of rows) add(countyOf.get(String(code)) ?? '', account.file, 'accepted', Number(n));
    }
    // Rejected rows: placed by the code they were written with; the rest of the file's rejections unattributed.
    let placedRows = 0;
    const placedCodes: Record<string, number> = {};
    for (const r of rejections.filter((x) => x.file === account.file)) {
      const county = countyOf.get(r.regionCode) ?? '';
      add(county, account.file, 'rejected', r.rows);
      placedRows += r.rows;
      for (const [code, n] of Object.entries(r.byCode)) {
        add(county, account.file, code, n);
        placedCodes[code] = (placedCodes[code] ?? 0) + n;
      }
    }
    add('', account.file, 'rejected', account.rowsRejected - placedRows);
    for (const [code, n] of Object.entries(account.rejectedByCode))
      add('', account.file, code, n - (placedCodes[code] ?? 0));
  }
  // Rows read = accepted + rejected, per county as per file.
  for (const [key, n] of [...counts]) {
    const [region, source, measure] = key.split('\u0000') as [string, string, string];
    if (measure === 'accepted' || measure === 'rejected') add(region, source, 'read', n);
  }

  for (const table of WITHHELD_IN.filter((t) => tables.has(t))) {
    const rows = await readRows(
      connection,
      `SELECT region_code, count(*) FILTER (suppressed) AS n FROM ${sqlIdentifier(table)} GROUP BY ALL`
    );
    for (const {region_code: code, n} of rows) add(countyOf.get(String(code)) ?? '', table, 'withheld', Number(n));
  }

  const published = [...counts].map(([key, count]) => {
    const [region_code, source, measure] = key.split('\u0000') as [string, string, string];
    return {region_code: region_code === '' ? null : region_code, dataset: source, measure, count};
  });
  await loadRows(connection, 'quality', QUALITY_COLUMNS, published, workDir);
}

/**
 * Creates the published `not_reported` table (未报送): per county, input
 * file, measure column and year, how many cells were left empty — "not
 * reported" (contract v2), so the indicators that need them count fewer
 * units. Households are counted from their per-village counts (their own
 * table is gone by now); only counts above zero are listed. Where a county's
 * households (all, or the registered) minus its count would be 1..k−1 — the
 * households that did report — every county's count of that household column
 * and year is withheld (`suppressed`, zeros listed too). Returns the published
 * total of each measure column of each file, zeros included, for the manifest.
 */
export async function createNotReportedTable(
  connection: DuckDBConnection,
  k: number
): Promise<Record<string, Record<string, number>>> {
  const cells = [
    ...measureColumns(inputTable('households')).map(
      (c) => `SELECT code, year, 'households.csv' AS dataset, ${sqlString(c.name)} AS "column",
        ${sqlIdentifier(`nr_${c.name}`)} AS cells FROM village_household_measures`
    ),
    ...measureColumns(inputTable('villages')).map(
      (c) => `SELECT village_code AS code, year, 'villages.csv' AS dataset, ${sqlString(c.name)} AS "column",
        count(*) FILTER (${sqlIdentifier(c.name)} IS NULL) AS cells FROM villages GROUP BY ALL`
    )
  ];
  // A county's count of households that left a cell empty tells, with its households (published as coverage),
  // how many did report: 1..k−1 of all or of the registered households is a small count, and then every
  // county's count of that column and year is withheld, zeros too, so that the city's coverage minus the
  // others cannot give it either (both found by black-box tests).
  await connection.run(`CREATE OR REPLACE TABLE not_reported AS
    WITH counts AS (
      SELECT a.ancestor_code AS region_code, c.dataset, c."column", c.year::INTEGER AS year, sum(c.cells)::BIGINT AS cells
      FROM (${cells.join('\nUNION ALL\n')}) c JOIN ancestry a ON a.code = c.code AND a.ancestor_level = 'county'
      GROUP BY ALL HAVING sum(c.cells) > 0),
    small AS (
      SELECT DISTINCT c.dataset, c."column", c.year
      FROM counts c JOIN household_measures h ON h.code = c.region_code AND h.year = c.year
      WHERE c.dataset = 'households.csv'
        AND (h.hh_all - c.cells BETWEEN 1 AND ${k - 1} OR h.hh_reg - c.cells BETWEEN 1 AND ${k - 1}))
    SELECT c.region_code, c.dataset, c."column", c.year, c.cells, false AS suppressed
    FROM counts c ANTI JOIN small s USING (dataset, "column", year)
    UNION ALL
    SELECT h.code AS region_code, s.dataset, s."column", s.year, NULL::BIGINT AS cells, true AS suppressed
    FROM small s JOIN household_measures h ON h.year = s.year AND h.level = 'county'`);
  const totals: Record<string, Record<string, number>> = {};
  for (const spec of [inputTable('households'), inputTable('villages')]) {
    totals[spec.file] = Object.fromEntries(measureColumns(spec).map((c) => [c.name, 0]));
  }
  const rows = await readRows(
    connection,
    'SELECT dataset, "column", sum(cells)::BIGINT AS n FROM not_reported WHERE NOT suppressed GROUP BY ALL'
  );
  for (const {dataset, column, n} of rows) totals[String(dataset)]![String(column)] = Number(n);
  return totals;
}
