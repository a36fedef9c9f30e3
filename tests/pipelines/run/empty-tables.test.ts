/**
 * An office may publish before any household, village or project row is in:
 * those files then hold only their header, which validation accepts. The
 * data must still be published — every table, with no rows where there is
 * nothing to count — rather than the build failing on the empty tables.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readKnownIndicatorIds} from '../../../pipelines/commands/known-indicators.ts';
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
    const result = await buildRelease({
      input: await writeInput(input),
      out,
      lang: 'en',
      dataOnly: true,
      indicatorIds: readKnownIndicatorIds()
    });
    expect(result.built).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      tables: Record<string, {rows: number}>;
    };
    expect(manifest.tables.indicator_values!.rows).toBe(0);
    expect(manifest.tables.monitoring!.rows).toBe(0);
    expect(manifest.tables.projects!.rows).toBe(0);
    expect(manifest.tables.regions!.rows).toBe(minimalInput().regions.length);
  });
});
