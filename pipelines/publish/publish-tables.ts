import type {DuckDBConnection} from '@duckdb/node-api';
import type {Indicator, SourceCitation} from '../aggregate/indicator-registry.ts';
import {MIN_NOTICE_DAYS} from '../aggregate/village-measures.ts';
import {loadRows} from '../lib/load-rows.ts';
import type {FileAccount} from '../validate/rejection-log.ts';
import {type PublishedTable, publishTable} from './publish-table.ts';
import {writeManifest} from './write-manifest.ts';

export interface PublishOptions {
  dataDir: string;
  workDir: string;
  files: FileAccount[];
  synthetic: boolean;
  indicators: readonly Indicator[];
  suppression: Record<string, {primary: number; complementary: number}>;
}

/** How a citation reads on the site and in the data: 《title》（issuer 文号）clause. */
export function citationText(c: SourceCitation): string {
  const issuer = [c.issuer, c.documentNumber].filter(Boolean).join(' ');
  return `${c.title}${issuer ? `（${issuer}）` : ''}${c.clause}`;
}

/**
 * Creates the public tables from the validated and protected ones and writes
 * each with its manifest entry. Only the tables listed here leave the
 * pipeline: households never do, indicator values only after suppression.
 */
export async function publishTables(connection: DuckDBConnection, options: PublishOptions) {
  const {dataDir, workDir} = options;
  await loadRows(
    connection,
    'pub_indicators',
    {
      id: 'VARCHAR',
      order: 'INTEGER',
      name_zh: 'VARCHAR',
      name_en: 'VARCHAR',
      unit: 'VARCHAR',
      direction: 'VARCHAR',
      definition: 'VARCHAR',
      definition_en: 'VARCHAR',
      formula: 'VARCHAR',
      numerator_zh: 'VARCHAR',
      numerator_en: 'VARCHAR',
      denominator_zh: 'VARCHAR',
      denominator_en: 'VARCHAR',
      population: 'VARCHAR',
      aggregation: 'VARCHAR',
      sensitive: 'BOOLEAN',
      targets: 'VARCHAR',
      source: 'VARCHAR',
      note_zh: 'VARCHAR',
      note_en: 'VARCHAR'
    },
    options.indicators.map((i) => ({
      id: i.id,
      order: i.order,
      name_zh: i.name.zh,
      name_en: i.name.en,
      unit: i.unit,
      direction: i.direction,
      definition: i.definition.zh,
      definition_en: i.definition.en,
      formula: i.formula,
      numerator_zh: i.numerator?.zh ?? null,
      numerator_en: i.numerator?.en ?? null,
      denominator_zh: i.denominator?.zh ?? null,
      denominator_en: i.denominator?.en ?? null,
      population: i.population,
      aggregation: i.aggregation,
      sensitive: i.sensitive,
      // The default targets with the clause each comes from, as JSON text (a cell of a flat table).
      targets: JSON.stringify(
        i.targets.map((t) => ({
          operator: t.operator,
          value: t.value,
          from_year: t.fromYear,
          by_year: t.byYear,
          source: citationText(t.source),
          quote: t.source.quote
        }))
      ),
      source: [...i.targets.map((t) => t.source), ...i.references].map(citationText).join('；'),
      note_zh: i.note?.zh ?? null,
      note_en: i.note?.en ?? null
    })),
    workDir
  );
  await connection.run(`CREATE OR REPLACE VIEW pub_regions AS
    SELECT code, name, level, parent_code, poor_village, deep_poor_village, weak_village FROM regions`);
  await connection.run(`CREATE OR REPLACE VIEW pub_funds AS
    SELECT f.fund_id, f.year, f.level, f.category, f.document_no, f.recipient_code, r.name AS recipient_name,
      f.amount, f.issued_date
    FROM funds f JOIN regions r ON r.code = f.recipient_code`);
  await connection.run(`CREATE OR REPLACE VIEW pub_projects AS
    SELECT p.project_id, p.year, p.name, p.type, p.region_code, r.name AS region_name, p.fund_id, p.budget, p.spent,
      p.beneficiary_households, p.beneficiary_poor_households, p.status, p.start_date, p.end_date, p.responsible_unit,
      p.notice_start, p.notice_end, p.asset_owner, p.hotline,
      date_diff('day', p.notice_start, p.notice_end) + 1 AS notice_days,
      array_to_string(list_filter([
        CASE WHEN p.notice_start IS NULL OR p.notice_end IS NULL THEN 'notice_missing' END,
        CASE WHEN date_diff('day', p.notice_start, p.notice_end) + 1 < ${MIN_NOTICE_DAYS} THEN 'notice_short' END,
        CASE WHEN p.spent > p.budget THEN 'over_budget' END
      ], x -> x IS NOT NULL), ';') AS flags
    FROM projects p JOIN regions r ON r.code = p.region_code`);
  const publish = (table: string, name: string, orderBy: string[], json = false) =>
    publishTable(connection, {table, name, orderBy, dir: dataDir, json});
  const tables: PublishedTable[] = [
    await publish('pub_regions', 'regions', ['code'], true),
    await publish('pub_indicators', 'indicators', ['order'], true),
    await publish('indicator_values', 'indicator_values', ['indicator_id', 'region_code', 'year']),
    await publish('monitoring', 'monitoring', ['region_code', 'year', 'monitor_type', 'risk_flag']),
    await publish('pub_funds', 'funds', ['fund_id'], true),
    await publish('pub_projects', 'projects', ['project_id'])
  ];
  const manifest = await writeManifest(dataDir, {
    tables,
    files: options.files,
    synthetic: options.synthetic,
    suppression: options.suppression
  });
  return {tables, manifest};
}
