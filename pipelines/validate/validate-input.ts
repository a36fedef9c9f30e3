import type {DuckDBConnection} from '@duckdb/node-api';
import {
  INPUT_TABLES,
  type InputTableName,
  type RegionLevel,
  inputTable,
  measureColumns
} from '../../src/lib/input-tables.ts';
import {rm} from 'node:fs/promises';
import {join} from 'node:path';
import {type IngestResult, type IngestedRow, isFile, readInputTable} from '../ingest/read-input-table.ts';
import {isGb18030File, transcodeToUtf8} from '../ingest/transcode-to-utf8.ts';
import type {Problem} from '../lib/error-codes.ts';
import type {Progress} from '../lib/progress.ts';
import {readRows} from '../lib/read-rows.ts';
import {sqlIdentifier} from '../lib/duckdb.ts';
import {findPersonalDataInProjects} from './personal-data-in-projects.ts';
import {rejectDuplicates} from './reject-duplicates.ts';
import type {RejectionLog} from './rejection-log.ts';
import {RowCheck} from './row-check.ts';
import {createTableLoader} from './table-loader.ts';
import {checkFund} from './validate-funds.ts';
import {householdRulesSql} from './household-rules-sql.ts';
import {type DuckDBLoad, type SqlRules, loadTableInDuckDB} from './load-table-in-duckdb.ts';
import {checkHousehold} from './validate-households.ts';
import {checkProject} from './validate-projects.ts';
import {validateRegions} from './validate-regions.ts';
import {type IndicatorUnits, checkTarget} from './validate-targets.ts';
import {checkVillage} from './validate-villages.ts';

export interface ValidateInputOptions {
  input: string;
  connection: DuckDBConnection;
  /** Scratch folder for the normalised copies DuckDB loads. */
  workDir: string;
  /** The known indicators' units by id, for targets.csv. */
  indicatorUnits: IndicatorUnits;
  log: RejectionLog;
  progress: Progress;
  /** Read every file with the streaming JavaScript path (tests compare it with the DuckDB path). */
  streamingOnly?: boolean;
  /** Required files allowed to hold a header and no rows (`--allow-empty`); any other such file is E_NO_ROWS. */
  allowEmpty?: ReadonlySet<string>;
}

/** The column naming the region of a row, by which the data-quality page counts rejected rows per county. */
const REGION_COLUMNS: Partial<Record<InputTableName, string>> = {
  households: 'village_code',
  villages: 'village_code',
  funds: 'recipient_code',
  projects: 'region_code',
  targets: 'region_code'
};

/** Key columns that must be unique within each file. */
const UNIQUE_KEYS: Partial<Record<InputTableName, string[]>> = {
  households: ['household_id', 'year'],
  villages: ['village_code', 'year'],
  funds: ['fund_id'],
  projects: ['project_id'],
  targets: ['indicator_id', 'region_code', 'year']
};

/**
 * Reads every input file in dependency order (regions first, households
 * last), applies the row and cross-file rules, and loads the accepted rows
 * into DuckDB tables named after the input tables. Every row read ends up
 * either in its table or in `log`. File-level faults throw a PipelineError.
 */
export async function validateInput(options: ValidateInputOptions): Promise<void> {
  const {connection, log} = options;
  const regionRows: IngestedRow[] = [];
  const stage = options.progress.stage('validate regions.csv');
  const regionsFile = await ingest(options, 'regions', (row) => regionRows.push(row));
  const regions = validateRegions('regions.csv', regionRows);
  for (const problems of regions.rejected) log.rejectRow('regions.csv', problems);
  const loader = createTableLoader(connection, inputTable('regions'), options.workDir);
  regions.accepted.forEach((row) => loader.add(row));
  log.accept('regions.csv', await loader.finish());
  stage.tick(regionsFile.rowsRead);
  stage.done(`${regions.rejected.length} rejected`);

  const regionLevels = new Map(regions.accepted.map((r) => [String(r.values.code), r.values.level as RegionLevel]));
  const regionCodes = new Set(regionLevels.keys());
  const villageCodes = new Set([...regionLevels].filter(([, level]) => level === 'village').map(([code]) => code));

  await loadTable(options, 'funds', (check) => checkFund(check, regionCodes));
  const fundIds = new Set((await readRows(connection, 'SELECT fund_id FROM funds')).map((r) => String(r.fund_id)));
  await loadTable(options, 'villages', (check) => checkVillage(check, villageCodes));
  await loadTable(options, 'projects', (check) => checkProject(check, regionLevels, fundIds));
  await loadTable(options, 'targets', (check) => checkTarget(check, options.indicatorUnits, regionCodes));
  await loadTable(
    options,
    'households',
    (check) => checkHousehold(check, villageCodes),
    (v) => householdRulesSql(v, `SELECT code FROM regions WHERE level = 'village'`)
  );
  const search = options.progress.stage('look for personal data in projects.csv');
  const personal = await findPersonalDataInProjects(connection, options.input);
  for (const problem of personal) log.fault(problem);
  search.done(`${personal.length} found`);
}

/**
 * The DuckDB path for one file (see load-table-in-duckdb.ts), through a UTF-8
 * copy in the private work folder when the file is GB18030 (GBK); undefined
 * when the file must take the streaming path instead, which also reports a
 * missing file.
 */
async function loadThroughDuckDB(
  options: ValidateInputOptions,
  table: InputTableName,
  rules: SqlRules
): Promise<DuckDBLoad | undefined> {
  const spec = inputTable(table);
  const path = join(options.input, spec.file);
  if (!(await isFile(path))) return undefined;
  const load = (file: string) =>
    loadTableInDuckDB(options.connection, file, spec, {rules, regionColumn: REGION_COLUMNS[table]}, (problems, code) =>
      options.log.rejectRow(spec.file, problems, code)
    );
  // A GBK file is recognised only once the DuckDB path has turned it down: most files are UTF-8 and need no look.
  const direct = await load(path);
  if (direct || !(await isGb18030File(path))) return direct;
  // The copy holds every cell of the file, names and ID numbers too: it lives in the private work folder
  // only as long as DuckDB reads it.
  const copy = join(options.workDir, `${spec.table}.utf8.csv`);
  try {
    if (!(await transcodeToUtf8(path, copy))) return undefined;
    const loaded = await load(copy);
    return loaded && {...loaded, result: {...loaded.result, encoding: 'gb18030'}};
  } finally {
    await rm(copy, {force: true});
  }
}

async function ingest(options: ValidateInputOptions, table: InputTableName, onRow: (row: IngestedRow) => void) {
  const spec = inputTable(table);
  const result = await readInputTable(options.input, spec, onRow, (problem: Problem) => options.log.problem(problem));
  return reportRead(options, result);
}

/** Records what was read of a file and warns of an absent file or unknown columns. */
function reportRead(options: ValidateInputOptions, result: IngestResult): IngestResult {
  const {file} = result;
  options.log.read(file, result);
  if (result.missing) options.progress.warn(`${file} is absent: the defaults apply`);
  else if (result.rowsRead === 0) {
    // A required file exported with its header only is far more often an accident than news: publishing it
    // would drop its indicators from the site and, with --previous, from the record. Only a deliberate
    // --allow-empty lets it through, and never silently.
    if (isRequired(file) && !options.allowEmpty?.has(file))
      options.log.fault({code: 'E_NO_ROWS', file, params: {file}});
    else {
      if (isRequired(file)) options.log.allowEmpty(file);
      options.progress.warn(`${file} has a header but no rows: nothing of it is published`);
    }
  }
  if (result.unknownColumns.length) {
    options.progress.warn(`${file}: unknown columns ignored: ${result.unknownColumns.join(', ')}`);
  }
  return result;
}

const isRequired = (file: string) => INPUT_TABLES.some((t) => t.file === file && t.required);

/** The region or village code of a row as read, if its table has one and the cell is filled. */
function regionCodeOf(table: InputTableName, row: IngestedRow): string | null {
  const column = REGION_COLUMNS[table];
  const value = column === undefined ? undefined : row.values[column];
  return value === undefined || value === null || value === '' ? null : String(value);
}

/**
 * Loads one file through its row rules into DuckDB, then rejects duplicate
 * keys. A file with `sqlRules` takes the DuckDB path when it can (see
 * load-table-in-duckdb.ts), else it streams through `rules` in JavaScript;
 * both give the same rows and problems.
 */
async function loadTable(
  options: ValidateInputOptions,
  table: InputTableName,
  rules: (check: RowCheck) => void,
  sqlRules?: SqlRules
) {
  const spec = inputTable(table);
  const stage = options.progress.stage(`validate ${spec.file}`);
  const inDuckDB = sqlRules && !options.streamingOnly && (await loadThroughDuckDB(options, table, sqlRules));
  let result: IngestResult;
  let accepted: number;
  if (inDuckDB) {
    result = reportRead(options, inDuckDB.result);
    accepted = inDuckDB.accepted;
    stage.tick(result.rowsRead);
  } else {
    const loader = createTableLoader(options.connection, spec, options.workDir);
    result = await ingest(options, table, (row) => {
      stage.tick();
      const check = new RowCheck(spec.file, row);
      if (check.filled(spec.columns)) {
        rules(check);
        check.bounded(spec.columns);
      }
      if (check.problems.length) options.log.rejectRow(spec.file, check.problems, regionCodeOf(table, row));
      else loader.add(row);
    });
    accepted = await loader.finish();
    stage.tick(result.rowsRejected);
  }
  const keys = UNIQUE_KEYS[table];
  if (keys) {
    const duplicates = await rejectDuplicates(options.connection, spec.file, table, keys);
    for (const problem of duplicates) options.log.rejectRow(spec.file, [problem]);
    accepted -= duplicates.length;
  }
  options.log.accept(spec.file, accepted);
  // Empty measure cells are accepted (not reported), but a clerk should hear of them before the site does.
  const measures = measureColumns(spec);
  if (measures.length > 0 && accepted > 0) {
    const [counts] = await readRows(
      options.connection,
      `SELECT ${measures.map((c) => `count(*) FILTER (${sqlIdentifier(c.name)} IS NULL) AS ${sqlIdentifier(c.name)}`).join(', ')}
       FROM ${sqlIdentifier(spec.table)}`
    );
    for (const c of measures) options.log.notReported(spec.file, c.name, Number(counts![c.name]));
  }
  stage.done(`${result.rowsRead - accepted} rejected${inDuckDB ? ' (read by DuckDB)' : ''}`);
}
