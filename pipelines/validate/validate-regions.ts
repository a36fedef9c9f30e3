import {CODE_LENGTH, PARENT_LEVEL, ROOT_LEVELS, type RegionLevel, inputTable} from '../../src/lib/input-tables.ts';
import type {Problem} from '../lib/error-codes.ts';
import type {IngestedRow} from '../ingest/read-input-table.ts';
import {RowCheck} from './row-check.ts';

/** An accepted region, as later stages use it. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
}

/**
 * Validates all rows of regions.csv together (parents may come after their
 * children): code format per level, uniqueness, an accepted parent one level
 * up whose code prefixes the child's. One region has no parent: the province,
 * or the city where the file has no province. A region whose parent is
 * rejected is rejected too, so the accepted regions always form one tree.
 */
export function validateRegions(file: string, rows: IngestedRow[]): {accepted: IngestedRow[]; rejected: Problem[][]} {
  const linesOf = new Map<string, number[]>();
  for (const row of rows)
    linesOf.set(String(row.values.code), [...(linesOf.get(String(row.values.code)) ?? []), row.line]);
  const rejected: Problem[][] = [];
  // A file with a province row is a province's, topped by it; any other, a city's.
  const rootLevel = ROOT_LEVELS.find((level) => rows.some((row) => row.values.level === level)) ?? 'city';
  const firstProvince = rows.find((row) => row.values.level === 'province')?.line;
  let firstRoot: number | undefined;
  let pending = rows.filter((row) => {
    const check = new RowCheck(file, row);
    if (!check.filled(inputTable('regions').columns)) {
      rejected.push(check.problems);
      return false;
    }
    const code = check.get<string>('code')!;
    const level = check.get<RegionLevel>('level')!;
    const digits = CODE_LENGTH[level];
    check.expect(new RegExp(`^\\d{${digits}}$`).test(code), 'E_CODE_FORMAT', 'code', {level, digits});
    const lines = linesOf.get(code)!;
    const other = lines.find((line) => line !== row.line) ?? row.line;
    check.expect(lines.length === 1, 'E_DUPLICATE', 'code', {firstLine: other, key: 'code'});
    const parent = check.get<string>('parent_code');
    if (level === rootLevel) {
      // The top has no parent: a city's file names no province above the city (the official lists do).
      if (check.expect(parent === null, 'E_ROOT_PARENT', 'parent_code', {level}) && check.problems.length === 0) {
        // A second top region would make two sites' worth of pages with no page above both.
        firstRoot ??= row.line;
        check.expect(firstRoot === row.line, 'E_SECOND_ROOT', 'code', {firstLine: firstRoot, level});
      }
    } else if (level === 'city' && parent === null) {
      // A province's file whose city has no parent: the province is the top, not this city.
      check.expect(false, 'E_SECOND_ROOT', 'parent_code', {firstLine: firstProvince!, level: rootLevel});
    }
    if (check.problems.length) rejected.push(check.problems);
    return check.problems.length === 0;
  });
  // Parents are checked against the accepted set until it stops shrinking.
  for (;;) {
    const levelOf = new Map(pending.map((row) => [String(row.values.code), row.values.level as RegionLevel]));
    const next = pending.filter((row) => {
      const check = new RowCheck(file, row);
      const level = check.get<RegionLevel>('level')!;
      const parent = check.get<string>('parent_code');
      const wanted = parent === null && level === rootLevel ? null : PARENT_LEVEL[level];
      if (wanted !== null && check.expect(parent !== null && levelOf.has(parent), 'E_UNKNOWN_PARENT', 'parent_code')) {
        const actual = levelOf.get(parent!)!;
        const code = check.get<string>('code')!;
        if (check.expect(actual === wanted, 'E_PARENT_LEVEL', 'parent_code', {expected: wanted, actual})) {
          check.expect(code.startsWith(parent!), 'E_PARENT_PREFIX', 'parent_code', {code});
        }
      }
      if (check.problems.length) rejected.push(check.problems);
      return check.problems.length === 0;
    });
    if (next.length === pending.length) return {accepted: next, rejected};
    pending = next;
  }
}
