/**
 * Input folders for validation tests: a minimal valid folder as plain rows
 * (every cell the text a clerk would type), which a test changes in one place
 * and writes out as CSV — UTF-8 or GBK, English or Chinese headers, LF or CRLF.
 */
import {rm} from 'node:fs/promises';
import iconv from 'iconv-lite';
import {type InputTableName, inputTable} from '../../../src/lib/input-tables.ts';
import {fixtureFolder} from '../ingest/fixture-folder.ts';

/** One CSV row: cell text by canonical column name; a column left out is an empty cell. */
export type Row = Record<string, string>;

/** The rows of each input file; a table left out is a file left out. */
export type InputTables = Partial<Record<InputTableName, Row[]>>;

/** How the folder is written: the encoding, the header names and the line end. */
export interface CsvStyle {
  encoding?: 'utf8' | 'gbk';
  chinese?: boolean;
  newline?: '\n' | '\r\n';
}

/** The household columns after the PII ones, in the order `minimalInput` writes them between `|`. */
const HOUSEHOLD_CELLS = [
  'members',
  'registered',
  'status',
  'exit_year',
  'monitored',
  'monitor_type',
  'monitored_since',
  'risk_flags',
  'risk_eliminated_date',
  'per_capita_income',
  'labor_count',
  'employed_count',
  'industry_covered',
  'family_doctor_signed',
  'medical_insured',
  'sanitary_toilet',
  'safe_housing',
  'safe_water',
  'dropout_children'
];

/** The physical line of the row at `index`: the header is line 1. */
export const lineOf = (index: number) => index + 2;

/**
 * Returns a small valid input folder's rows: 赣州市 3607 → 安远县 360726 →
 * 欣山镇 360726101 → two villages; four households of 2021 (one exited, one
 * poor and monitored, one not registered, one returned with its risk
 * eliminated), both villages' 2021 row, two funds and two projects. Every
 * call returns fresh rows, so a test may change them.
 */
export function minimalInput(): Required<Omit<InputTables, 'targets'>> & InputTables {
  const region = (code: string, name: string, level: string, parent_code: string, flags = ['', '', '']) => ({
    code,
    name,
    level,
    parent_code,
    poor_village: flags[0]!,
    deep_poor_village: flags[1]!,
    weak_village: flags[2]!
  });
  const household = (id: string, village: string, cells: string) => ({
    household_id: id,
    year: '2021',
    village_code: village,
    head_name: `户主${id.slice(-1)}`,
    id_number: `36072619800101123${id.slice(-1)}`,
    phone: `1391234567${id.slice(-1)}`,
    ...Object.fromEntries(cells.split('|').map((cell, i) => [HOUSEHOLD_CELLS[i]!, cell]))
  });
  const V1 = '360726101001';
  const V2 = '360726101002';
  return {
    regions: [
      region('3607', '赣州市', 'city', ''),
      region('360726', '安远县', 'county', '3607'),
      region('360726101', '欣山镇', 'township', '360726'),
      region(V1, '东门村', 'village', '360726101', ['1', '0', '1']),
      region(V2, '西门村', 'village', '360726101', ['0', '0', '0'])
    ],
    households: [
      household('H0001', V1, '4|1|exited|2019|0|||||12500.5|2|1|1|4|4|1|1|1|0'),
      household('H0002', V1, '3|1|poor||1|unstable|2021-03-01|1;3||5200|1|0|0|3|3|0|1|1|0'),
      household('H0003', V2, '5|0|none||0|||||18000|3|2|1|2|5|1|1|1|0'),
      household('H0004', V2, '2|1|returned|2018|1|edge|2020-06-01|2|2021-05-01|7000|1|1|1|2|2|1|1|1|0')
    ],
    villages: [
      {
        village_code: V1,
        year: '2021',
        collective_operating_income: '62000',
        garbage_collection_rate: '0.95',
        greening_rate: '0.4',
        tap_water_rate: '0.98'
      },
      {
        village_code: V2,
        year: '2021',
        collective_operating_income: '30000',
        garbage_collection_rate: '90%',
        greening_rate: '0.35',
        tap_water_rate: '0.9'
      }
    ],
    funds: [
      {
        fund_id: 'F2021-01',
        year: '2021',
        level: 'central',
        category: '财政专项扶贫资金',
        document_no: '赣财农指〔2021〕12号',
        recipient_code: '360726',
        amount: '1000000.00',
        issued_date: '2021-02-20'
      },
      {
        fund_id: 'F2021-02',
        year: '2021',
        level: 'county',
        category: '衔接推进乡村振兴补助资金',
        document_no: '安财农〔2021〕3号',
        recipient_code: '360726101',
        amount: '300000.50',
        issued_date: '2021-04-01'
      }
    ],
    projects: [
      {
        project_id: 'P2021-01',
        year: '2021',
        name: '东门村道路硬化',
        type: '基础设施',
        region_code: V1,
        fund_id: 'F2021-01',
        budget: '500000',
        spent: '480000',
        beneficiary_households: '120',
        beneficiary_poor_households: '30',
        status: 'completed',
        start_date: '2021-04-01',
        end_date: '2021-10-30',
        responsible_unit: '安远县交通运输局',
        notice_start: '2021-03-01',
        notice_end: '2021-03-15',
        asset_owner: '村集体',
        hotline: '12317'
      },
      {
        project_id: 'P2021-02',
        year: '2021',
        name: '欣山镇脐橙基地',
        type: '产业发展',
        region_code: '360726101',
        fund_id: 'F2021-02',
        budget: '200000',
        spent: '100000',
        beneficiary_households: '80',
        beneficiary_poor_households: '20',
        status: 'in_progress',
        start_date: '2021-05-01',
        end_date: '2022-05-01',
        responsible_unit: '安远县农业农村局'
      }
    ]
  };
}

/**
 * Returns the CSV text of `rows` of `table`: a header of the columns the rows
 * use (contract order first, then any others), English or Chinese, and fields
 * quoted only where RFC 4180 needs it.
 */
export function toCsv(table: InputTableName, rows: readonly Row[], {chinese = false, newline = '\n'}: CsvStyle = {}) {
  const spec = inputTable(table);
  const known = spec.columns.map((c) => c.name);
  const used = rows.length > 0 ? new Set(rows.flatMap((row) => Object.keys(row))) : new Set(known);
  const columns = [...known.filter((name) => used.has(name)), ...[...used].filter((name) => !known.includes(name))];
  const header = columns.map((name) => (chinese ? (spec.columns.find((c) => c.name === name)?.alias ?? name) : name));
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [header, ...rows.map((row) => columns.map((name) => row[name] ?? ''))];
  return lines.map((cells) => cells.map(field).join(',')).join(newline) + newline;
}

const created: string[] = [];

/**
 * Writes `tables` as a new temporary input folder and returns its path.
 * `files` replaces or adds whole files (name -> text or bytes), for faults
 * rows cannot express.
 */
export async function writeInput(
  tables: InputTables,
  style: CsvStyle = {},
  files: Record<string, string | Uint8Array> = {}
): Promise<string> {
  const encode = (text: string) => (style.encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
  const written = Object.entries(tables).map(([table, rows]) => {
    const name = inputTable(table as InputTableName).file;
    return [name, encode(toCsv(table as InputTableName, rows, style))];
  });
  const folder = await fixtureFolder({...Object.fromEntries(written), ...files});
  created.push(folder);
  return folder;
}

/** Removes every folder `writeInput` has made in this test file (call it in `afterAll`). */
export async function removeInputs(): Promise<void> {
  await Promise.all(created.splice(0).map((folder) => rm(folder, {recursive: true, force: true})));
}
