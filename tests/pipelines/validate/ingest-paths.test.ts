/**
 * The two ways households.csv is read — DuckDB (large files; a GBK one
 * through a UTF-8 copy) and the streaming JavaScript path (quoted line
 * breaks, anything DuckDB's reader refuses) — must be one behaviour: on generated files full of messy and
 * wrong values, both accept the same rows into the same table and report the
 * same problems (file, physical line, column, value, code, params), and every
 * row read is accepted or rejected.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import {afterAll, describe, expect, it} from 'vitest';
import {readRows} from '../../../pipelines/lib/read-rows.ts';
import type {RejectionLog} from '../../../pipelines/validate/rejection-log.ts';
import {inputTable} from '../../../src/lib/input-tables.ts';
import {messyCell} from '../ingest/messy-cells.ts';
import {type Row, minimalInput, removeInputs, toCsv, writeInput} from './input-folder.ts';
import {validateFolder} from './validate-folder.ts';

afterAll(removeInputs);

const HOUSEHOLDS = inputTable('households');
const TEMPLATES = minimalInput().households;

/** A household row: one of the valid rows of the minimal folder with some cells replaced by messy texts. */
const household = fc
  .tuple(
    fc.constantFrom(...TEMPLATES),
    fc.array(
      fc
        .constantFrom(...HOUSEHOLDS.columns.filter((c) => !c.pii))
        .chain((column) => messyCell(column).map((text) => [column.name, text] as const)),
      {maxLength: 3}
    ),
    fc.nat(999)
  )
  .map(([template, changes, n]) => ({...template, household_id: `H${n}`, ...Object.fromEntries(changes)}) as Row);

/** A line of the file: mostly rows, sometimes a blank line, a row of empty fields or a row of the wrong width. */
const line = fc.oneof(
  {weight: 20, arbitrary: household.map((row) => ({row}))},
  {weight: 1, arbitrary: fc.constantFrom('', '   ', ',,,,,,,,', '1,2,3', 'H9,2021').map((text) => ({text}))}
);

interface Verdict {
  files: ReturnType<RejectionLog['files']>;
  problems: ReturnType<RejectionLog['problems']>;
  byRegion: ReturnType<RejectionLog['rejectionsByRegion']>;
  households: Record<string, unknown>[];
  progress: string;
}

async function validate(input: string, streamingOnly: boolean): Promise<Verdict> {
  return validateFolder(input, {streamingOnly}, async (connection, log, progress) => {
    const households = await readRows(connection, 'SELECT * FROM households ORDER BY line');
    return {files: log.files(), problems: log.problems(), byRegion: log.rejectionsByRegion(), households, progress};
  });
}

interface FileStyle {
  quoteEvery: number;
  crlf: boolean;
  bom: boolean;
  chinese: boolean;
  /** Saved as GB18030 (GBK), as Excel on Chinese Windows does: DuckDB reads a UTF-8 copy. */
  gbk: boolean;
}

/**
 * The households.csv text of `lines`, with a comment line first, some rows' fields quoted, LF or CRLF line
 * ends, with or without a BOM, English or Chinese headers.
 */
function householdsCsv(
  lines: ({row: Row} | {text: string})[],
  {quoteEvery, crlf, bom, chinese, gbk}: FileStyle
): string | Buffer {
  const header = toCsv('households', [TEMPLATES[0]!], {chinese}).split('\n')[0]!;
  const rows = lines.map((item, i) => {
    if ('text' in item) return item.text;
    const csv = toCsv('households', [{...TEMPLATES[0]!, ...item.row}]).split('\n')[1]!;
    // Quoting a field that needs none is still valid CSV; both paths must unquote it.
    return quoteEvery > 0 && i % quoteEvery === 0 ? csv.replace(/(^|,)([^,"]+)(?=,)/, '$1"$2"') : csv;
  });
  const newline = crlf ? '\r\n' : '\n';
  const text = ['# 合成示例数据 test', header, ...rows].join(newline) + newline;
  return gbk ? iconv.encode(text, 'gb18030') : (bom ? '\ufeff' : '') + text;
}

const style = fc.record({
  quoteEvery: fc.nat(5),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  chinese: fc.boolean(),
  gbk: fc.boolean()
});

describe('households.csv: the DuckDB path equals the streaming path', () => {
  it('accepts the same rows and reports the same problems on messy generated files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, {minLength: 1, maxLength: 400}), style, async (lines, fileStyle) => {
        const input = await writeInput(minimalInput(), {}, {'households.csv': householdsCsv(lines, fileStyle)});
        const duck = await validate(input, false);
        const stream = await validate(input, true);
        expect(duck.progress).toMatch(/read by DuckDB/);
        expect(stream.progress).not.toMatch(/read by DuckDB/);
        expect(duck.files).toEqual(stream.files);
        expect(duck.problems).toEqual(stream.problems);
        expect(duck.byRegion).toEqual(stream.byRegion);
        expect(duck.households).toEqual(stream.households);
      }),
      // Each run plans the DuckDB path's query afresh (about a second): few runs of many rows each.
      {numRuns: 8}
    );
  }, 300_000);

  it('hands a file with a quoted line break to the streaming path, keeping physical line numbers', async () => {
    const rows = minimalInput().households;
    rows[1]!.household_id = 'H\n0002';
    const input = await writeInput({...minimalInput(), households: rows}, {newline: '\n'});
    const verdict = await validate(input, false);
    expect(verdict.progress).not.toMatch(/read by DuckDB/);
    expect(verdict.households.map((row) => row.line)).toEqual([2, 3, 5, 6]);
  });
});
