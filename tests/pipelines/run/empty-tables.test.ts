/**
 * Issue 13, item 5: a required file exported with its header only is far more often an accident than news.
 * It stops the build (E_NO_ROWS, a file fault) unless `--allow-empty` names it; then the data are still
 * published — every table, with no rows where there is nothing to count — with a warning per file and the
 * file marked in the summary and the manifest. An optional file may be empty, as before.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {createProgress} from '../../../pipelines/lib/progress.ts';
import {buildRelease, checkInput} from '../../../pipelines/run.ts';
import {formatReport} from '../../../pipelines/validate/format-report.ts';
import {minimalInput, removeInputs, writeInput} from '../validate/input-folder.ts';
import {gongshi} from './gongshi.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-empty-'));
afterAll(async () => {
  rmSync(root, {recursive: true, force: true});
  await removeInputs();
});

const headersOnly = () => ({...minimalInput(), households: [], villages: [], projects: []});

describe('required files that hold only their header', () => {
  it('stop the build with E_NO_ROWS, one fault per file, and leave no output', async () => {
    const input = await writeInput(headersOnly());
    const checked = await checkInput({input, lang: 'en'});
    expect(checked.faults.map((f) => [f.code, f.file])).toEqual([
      ['E_NO_ROWS', 'villages.csv'],
      ['E_NO_ROWS', 'projects.csv'],
      ['E_NO_ROWS', 'households.csv']
    ]);
    const out = join(root, 'refused');
    const built = await buildRelease({input, out, lang: 'en', dataOnly: true});
    expect(built.built).toBe(false);
    const run = await gongshi('check', '--input', input, '--lang', 'en');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('households.csv has a header but no rows [E_NO_ROWS]');
    expect(run.stdout).toContain('--allow-empty households.csv');
  });

  it('publish every table with --allow-empty, marked in the summary and the manifest', async () => {
    const input = await writeInput(headersOnly());
    const out = join(root, 'allowed');
    let printed = '';
    const progress = createProgress({write: (text: string) => void (printed += text)});
    const result = await buildRelease({
      input,
      out,
      lang: 'en',
      dataOnly: true,
      progress,
      allowEmpty: ['households.csv', 'villages.csv', 'projects.csv']
    });
    expect(result.built).toBe(true);
    // Built, but not silently: one warning per file without rows (and targets.csv, left out, has its own).
    expect(printed.match(/^warning: .*$/gm)).toEqual([
      'warning: villages.csv has a header but no rows: nothing of it is published',
      'warning: projects.csv has a header but no rows: nothing of it is published',
      'warning: targets.csv is absent: the defaults apply',
      'warning: households.csv has a header but no rows: nothing of it is published'
    ]);
    expect(formatReport(result.files, result.problems, 'en')).toContain(
      'households.csv: read 0 rows, accepted 0, rejected 0 (no rows: allowed by --allow-empty)'
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      tables: Record<string, {rows: number}>;
      inputs: {file: string; allowed_empty: boolean}[];
    };
    expect(manifest.inputs.filter((i) => i.allowed_empty).map((i) => i.file)).toEqual([
      'villages.csv',
      'projects.csv',
      'households.csv'
    ]);
    expect(manifest.tables.indicator_values!.rows).toBe(0);
    expect(manifest.tables.monitoring!.rows).toBe(0);
    expect(manifest.tables.projects!.rows).toBe(0);
    expect(manifest.tables.regions!.rows).toBe(minimalInput().regions.length);
  });

  it('takes --allow-empty on the command line, and refuses a name that is no required input file', async () => {
    const input = await writeInput({...minimalInput(), households: []});
    const allowed = await gongshi('check', '--input', input, '--lang', 'en', '--allow-empty', 'households');
    expect(allowed.status, allowed.stdout).toBe(0);
    expect(allowed.stdout).toContain('(no rows: allowed by --allow-empty)');
    const wrong = await gongshi('check', '--input', input, '--allow-empty', 'targets.csv');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--allow-empty takes a required input file');
  });

  it('let an optional file (targets.csv) hold its header only, as before', async () => {
    const input = await writeInput({...minimalInput(), targets: []});
    const checked = await checkInput({input, lang: 'en'});
    expect(checked.faults).toEqual([]);
  });
});
