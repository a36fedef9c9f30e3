/** A field of a published table as `datapackage.json` declares it (Frictionless Table Schema). */
export interface SchemaField {
  name: string;
  type: string;
}

/** A published table as the SQL console loads it. */
export interface ExploreTable {
  /** Table name in SQL, the resource name (`funds`). */
  name: string;
  /** URL of the published CSV (UTF-8 with BOM), under the site's base path. */
  url: string;
  /** Name the CSV is registered under in DuckDB's virtual file system. */
  file: string;
  fields: SchemaField[];
}

// Table Schema types -> DuckDB types. Integers are 64-bit because the schema gives no width; numbers are
// doubles as the CSV writes them; `year` and `datetime` are not published today but are legal Table Schema.
const DUCKDB_TYPES: Record<string, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  year: 'INTEGER'
};

/** Returns the DuckDB type of a Table Schema field type; throws on a type the console cannot load exactly. */
export function duckdbType(type: string): string {
  const duckdb = DUCKDB_TYPES[type];
  if (!duckdb) throw new Error(`no duckdb type for table schema type: ${type}`);
  return duckdb;
}

const quoteString = (value: string) => `'${value.replaceAll("'", "''")}'`;
const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Returns the SQL that creates `table` from its registered CSV with the types of
 * its schema, never the sniffer's guesses: codes such as `3607` stay text,
 * dates are dates. The header row (which starts with the BOM) is skipped, so
 * the BOM never reaches a column name; empty cells are NULL, as the schema's
 * `missingValues: ['']` says.
 */
export function createTableSql(table: ExploreTable): string {
  const columns = table.fields.map((f) => `${quoteString(f.name)}: ${quoteString(duckdbType(f.type))}`).join(', ');
  return (
    `CREATE OR REPLACE TABLE ${quoteIdentifier(table.name)} AS SELECT * FROM read_csv(${quoteString(table.file)}, ` +
    `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}})`
  );
}
