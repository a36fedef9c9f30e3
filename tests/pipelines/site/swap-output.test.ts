import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {createStaging, swapOutput} from '../../../pipelines/site/swap-output.ts';

const made: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-swap-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true});
});

describe('staging and swap', () => {
  it('replaces the output only on swap, and clears the staging folders of dead builds but not of running ones', async () => {
    const dir = scratch();
    const out = join(dir, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'old');
    // PID 2^22 + 1 is above Linux's pid_max: no such process can run.
    const dead = join(dir, `.site.staging-${2 ** 22 + 1}`);
    const alive = join(dir, `.site.staging-${process.ppid}`);
    mkdirSync(dead);
    mkdirSync(alive);

    const staging = await createStaging(out);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    writeFileSync(join(staging, 'index.html'), 'new');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');

    await swapOutput(staging, out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(staging)).toBe(false);
  });

  it('puts back the last good output that a build killed between the two renames left aside', async () => {
    const dir = scratch();
    const out = join(dir, 'site');
    const deadPid = 2 ** 22 + 1;
    mkdirSync(join(dir, `.site.staging-${deadPid}.old`));
    writeFileSync(join(dir, `.site.staging-${deadPid}.old`, 'index.html'), 'last good');
    mkdirSync(join(dir, `.site.staging-${deadPid}`));
    await createStaging(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last good');
    expect(existsSync(join(dir, `.site.staging-${deadPid}`))).toBe(false);
  });
});
