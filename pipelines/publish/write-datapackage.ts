import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {sqlIdentifier} from '../lib/duckdb.ts';
import {readRows} from '../lib/read-rows.ts';
import {columnLabel} from './column-labels.ts';
import type {PublicationConfig} from '../../src/lib/publication-config.ts';

/** What the data dictionary says about each published table. */
export interface TableDescription {
  /** DuckDB table or view that was published. */
  table: string;
  name: string;
  title: {zh: string; en: string};
  description: {zh: string; en: string};
  primaryKey: string[];
}

const FRICTIONLESS_TYPES: Record<string, string> = {
  VARCHAR: 'string',
  INTEGER: 'integer',
  BIGINT: 'integer',
  HUGEINT: 'integer',
  DOUBLE: 'number',
  FLOAT: 'number',
  BOOLEAN: 'boolean',
  DATE: 'date'
};

/** The title of the data package when the site configuration gives none. */
export const DEFAULT_TITLE = {
  zh: '巩固拓展脱贫攻坚成果公开数据',
  en: 'Open data on consolidating poverty-alleviation results'
};

/**
 * Writes datapackage.json, a Frictionless Tabular Data Package: one resource
 * per published CSV with its Table Schema (field names, types, Chinese and
 * English titles, primary key), so that tools can load the data typed; the
 * licence and publisher of the site configuration, and the configuration
 * itself under `site` (the site's catalogue and citations read it there).
 */
export async function writeDatapackage(
  connection: DuckDBConnection,
  dataDir: string,
  tables: TableDescription[],
  site: PublicationConfig
) {
  const resources = [];
  for (const t of tables) {
    const columns = await readRows(connection, `DESCRIBE SELECT * FROM ${sqlIdentifier(t.table)}`);
    resources.push({
      name: t.name,
      path: `${t.name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      // UTF-8 with a byte-order mark, so that Excel shows Chinese text correctly.
      encoding: 'utf-8-sig',
      title: t.title.zh,
      title_en: t.title.en,
      description: t.description.zh,
      description_en: t.description.en,
      schema: {
        fields: columns.map((c) => {
          const label = columnLabel(String(c.column_name));
          return {
            name: c.column_name,
            type: FRICTIONLESS_TYPES[String(c.column_type)] ?? 'string',
            title: label.zh,
            title_en: label.en
          };
        }),
        primaryKey: t.primaryKey,
        missingValues: ['']
      }
    });
  }
  const datapackage = {
    profile: 'tabular-data-package',
    name: 'gongshi',
    title: site.title.zh,
    title_en: site.title.en,
    licenses: [
      {name: site.licence.name, ...(site.licence.url ? {path: site.licence.url} : {}), title: site.licence.text.zh}
    ],
    contributors: [{title: site.publisher.zh, role: 'publisher'}],
    site,
    resources
  };
  await writeFile(join(dataDir, 'datapackage.json'), JSON.stringify(datapackage, null, 2) + '\n');
}
