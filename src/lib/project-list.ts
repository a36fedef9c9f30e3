import {PROJECT_FLAGS, type ProjectFlag, splitFlags} from './flags.ts';
import {type PublishedProject, readProjects, readRegions} from './published-data.ts';
import {CODED_COLUMNS, COMPACT_COLUMNS, type CompactProjects, type CompactRegion} from './compact-projects.ts';
import {isAboveCounty} from './input-tables.ts';
import {placePinyin} from './place-name.ts';
import {regionTreeOf} from './region-tree.ts';

/** Projects per static page of /projects/ (the pages read without script). */
export const PROJECTS_PER_PAGE = 200;

let listed: PublishedProject[] | undefined;
let flagCounts: Map<ProjectFlag, number> | undefined;

/** Every project in list order: newest year first, then by project id (sorted once per build). */
export function listedProjects(): PublishedProject[] {
  listed ??= [...readProjects()].sort((a, b) => b.year - a.year || a.project_id.localeCompare(b.project_id));
  return listed;
}

/** How many projects carry each flag (counted once per build); every flag is present, 0 when unused. */
export function projectFlagCounts(): Map<ProjectFlag, number> {
  if (!flagCounts) {
    flagCounts = new Map(PROJECT_FLAGS.map((flag) => [flag, 0]));
    for (const p of readProjects()) {
      for (const flag of splitFlags<ProjectFlag>(p.flags)) flagCounts.set(flag, (flagCounts.get(flag) ?? 0) + 1);
    }
  }
  return flagCounts;
}

/** Returns the compact project file (see {@link CompactProjects}). */
export function compactProjects(): CompactProjects {
  const projects = listedProjects();
  const columns = Object.fromEntries(
    COMPACT_COLUMNS.map((column) => [column, projects.map((p) => p[column] ?? null)])
  ) as CompactProjects['columns'];
  const dictionaries = {} as CompactProjects['dictionaries'];
  for (const column of CODED_COLUMNS) {
    const values = [...new Set(columns[column] as (string | null)[])];
    const index = new Map(values.map((v, i) => [v, i]));
    dictionaries[column] = values;
    columns[column] = columns[column].map((v) => index.get(v as string | null)!);
  }
  const tree = regionTreeOf(readRegions());
  const used = new Map<string, CompactRegion>();
  for (const code of new Set(projects.map((p) => p.region_code))) {
    for (const region of [...tree.ancestors(code), tree.byCode.get(code)!]) {
      if (isAboveCounty(region.level)) continue;
      used.set(region.code, [region.code, region.name, region.level, region.parent_code, placePinyin(region.name)]);
    }
  }
  return {columns, dictionaries, regions: [...used.values()].sort((a, b) => a[0].localeCompare(b[0]))};
}
