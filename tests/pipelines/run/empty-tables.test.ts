/**
 * An office may publish before any household, village or project row is in:
 * those files then hold only their header, which validation accepts with a
 * warning each. The data must still be published — every table, with no rows where there is
 * nothing to count — rather than the build failing on the empty tables.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readKnownIndicatorIds} from '../../../pipelines/commands/known-indicators.ts';
import {createProgress} from '../../../pipelines/lib/progress.ts';
import {buildRelease} from '../../../pipelines/run.ts';
import {minimalInput, removeInputs, writeInput} from '../validate/input-folder.ts';

const out = join(mkdtempSync(join(tmpdir(), 'gongshi-empty-')), 'data');
afterAll(async () => {
  rmSync(join(out, '..'), {recursive: true, force: true});
  await removeInputs();
});

describe('a folder whose households, villages and projects files hold only their header', () => {
  it('publishes every table, the counted ones without rows', async () => {
    const input = {...minimalInput(), households: [], villages: [], projects: []};
    let printed = '';
    const progress = createProgress({write: (text: string) => void (printed += text)});
    const result = await buildRelease({
      input: await writeInput(input),
      out,
      lang: 'en',
      dataOnly: true,
      indicatorIds: readKnownIndicatorIds(),
      progress
    });
    expect(result.built).toBe(true);
    // Built, but not silently: one warning per file without rows (and targets.csv, left out, has its own).
    expect(printed.match(/^warning: .*$/gm)).toEqual([
      'warning: villages.csv has a header but no rows: nothing of it is published',
      'warning: projects.csv has a header but no rows: nothing of it is published',
      'warning: targets.csv is absent: the defaults apply',
      'warning: households.csv has a header but no rows: nothing of it is published'
    ]);
    expect(progress.warnings).toBe(4);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      tables: Record<string, {rows: number}>;
    };
    expect(manifest.tables.indicator_values!.rows).toBe(0);
    expect(manifest.tables.monitoring!.rows).toBe(0);
    expect(manifest.tables.projects!.rows).toBe(0);
    expect(manifest.tables.regions!.rows).toBe(minimalInput().regions.length);
  });
});
