/**
 * What an office's correction in one county looks like, as an input folder's
 * edit: one project's spending, the incomes of one village's households and
 * one target. Used by the test of incremental rebuilds and by bench:scale.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import Papa from 'papaparse';

/**
 * Changes, in `county` of the sample in `dir`, the first project's spending (1,000 yuan less), the incomes of the
 * households of its first village with households (500 yuan more each) and its first target (a fifth higher, or a point where a rate);
 * returns the project's id. Throws where the county has none of them.
 */
export function changeOneCounty(dir: string, county: string): string {
  let project = '';
  editCsv(join(dir, 'projects.csv'), (row) => {
    if (project || !row.region_code!.startsWith(county) || !row.spent) return;
    project = row.project_id!;
    row.spent = (Number(row.spent) - 1000).toFixed(2);
  });
  let village = '';
  editCsv(join(dir, 'households.csv'), (row) => {
    if (!village && row.village_code!.startsWith(county)) village = row.village_code!;
    if (row.village_code === village && row.per_capita_income) {
      row.per_capita_income = (Number(row.per_capita_income) + 500).toFixed(2);
    }
  });
  let target = '';
  editCsv(join(dir, 'targets.csv'), (row) => {
    if (target || !row.region_code!.startsWith(county)) return;
    target = `${row.indicator_id} ${row.year}`;
    const percent = row.target!.endsWith('%');
    const value = Number(row.target!.replace('%', ''));
    row.target = percent ? `${Math.min(100, value + 1)}%` : String(value * 1.2);
  });
  if (!project || !village || !target) throw new Error(`${county} has no project, household or target to change`);
  return project;
}

/** Rewrites a sample CSV (its first line a `#` comment) with `edit` applied to each row. */
function editCsv(path: string, edit: (row: Record<string, string>) => void): void {
  const [comment, ...rest] = readFileSync(path, 'utf8').split('\n');
  const {data, meta} = Papa.parse<Record<string, string>>(rest.join('\n'), {header: true, skipEmptyLines: true});
  for (const row of data) edit(row);
  writeFileSync(path, `${comment}\n${Papa.unparse(data, {columns: meta.fields, newline: '\n'})}\n`);
}
