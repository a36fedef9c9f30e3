import {type ColumnSpec, mayBeEmpty} from '../../src/lib/input-tables.ts';
import type {ErrorCode, Problem} from '../lib/error-codes.ts';
import type {IngestedRow} from '../ingest/read-input-table.ts';

export type RowValues = IngestedRow['values'];

/** The largest whole number DuckDB's INTEGER, the type of `int` columns in the loaded tables, holds. */
export const MAX_INTEGER = 2 ** 31 - 1;
/**
 * Decimals (yuan, shares) must stay below this: no real amount comes near it, and sums of money are exact
 * decimals in DuckDB (`exactSum`), whose type holds no more than 10^20.
 */
export const DECIMAL_LIMIT = 1e15;
export const DECIMAL_RULE = '< 10^15';

/**
 * Collects the problems of one row. Each rule names the column it blames and
 * the parameters its message needs; the value shown is the cell as written
 * (the ingest stage has already removed PII columns, so none can leak here).
 */
export class RowCheck {
  readonly problems: Problem[] = [];
  readonly file: string;
  readonly row: IngestedRow;

  constructor(file: string, row: IngestedRow) {
    this.file = file;
    this.row = row;
  }

  /**
   * Records E_REQUIRED for each empty cell of a column that must be filled (not a
   * measure, which may be left unreported) and returns whether all are filled
   * (the other rules assume they are).
   */
  filled(columns: readonly ColumnSpec[]): boolean {
    for (const column of columns) {
      if (!mayBeEmpty(column)) {
        this.expect(
          this.row.values[column.name] !== null && this.row.values[column.name] !== undefined,
          'E_REQUIRED',
          column.name
        );
      }
    }
    return this.problems.length === 0;
  }

  /**
   * Records E_RANGE for a whole number beyond MAX_INTEGER, E_NUMBER for a
   * decimal too long to be finite (`1` and 400 zeros reads as Infinity) and
   * E_RANGE for one of DECIMAL_LIMIT or more, on columns no other rule has
   * blamed. Such values are typos; loaded, they would fail the whole run or
   * be published.
   */
  bounded(columns: readonly ColumnSpec[]): void {
    for (const column of columns) {
      const value = this.row.values[column.name];
      if (typeof value !== 'number' || this.problems.some((p) => p.column === column.name)) continue;
      if (column.type === 'int') {
        this.expect(Math.abs(value) <= MAX_INTEGER, 'E_RANGE', column.name, {rule: `≤ ${MAX_INTEGER}`});
      } else if (this.expect(Number.isFinite(value), 'E_NUMBER', column.name)) {
        this.expect(Math.abs(value) < DECIMAL_LIMIT, 'E_RANGE', column.name, {rule: DECIMAL_RULE});
      }
    }
  }

  /** Returns the normalised value of `column` (null when missing). */
  get<T extends RowValues[string]>(column: string): T | null {
    return (this.row.values[column] ?? null) as T | null;
  }

  /** Records a problem on `column` unless `ok` holds, showing the cell as written. Returns `ok`. */
  expect(ok: boolean, code: ErrorCode, column: string, params: Record<string, string | number> = {}): boolean {
    if (!ok) {
      this.problems.push({
        code,
        file: this.file,
        line: this.row.line,
        column,
        value: this.row.raw[column] ?? '',
        params
      });
    }
    return ok;
  }
}
