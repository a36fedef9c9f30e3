/**
 * The region hierarchy as the published regions table gives it: the parent
 * of each region and its level, which is all an outsider needs to add
 * children up to their parent.
 */
import {join} from 'node:path';
import {readPublishedCsv} from './read-published-csv.ts';

export interface PublishedHierarchy {
  /** Level of each region (`city`, `county`, `township`, `village`). */
  level: Map<string, string>;
  /** Children of each region that has any, in file order. */
  children: Map<string, string[]>;
}

/** Reads `regions.csv` of `dataDir`; throws when it is missing. */
export async function readPublishedHierarchy(dataDir: string): Promise<PublishedHierarchy> {
  const level = new Map<string, string>();
  const children = new Map<string, string[]>();
  const found = await readPublishedCsv(
    join(dataDir, 'regions.csv'),
    ['code', 'level', 'parent_code'],
    ([code, regionLevel, parent]) => {
      level.set(code!.trim(), regionLevel!.trim());
      const parentCode = parent!.trim();
      if (parentCode === '') return;
      const list = children.get(parentCode);
      if (list) list.push(code!.trim());
      else children.set(parentCode, [code!.trim()]);
    }
  );
  if (!found) throw new Error(`published regions.csv missing in ${dataDir}`);
  return {level, children};
}
