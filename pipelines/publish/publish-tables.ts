import {publishBoundaries} from './publish-boundaries.ts';
import type {DuckDBConnection} from '@duckdb/node-api';
import type {Indicator, SourceCitation} from '../aggregate/indicator-registry.ts';
import {MAX_HOUSEHOLD_MEMBERS} from '../../src/lib/input-tables.ts';
import {sqlIdentifier} from '../lib/duckdb.ts';
import {loadRows} from '../lib/load-rows.ts';
import type {FileAccount, RegionRejections} from '../validate/rejection-log.ts';
import {createNotReportedTable, createQualityTable} from './quality-table.ts';
import {INDICATOR_FORMULAS} from '../aggregate/indicator-formulas.ts';
import {join} from 'node:path';
import {createFundProjectViews} from './fund-project-flags.ts';
import {type PublishedTable, describeFile, publishTable} from './write-table-files.ts';
import {type TableDescription, writeDatapackage} from './write-datapackage.ts';
import {latestInputDate} from './latest-input-date.ts';
import {writeManifest} from './write-manifest.ts';
import type {PublicationConfig} from '../../src/lib/publication-config.ts';

export interface PublishOptions {
  dataDir: string;
  workDir: string;
  files: FileAccount[];
  /** Rejected rows that named a region, for the per-county data-quality table. */
  rejections?: readonly RegionRejections[];
  synthetic: boolean;
  indicators: readonly Indicator[];
  suppression: Record<string, {primary: number; complementary: number; banded?: number}>;
  /** Publisher, licence and citation of the site configuration (datapackage.json carries them). */
  site: PublicationConfig;
  /** The smallest count of households published (disclosure control's k), for the not-reported counts. */
  k: number;
  /** The threshold of sensitive cells, for the manifest (what a band of theirs means). */
  kSensitive: number;
}

/** The published tables in catalogue order, with their data-dictionary entries. */
export const PUBLISHED_TABLES: (TableDescription & {json: boolean})[] = [
  {
    table: 'pub_regions',
    name: 'regions',
    json: true,
    primaryKey: ['code'],
    title: {zh: '行政区划', en: 'Regions'},
    description: {
      zh: '市、县、乡镇、村四级行政区划及贫困村、经济薄弱村标识。',
      en: 'City, counties, townships and villages, with poor- and weak-village flags.'
    }
  },
  {
    table: 'pub_indicators',
    name: 'indicators',
    json: true,
    primaryKey: ['order'],
    title: {zh: '指标定义', en: 'Indicators'},
    description: {
      zh: '每个指标的名称、定义、计算公式、单位、默认目标及其政策依据。',
      en: 'Each indicator: names, definition, formula, unit, default targets and their policy sources.'
    }
  },
  {
    table: 'indicator_values',
    name: 'indicator_values',
    json: false,
    primaryKey: ['indicator_id', 'region_code', 'year'],
    title: {zh: '指标数值', en: 'Indicator values'},
    description: {
      zh: '各指标按地区、年度的数值、分子、分母、覆盖范围（已报送单位数 reporting_units／应报送单位数 expected_units，单位见 indicators 表的 coverage_unit）、目标和状态；比率以小数表示（0.95 即 95%）；覆盖率低于阈值时状态为 incomplete（数据不全）；全无报送时数值为空、状态为 incomplete；不公开的单元数值为空。lower、upper 为数值的上下限（含）：公开的数值两者都等于 value；乡镇及以上因户数过少而不公开的单元给出规则所隐含的区间（band_of 说明是分子还是分母减分子为1至k−1户，both 表示分母为k至2(k−1)户时除0和全部以外的值都不公开；并公开其分母），其余不公开的单元为空。',
      en: 'Every indicator per region and year: value, numerator, denominator, coverage (units that reported what it needs, reporting_units, of the units it expects, expected_units; what they count is the coverage_unit of the indicators table), target and status; shares as fractions (0.95 = 95%); below the coverage threshold the status is incomplete; where nothing was reported the value is empty and the status incomplete; withheld cells are empty. lower and upper bound the value (inclusive): both equal value where it is published; a cell above village level withheld because few households stand behind it gives the interval its rule implies (band_of says whether the numerator or the complement, denominator − numerator, counts 1 to k−1 households, or both where a denominator of k to 2(k−1) households leaves every value but none and all withheld; its denominator is published with it); other withheld cells leave them empty.'
    }
  },
  {
    table: 'monitoring',
    name: 'monitoring',
    json: false,
    primaryKey: ['region_code', 'year', 'monitor_type', 'risk_flag'],
    title: {zh: '防返贫监测', en: 'Poverty-return monitoring'},
    description: {
      zh: '监测对象户数、人数和风险消除户数，按地区、年度、监测对象类别和风险特征（乡镇及以上）统计；监测户数不足10户时户数和人数不公开，已消除或未消除风险的户数不足10户时风险消除户数不公开，可被推算的数也不公开（为空）；suppressed 表示该行有不公开的数。',
      en: 'Monitored households, people and households whose risk was eliminated, per region, year, monitor type and risk feature (township and above). Households and people are withheld together where fewer than 10 households are monitored; eliminated households where they, or the households not yet eliminated, are fewer than 10; either also where it could be worked out. A withheld count is empty; suppressed says the row has one.'
    }
  },
  {
    table: 'monitoring_flows',
    name: 'monitoring_flows',
    json: false,
    primaryKey: ['region_code', 'year', 'flow'],
    title: {zh: '防返贫监测对象增减', en: 'Flows into and out of monitoring'},
    description: {
      zh: '各年度新纳入监测和退出监测的户数（flow：entered 纳入、exited 退出），按乡镇及以上地区统计；按户编号逐年比对，同一地区上年户数＋纳入－退出＝本年户数；不足10户或可被推算的单元不公开，同一地区同一年度的纳入与退出一并不公开。',
      en: 'Households that entered and left monitoring each year (flow: entered, exited), per region of township level and above; households are followed by id from year to year, so last year’s count + entered − exited = this year’s count; cells under 10 households, or that could be worked out, are withheld, the two flows of a region and year together.'
    }
  },
  {
    table: 'quality',
    name: 'quality',
    json: true,
    primaryKey: ['region_code', 'dataset', 'measure'],
    title: {zh: '数据质量', en: 'Data quality'},
    description: {
      zh: '按县（市、区）统计的计数：每个输入文件读取、接受、拒绝的行数及各错误代码的问题数（dataset 为文件名，measure 为 read、accepted、rejected 或错误代码），以及各公开数据表中不公开的单元数（measure 为 withheld）；市本级的行记在市代码下（全省的数据中，省本级的行记在省代码下），代码无法识别的行 region_code 为空。不含任何个人记录。',
      en: 'Counts per county: rows read, accepted and rejected of each input file and problems by error code (dataset is the file, measure is read, accepted, rejected or the error code), and withheld cells of each published table (measure withheld); rows about the city itself under the city code (in the data of a province, rows about the province itself under the province code), rows whose code is not a known region with an empty region_code. No record-level data.'
    }
  },
  {
    table: 'not_reported',
    name: 'not_reported',
    json: true,
    primaryKey: ['region_code', 'dataset', 'column', 'year'],
    title: {zh: '未报送数据', en: 'Cells not reported'},
    description: {
      zh: '按县（市、区）、输入文件、列和年度统计的空白（未报送）单元格数：户和村的计量列留空表示尚未报送，该行照常接受，需要这一项的指标只计已报送的单位，并在 indicator_values 中公布覆盖范围（reporting_units／expected_units）。只列大于零的计数；户的计数若使该县已报送户数为1至4户则不公开（suppressed）。不含任何个人记录。',
      en: 'Empty (not reported) cells per county, input file, column and year: an empty measure cell of a household or village means it has not been reported yet; the row is accepted, the indicators that need the cell count only the units that reported it, and indicator_values publishes their coverage (reporting_units / expected_units). Counts above zero only; a household count that would leave 1 to 4 reporting households in the county is withheld (suppressed). No record-level data.'
    }
  },
  {
    table: 'pub_funds',
    name: 'funds',
    json: true,
    primaryKey: ['fund_id'],
    title: {zh: '资金分配结果', en: 'Fund allocations'},
    description: {
      zh: '各级财政衔接资金的分配结果：级次、类别、文号、下达地区、金额和日期；以及对账：使用该资金的项目数、计划投资合计、已支付合计和提示（over_committed 项目计划投资合计超过资金金额，no_project 无项目使用）。',
      en: 'Fund allocations: level, category, document number, recipient, amount and date; and their reconciliation: projects drawing on the fund, the sum of their budgets and of their spending, and flags (over_committed: budgets above the amount; no_project: no project draws on it).'
    }
  },
  {
    table: 'pub_projects',
    name: 'projects',
    json: false,
    primaryKey: ['project_id'],
    title: {zh: '项目安排和资金使用', en: 'Projects and spending'},
    description: {
      zh: '每个项目的地点、类型、资金来源、计划投资、已支付、受益户数、状态、公示期和提示（notice_missing 未公示，notice_short 公示不足10天，over_budget 支出超预算，underspent 已完工但支付不足计划投资的90%，overdue 超过完工日期仍未完工（以数据最新年度的12月31日为准，见 manifest.json 的 flags_reference_date；未填完工日期的项目不作此提示），beneficiaries_inconsistent 受益户数不一致）。',
      en: 'Every project: place, type, fund, budget, spent, beneficiaries, status, notice period and flags (notice_missing: no notice; notice_short: notice under 10 days; over_budget: spent above budget; underspent: completed or accepted with under 90% of the budget paid; overdue: not completed after its end date, judged at 31 December of the latest data year, flags_reference_date in manifest.json (never for a project without an end date); beneficiaries_inconsistent: beneficiary counts that contradict each other or the households of the place).'
    }
  }
];

/**
 * Returns a view of `table` that names the region of each row: `region_name`
 * and `level`, where the table lacks them, after `region_code`, so that a
 * reader of a table keyed by region needs no join with regions.csv to know
 * which place a row is about. A table without `region_code`, or that has
 * both already, is returned as it is.
 */
async function withRegionNames(connection: DuckDBConnection, table: string): Promise<string> {
  const described = await connection.runAndReadAll(`DESCRIBE ${sqlIdentifier(table)}`);
  const columns = described.getRowObjectsJS().map((row) => String(row.column_name));
  if (!columns.includes('region_code') || (columns.includes('region_name') && columns.includes('level'))) return table;
  const level = columns.includes('level') ? [] : ['r.level AS level'];
  // The name and level follow the code, or the name where the table has one already (projects).
  const select = columns.flatMap((column) => {
    if (column === 'region_code')
      return ['t.region_code', ...(columns.includes('region_name') ? [] : ['r.name AS region_name', ...level])];
    if (column === 'region_name') return ['t.region_name', ...level];
    return [`t.${sqlIdentifier(column)}`];
  });
  const view = `${table}_named`;
  await connection.run(`CREATE OR REPLACE VIEW ${sqlIdentifier(view)} AS
    SELECT ${select.join(', ')} FROM ${sqlIdentifier(table)} t LEFT JOIN regions r ON r.code = t.region_code`);
  return view;
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
      coverage_unit: 'VARCHAR',
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
      coverage_unit: INDICATOR_FORMULAS[i.id]?.unit ?? null,
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
  const {referenceDate} = await createFundProjectViews(connection);
  await createQualityTable(connection, options.files, options.rejections ?? [], workDir);
  const notReported = await createNotReportedTable(connection, options.k);
  const tables: PublishedTable[] = [];
  const published = [];
  for (const t of PUBLISHED_TABLES) {
    const named = {...t, table: await withRegionNames(connection, t.table)};
    published.push(named);
    tables.push(await publishTable(connection, {...named, orderBy: t.primaryKey, dir: dataDir}));
  }
  await writeDatapackage(connection, dataDir, published, options.site);
  const datapackage = await describeFile(join(dataDir, 'datapackage.json'));
  const boundaries = await publishBoundaries(connection, dataDir);
  const manifest = await writeManifest(dataDir, {
    releaseDate: options.site.release_date ?? (await latestInputDate(connection)),
    tables,
    files: options.files,
    synthetic: options.synthetic,
    suppression: options.suppression,
    disclosure: {k: options.k, kSensitive: options.kSensitive, maxHouseholdMembers: MAX_HOUSEHOLD_MEMBERS},
    flagsReferenceDate: referenceDate,
    notReported,
    otherFiles: [datapackage, boundaries]
  });
  return {tables, manifest};
}
