/**
 * The DuckDB ingest path: DuckDB reads a large UTF-8 file line by line, and
 * the splitting into fields, the value normalisers and the row rules run as
 * SQL, many times faster than row by row in JavaScript. It gives exactly what
 * the streaming path (read-input-table.ts + row-check.ts) gives — the same
 * accepted rows in the same table, the same problems with the same physical
 * line numbers — and hands a file back to that path whenever it cannot be
 * sure to: not UTF-8 (validate-input.ts gives it a UTF-8 copy of a GBK
 * file), a quoted field holding a line break, a stray quote, mixed or bare CR
 * line ends, a line longer than DuckDB's reader holds.
 */
import type {DuckDBConnection} from '@duckdb/node-api';
import {type ColumnSpec, type InputTableSpec, mayBeEmpty} from '../../src/lib/input-tables.ts';
import {type IngestResult, allowedValues} from '../ingest/read-input-table.ts';
import {readCsvHead} from '../ingest/read-csv-head.ts';
import {JS_SPACE_CLASS, createNormalizerMacros, selectLayers, sqlNormalizer} from '../ingest/sql-normalizers.ts';
import type {ErrorCode, Problem} from '../lib/error-codes.ts';
import {sqlIdentifier, sqlString} from '../lib/duckdb.ts';
import {DECIMAL_LIMIT, DECIMAL_RULE, MAX_INTEGER} from './row-check.ts';
import type {SqlRule} from './household-rules-sql.ts';
import {SQL_TYPES} from './table-loader.ts';

/** What the DuckDB path read: the ingest result, as the streaming path reports it, and the rows accepted. */
export interface DuckDBLoad {
  result: IngestResult;
  accepted: number;
}

// A field: quoted (with "" for a quote inside) or plain. A line of anything else goes to the streaming path,
// which knows PapaParse's way with stray quotes and quoted line breaks.
const FIELD = '"(?:[^"]|"")*"|[^,"]*';
const QUOTED_LINE = `(?:${FIELD})(?:,(?:${FIELD}))*`;

/** A table's row rules over the typed value expressions `v(column)`. */
export type SqlRules = (v: (column: string) => string) => SqlRule[];

/**
 * Loads `spec.file` at `path` into the DuckDB table named after `spec.table`
 * (the columns of table-loader.ts: `line`, then every non-PII column), calling
 * `onRejectRow` with the problems of each rejected row in line order and, for
 * a row whose cells all read (as the streaming path gives it), the value of
 * `regionColumn`. Returns undefined, having changed nothing, when the file
 * must take the streaming path. `bufferSize` (bytes) is DuckDB's read buffer:
 * tests set it small to have even a small file read by several threads.
 */
export async function loadTableInDuckDB(
  connection: DuckDBConnection,
  path: string,
  spec: InputTableSpec,
  {rules, regionColumn, bufferSize}: {rules: SqlRules; regionColumn?: string; bufferSize?: number},
  onRejectRow: (problems: Problem[], regionCode: string | null) => void
): Promise<DuckDBLoad | undefined> {
  const head = await readCsvHead(path, spec);
  if (!head || !(await keepsInsertionOrder(connection))) return undefined;
  const {mapping} = head;
  const columns = spec.columns.filter((c) => !c.pii);
  const indexOf = new Map(mapping.columns.map(({index, column}) => [column.name, index]));
  const raw = (name: string) => (indexOf.has(name) ? `r_${name}` : "''");
  const v = (name: string) => (indexOf.has(name) ? `v_${name}` : 'NULL');
  const e = (name: string) => `e_${name}`;
  const present = columns.filter((c) => indexOf.has(c.name));
  // The value travels behind a `|`: node-api decodes text with a TextDecoder that drops a leading U+FEFF.
  const problem = (code: string, column: string | null, value: string | null, params: string) =>
    `{'c': ${code}, 'col': ${column === null ? 'NULL' : sqlString(column)}, 'v': ${value === null ? 'NULL' : `'|' || ${value}`}, 'p': ${params}}`;
  const listOf = (items: {when: string; problem: string}[]) =>
    `list_filter([${items.map((i) => `CASE WHEN ${i.when} THEN ${i.problem} END`).join(', ')}], x -> x IS NOT NULL)`;
  const anyOf = (conditions: string[]) => (conditions.length ? conditions.join(' OR ') : 'false');

  // Stage 1: cells that break their column's type, in the file's column order.
  const byPosition = [...present].sort((a, b) => indexOf.get(a.name)! - indexOf.get(b.name)!);
  const typeProblems = byPosition.map((c) => ({
    when: `${e(c.name)} IS NOT NULL`,
    problem: problem(e(c.name), c.name, raw(c.name), allowedParams(c))
  }));
  // Stage 2: empty cells that must be filled.
  const required = columns.filter((c) => !mayBeEmpty(c));
  const requiredProblems = required.map((c) => ({
    when: `${v(c.name)} IS NULL`,
    problem: problem(`'E_REQUIRED'`, c.name, raw(c.name), "'{}'")
  }));
  // Stage 3: the row rules, then numbers too large to load on columns no rule blamed (RowCheck.bounded).
  const ruleList = rules(v);
  const ruleProblems = ruleList.map((r) => ({
    when: r.when,
    problem: problem(sqlString(r.code), r.column, raw(r.column), r.params)
  }));
  for (const c of present.filter(
    (c) => c.type === 'int' || c.type === 'decimal' || c.type === 'share' || c.type === 'quantity'
  )) {
    const blamed = anyOf(ruleList.filter((r) => r.column === c.name).map((r) => r.when));
    const tooBig = c.type === 'int' ? `abs(${v(c.name)}) > ${MAX_INTEGER}` : `NOT isfinite(${v(c.name)})`;
    const rule = c.type === 'int' ? JSON.stringify({rule: `≤ ${MAX_INTEGER}`}) : '{}';
    ruleProblems.push({
      when: `coalesce(${tooBig}, false) AND NOT (${blamed})`,
      problem: problem(c.type === 'int' ? "'E_RANGE'" : "'E_NUMBER'", c.name, raw(c.name), sqlString(rule))
    });
    if (c.type !== 'int') {
      ruleProblems.push({
        when: `coalesce(isfinite(${v(c.name)}) AND abs(${v(c.name)}) >= ${DECIMAL_LIMIT}, false) AND NOT (${blamed})`,
        problem: problem("'E_RANGE'", c.name, raw(c.name), sqlString(JSON.stringify({rule: DECIMAL_RULE})))
      });
    }
  }

  const width = mapping.width;
  const problems = `CASE
    WHEN width <> ${width} THEN [${problem("'E_COLUMN_COUNT'", null, null, `'{"expected":${width},"actual":' || width || '}'`)}]
    WHEN ${anyOf(typeProblems.map((p) => p.when))} THEN ${listOf(typeProblems)}
    WHEN ${anyOf(requiredProblems.map((p) => p.when))} THEN ${listOf(requiredProblems)}
    WHEN ${anyOf(ruleProblems.map((p) => p.when))} THEN ${listOf(ruleProblems)} END`;

  // The streaming path names the region of a rejected row only when all its cells read (RowCheck stage).
  const region = regionColumn && indexOf.has(regionColumn) ? `CAST(${v(regionColumn)} AS VARCHAR)` : 'NULL';
  const regionCode = `CASE WHEN width = ${width} AND NOT (${anyOf(typeProblems.map((p) => p.when))}) THEN ${region} END`;
  // TRY_CAST: a rejected row's value may not fit its type (that can be why it is rejected); an accepted row's
  // always does (the range rules above), and rejected rows are deleted before the table is used.
  const types = columns.map((c) => `TRY_CAST(${v(c.name)} AS ${SQL_TYPES[c.type]}) AS ${sqlIdentifier(c.name)}`);
  const normalizers = present.map((c) => ({column: c, ...sqlNormalizer(c, `r_${c.name}`, `n_${c.name}`, 'spaced')}));
  const blankLine = `[${JS_SPACE_CLASS},]*`;
  const staged = 'gs_staged';
  const lines = 'gs_lines';
  await createNormalizerMacros(connection);
  try {
    // The lines are read on every core into a table, whose row ids then number them: DuckDB keeps a file's
    // order when it loads it into a table (preserve_insertion_order; duckdb.org/docs/stable/sql/dialect/
    // order_preservation), so row id + 1 is the physical line (each line is one row here: no quote character,
    // no delimiter). Numbering them as they are read (WITH ORDINALITY) would run on one thread, and so would
    // everything planned above it.
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${lines} AS
      SELECT coalesce(l, '') AS l
      FROM read_csv(${sqlString(path)}, header = false, auto_detect = false, columns = {'l': 'VARCHAR'},
        delim = '\\0', quote = '', escape = ''${bufferSize ? `, buffer_size = ${bufferSize}` : ''})`);
    await connection.run(`CREATE OR REPLACE TABLE ${staged} AS
      WITH lines AS (SELECT (rowid + 1)::INTEGER AS line, l FROM ${lines} WHERE rowid >= ${head.headerLine}),
      split AS (
        SELECT line, l, contains(l, '"') AS quoted,
          CASE WHEN contains(l, '"')
            THEN list_transform(regexp_extract_all(',' || l, ',(${FIELD})', 1),
              x -> CASE WHEN starts_with(x, '"') THEN replace(x[2:-2], '""', '"') ELSE x END)
            ELSE string_split(l, ',') END AS f
        FROM lines),
      cells AS (
        SELECT line,
          CASE WHEN quoted THEN NOT regexp_full_match(l, ${sqlString(QUOTED_LINE)}) ELSE false END AS bad_quotes,
          len(f) AS width,
          -- Whether a field may need trimming (one search per line instead of a trim per cell).
          quoted OR gs_has_space(l) AS spaced,
          ${present
            .map((c) => {
              const i = indexOf.get(c.name)! + 1;
              return `coalesce(f[${i}], '') AS r_${c.name}`;
            })
            .join(', ')}
        FROM split
        -- Rows whose every field is empty are skipped, neither read nor rejected, as on the streaming path.
        WHERE NOT (CASE WHEN quoted THEN list_bool_and(list_transform(f, x -> gs_trim(x) = ''))
          ELSE regexp_full_match(l, ${sqlString(blankLine)}) END)),
      typed AS (
        SELECT line, bad_quotes, width, spaced, ${present.map((c) => `r_${c.name}`).join(', ')},
          ${normalizers.map((n) => `${n.value} AS v_${n.column.name}, ${n.error} AS e_${n.column.name}`).join(',\n')}
        FROM (${selectLayers('SELECT * FROM cells', normalizers)}))
      SELECT line, ${types.join(', ')}, bad_quotes, ${problems} AS problems, ${regionCode} AS region_code
      FROM typed`);
    await connection.run(`DROP TABLE ${lines}`);
  } catch (error) {
    // DuckDB's reader refuses what the streaming path must judge: bytes that are not UTF-8, CR line ends
    // that are bare or mixed with LF, a line longer than it holds. That path reports each with its line.
    await connection.run(`DROP TABLE IF EXISTS ${lines}`);
    if (isReaderRefusal(error)) return undefined;
    throw error;
  }

  const counts = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n,
    count(*) FILTER (bad_quotes)::INTEGER AS bad, count(*) FILTER (problems IS NULL)::INTEGER AS accepted
    FROM ${staged}`);
  const {n, bad, accepted} = counts.getRowObjectsJS()[0] as {n: number; bad: number; accepted: number};
  if (bad > 0) {
    await connection.run(`DROP TABLE ${staged}`);
    return undefined;
  }

  const rejected = await connection.stream(
    `SELECT line, problems, region_code FROM ${staged} WHERE problems IS NOT NULL ORDER BY line`
  );
  for await (const rows of rejected.yieldRowObjectJs()) {
    for (const row of rows) {
      const problems = toProblems(spec.file, row.line as number, row.problems as unknown as SqlProblem[]);
      onRejectRow(problems, (row.region_code as string | null) ?? null);
    }
  }
  // The staged table becomes the table of accepted rows in place: a copy of millions of rows would cost seconds
  // (more where it spills to disk); deleting the few rejected rows and dropping three columns costs nothing.
  const table = sqlIdentifier(spec.table);
  await connection.run(`DELETE FROM ${staged} WHERE problems IS NOT NULL`);
  for (const column of ['bad_quotes', 'problems', 'region_code']) {
    await connection.run(`ALTER TABLE ${staged} DROP COLUMN ${column}`);
  }
  await connection.run(`DROP TABLE IF EXISTS ${table}`);
  await connection.run(`ALTER TABLE ${staged} RENAME TO ${table}`);
  const result: IngestResult = {
    file: spec.file,
    encoding: 'utf8',
    rowsRead: n,
    rowsRejected: 0,
    blankRows: 0,
    unknownColumns: mapping.unknownColumns,
    piiColumns: mapping.piiColumns,
    synthetic: head.comments.some((c) => c.includes('合成示例数据')),
    missing: false
  };
  return {result, accepted};
}

interface SqlProblem {
  c: ErrorCode;
  col: string | null;
  v: string | null;
  p: string | null;
}

function toProblems(file: string, line: number, problems: SqlProblem[]): Problem[] {
  return problems.map(({c, col, v, p}) => {
    const problem: Problem = {code: c, file, line};
    if (col !== null) problem.column = col;
    if (v !== null) problem.value = v.slice(1);
    if (p !== null) problem.params = JSON.parse(p) as Problem['params'];
    return problem;
  });
}

/** The params of a type problem: the allowed values of an enum column (as the streaming path gives them). */
function allowedParams(column: ColumnSpec): string {
  return column.values ? sqlString(JSON.stringify({allowed: allowedValues(column.values)})) : 'NULL';
}

/** Whether DuckDB keeps the order rows are loaded in, which the line numbers here rely on (openDuckDB sees to it). */
async function keepsInsertionOrder(connection: DuckDBConnection): Promise<boolean> {
  const reader = await connection.runAndReadAll(`SELECT current_setting('preserve_insertion_order') AS keeps`);
  return reader.getRowObjectsJS()[0]?.keeps === true;
}

function isReaderRefusal(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Invalid unicode|CSV Parser state machine|Maximum line size|CSV Error on Line/i.test(message);
}
