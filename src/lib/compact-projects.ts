// Shared by the build (src/lib/project-list.ts writes the file) and the browser (src/client/project-filter.ts
// reads it): no Node module may be imported here.
import type {PublishedProject} from './published-data.ts';

/** The columns of the compact project file the /projects/ filter loads, in order. */
export const COMPACT_COLUMNS = [
  'project_id',
  'year',
  'name',
  'type',
  'status',
  'region_code',
  'fund_id',
  'budget',
  'spent',
  'beneficiary_households',
  'beneficiary_poor_households',
  'flags'
] as const satisfies readonly (keyof PublishedProject)[];

/**
 * A place a project may be in: county, township or village, with its parent
 * (for the filter's cascade) and its name's pinyin (shown on English pages).
 */
export type CompactRegion = [code: string, name: string, level: string, parent: string | null, pinyin: string];

/** Columns of the compact file stored as indices into a list of their distinct values. */
export const CODED_COLUMNS = ['type', 'status', 'region_code', 'fund_id', 'flags'] as const;

/**
 * The compact project file: one array per column (the form Arquero's
 * `table()` takes), the repetitive columns ({@link CODED_COLUMNS}) as
 * indices into `dictionaries` (about a third smaller), `flags` as in
 * `projects.csv`, and the regions that projects lie in or under, so the
 * browser can filter by county, township and village without regions.json.
 */
export interface CompactProjects {
  columns: Record<(typeof COMPACT_COLUMNS)[number], (string | number | null)[]>;
  dictionaries: Record<(typeof CODED_COLUMNS)[number], (string | null)[]>;
  regions: CompactRegion[];
}

/** Returns the columns of a compact project file with its coded columns decoded back to their values. */
export function decodeCompactColumns(data: CompactProjects): CompactProjects['columns'] {
  const columns = {...data.columns};
  for (const column of CODED_COLUMNS) {
    const values = data.dictionaries[column];
    columns[column] = data.columns[column].map((i) => values[i as number] ?? null);
  }
  return columns;
}
