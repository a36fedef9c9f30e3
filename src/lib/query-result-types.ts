/**
 * The shape of a query result in the SQL console, shared by the browser code
 * that runs the query and the chart and table functions that draw it.
 */

/** What a result column holds, as the table, chart and CSV treat it. */
export type ColumnKind = 'number' | 'date' | 'string' | 'boolean' | 'other';

/** A column of a query result. */
export interface ResultColumn {
  name: string;
  kind: ColumnKind;
  /** The DuckDB/Arrow type as text, shown in the table header's tooltip. */
  type: string;
}

/** A query result held in the page: plain JavaScript values, at most `limit` rows. */
export interface QueryResult {
  columns: ResultColumn[];
  /** Rows as arrays in column order: numbers, strings (dates as ISO text), booleans or null. */
  rows: Cell[][];
  /** True when the query gave more rows than were kept. */
  truncated: boolean;
  /** Wall time of the query in milliseconds, loading of tables included. */
  ms: number;
}

export type Cell = number | string | boolean | null;

/** The name of a result column that holds years, as a query over the published tables or their Chinese aliases names it. */
export const YEAR_COLUMN_NAME = /(^|_)(year|年度|年份|年)$/i;
