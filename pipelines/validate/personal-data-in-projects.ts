/**
 * The contract's rule that a project's 责任单位 and 资产权属 name an office,
 * not a person, and that its 监督电话 is an office line. Projects are
 * published in full (资金分配结果一律公开), so a head of household typed in
 * there, or a household's ID or phone number in any of the project's texts,
 * would be published: `check` says so at the input line and column, as the
 * build's scans of what it publishes would, only sooner. The values are
 * compared in DuckDB and never leave it; a problem names the kind, not the
 * value.
 */
import {join} from 'node:path';
import {type DuckDBConnection, listValue} from '@duckdb/node-api';
import {inputTable} from '../../src/lib/input-tables.ts';
import {NAME_DOTS, PII_SQL_FORMS, type PiiColumn, collectPii} from '../ingest/collect-pii.ts';
import {isOfficeName} from '../ingest/office-name.ts';
import {readCsvHead} from '../ingest/read-csv-head.ts';
import {sqlString} from '../lib/duckdb.ts';
import type {Problem} from '../lib/error-codes.ts';
import {readRows} from '../lib/read-rows.ts';

/** Columns that must name an office or an office line: a whole text that is a head's name breaks the rule. */
const OFFICE_COLUMNS = ['responsible_unit', 'asset_owner', 'hotline'] as const;
/** Every published text of a project, searched for ID and phone numbers. */
const TEXT_COLUMNS = ['name', ...OFFICE_COLUMNS] as const;

export type PersonalDataKind = 'name' | 'id_number' | 'phone';

/** Something in a text that would be personal data if a household had it. */
export interface Candidate {
  kind: PersonalDataKind;
  /** In the form collect-pii.ts gives the households' values. */
  token: string;
}

const WHITESPACE = /[\s\u3000\uFEFF]+/g;
// A name in Chinese characters (a minority name may run longer, with ·).
const NAME = /^[\p{Script=Han}·]{2,12}$/u;
// Digits in groups (139-1234-5671, 360726 19800101 1233), or numbers side by side (0797-5900199 13912345671).
const DIGIT_GROUPS = /\d+(?:[-－.\s]\d+)*[Xx]?/g;

/**
 * The candidates of one project text: in an office column, the whole text
 * when it has the shape of a name; in every text, the numbers shaped like an
 * ID number (18 characters, or the old 15 digits) or a mobile number (11
 * digits, also after +86), taken as every run of consecutive digit groups
 * joined (so 139-1234-5671, 12317-13912345671 and 0797-5900199 13912345671
 * all give 13912345671). Full-width digits count, as they do for the scans.
 */
export function personalDataCandidates(column: string, text: string): Candidate[] {
  const folded = text.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const compact = folded.replace(WHITESPACE, '').replace(NAME_DOTS, '·');
  const candidates: Candidate[] = [];
  if ((OFFICE_COLUMNS as readonly string[]).includes(column) && NAME.test(compact) && !isOfficeName(compact)) {
    candidates.push({kind: 'name', token: compact});
  }
  const numbers = new Set<string>();
  for (const [run] of folded.matchAll(DIGIT_GROUPS)) {
    const groups = run.toUpperCase().split(/[-－.\s]+/);
    for (let first = 0; first < groups.length; first++) {
      for (let last = first, joined = ''; last < groups.length && joined.length < 18; last++) {
        joined += groups[last];
        numbers.add(joined);
      }
    }
  }
  const phones = new Set<string>();
  for (const number of numbers) {
    if (/^\d{17}[\dX]$|^\d{15}$/.test(number)) candidates.push({kind: 'id_number', token: number});
    const phone = /^(?:0086|86)?(1\d{10})$/.exec(number)?.[1];
    if (phone && !phones.has(phone)) {
      phones.add(phone);
      candidates.push({kind: 'phone', token: phone});
    }
  }
  return candidates;
}

/**
 * Returns an E_PERSONAL_DATA problem for every text of the accepted projects
 * (DuckDB table `projects`) that holds a household's personal data from the
 * households file in `inputDir`, in line order. A UTF-8 file is read by
 * DuckDB, only its three personal columns and only the rows holding a
 * candidate kept; any other is read by the streaming path of collect-pii.ts.
 */
export async function findPersonalDataInProjects(connection: DuckDBConnection, inputDir: string): Promise<Problem[]> {
  // Distinct texts: offices and office lines repeat across thousands of projects. Of the names, only those with
  // digits in them can hold an ID or phone number.
  const texts: {column: string; text: string; candidates: Candidate[]}[] = [];
  for (const column of TEXT_COLUMNS) {
    const digits = column === 'name' ? ` AND regexp_matches(name, '[0-9０-９]')` : '';
    const sql = `SELECT DISTINCT ${column} AS text FROM projects WHERE ${column} IS NOT NULL${digits}`;
    for (const {text} of await readRows(connection, sql)) {
      const candidates = personalDataCandidates(column, String(text));
      if (candidates.length) texts.push({column, text: String(text), candidates});
    }
  }
  if (texts.length === 0) return [];
  const keys = new Set(texts.flatMap(({candidates}) => candidates.map(({kind, token}) => `${kind}|${token}`)));
  const found = await householdValuesAmong(connection, inputDir, [...keys]);
  const problems: Problem[] = [];
  for (const {column, text, candidates} of texts) {
    // One problem per kind, however many numbers of that kind the text holds.
    const kinds = new Set(candidates.filter(({kind, token}) => found.has(`${kind}|${token}`)).map(({kind}) => kind));
    for (const kind of kinds) {
      const reader = await connection.runAndReadAll(`SELECT line FROM projects WHERE ${column} = $text`, {text});
      for (const {line} of reader.getRowObjectsJS()) {
        problems.push({
          code: 'E_PERSONAL_DATA',
          file: inputTable('projects').file,
          line: Number(line),
          column,
          params: {kind}
        });
      }
    }
  }
  const order = (p: Problem) => TEXT_COLUMNS.indexOf(p.column as (typeof TEXT_COLUMNS)[number]);
  return problems.sort((a, b) => a.line! - b.line! || order(a) - order(b));
}

/** Where each kind is found among the households' columns, and in which set of collect-pii.ts. */
const SOURCES: Record<PersonalDataKind, {column: string; set: PiiColumn}> = {
  name: {column: 'head_name', set: 'names'},
  id_number: {column: 'id_number', set: 'idNumbers'},
  phone: {column: 'phone', set: 'phones'}
};

/** Which of `keys` (`kind|token`) are a household's name, ID number or phone in the households file of `inputDir`. */
async function householdValuesAmong(
  connection: DuckDBConnection,
  inputDir: string,
  keys: string[]
): Promise<Set<string>> {
  const spec = inputTable('households');
  const path = join(inputDir, spec.file);
  const head = await readCsvHead(path, spec).catch(() => undefined);
  if (!head) return valuesAmongInJavaScript(inputDir, keys);
  const indices = head.mapping.piiIndices;
  // A file without a personal column has nothing of that kind to find.
  const kinds = (Object.keys(SOURCES) as PersonalDataKind[]).filter(
    (kind) => indices[SOURCES[kind].column] !== undefined && keys.some((key) => key.startsWith(`${kind}|`))
  );
  if (kinds.length === 0) return new Set();
  const width = Array.from({length: head.mapping.width}, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const forms = kinds.map(
    (kind) =>
      `list_transform(${PII_SQL_FORMS[SOURCES[kind].set](`c${indices[SOURCES[kind].column]!}`)}, v -> '${kind}|' || v)`
  );
  await connection.run(`CREATE OR REPLACE TEMP TABLE gs_probe AS SELECT unnest($keys::VARCHAR[]) AS key`, {
    keys: listValue(keys)
  });
  try {
    // A hash join against the few candidates, the households file streamed past it; rows that do not parse (a
    // wrong number of fields) are skipped, as validation has rejected them already.
    const reader = await connection.runAndReadAll(`
      SELECT DISTINCT key FROM (
        SELECT unnest(${forms.length === 1 ? forms[0] : `flatten([${forms.join(', ')}])`}) AS key
        FROM read_csv(${sqlString(path)}, header = false, skip = ${head.headerLine}, auto_detect = false,
          delim = ',', quote = '"', escape = '"', columns = {${width}}, ignore_errors = true))
      WHERE key IN (SELECT key FROM gs_probe)`);
    return new Set(reader.getRowObjectsJS().map((row) => String(row.key)));
  } catch {
    // What DuckDB's reader refuses (bare CR line ends, a line too long), the streaming reader reads.
    return valuesAmongInJavaScript(inputDir, keys);
  } finally {
    await connection.run('DROP TABLE gs_probe');
  }
}

/** As householdValuesAmong, through the streaming reader of collect-pii.ts: any encoding, but slower. */
async function valuesAmongInJavaScript(inputDir: string, keys: string[]): Promise<Set<string>> {
  const pii = await collectPii(inputDir);
  return new Set(
    keys.filter((key) => {
      const [kind, token] = key.split('|') as [PersonalDataKind, string];
      return pii[SOURCES[kind].set].has(token);
    })
  );
}
