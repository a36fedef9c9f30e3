/**
 * The `gongshi` entry runs the command in a Node whose heap may take three quarters of the machine's memory (a
 * province's disclosure control outgrows V8's default of about 4 GiB), with its arguments and exit status, unless a
 * limit was given.
 */
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {wantedHeapMiB} from '../../../pipelines/larger-heap.js';

const probe = join(import.meta.dirname, 'fixtures/heap-probe.js');
const run = (env: NodeJS.ProcessEnv) => {
  const result = spawnSync(process.execPath, [probe, '--input', 'a b'], {
    env: {...process.env, ...env},
    encoding: 'utf8'
  });
  const [heap, ...args] = result.stdout.split(' ');
  return {heap: Number(heap), args: args.join(' '), status: result.status};
};

describe('the command’s heap', () => {
  it('is three quarters of the machine’s memory, the arguments and the exit status passed through', () => {
    const {heap, args, status} = run({NODE_OPTIONS: ''});
    expect(heap).toBeGreaterThanOrEqual(Math.min(wantedHeapMiB(), 4096) * 0.9);
    if (wantedHeapMiB() > 4500) expect(heap).toBeGreaterThan(4500);
    expect(args).toBe('--input a b');
    expect(status).toBe(3);
  });

  it('leaves nothing in the temporary folder when the command is killed (row-level work files)', () => {
    const result = spawnSync(process.execPath, [probe, '--die'], {
      env: {...process.env, NODE_OPTIONS: ''},
      encoding: 'utf8'
    });
    expect(result.status).toBe(128 + 9);
    expect(result.stdout).toMatch(/gongshi-probe-/);
    expect(existsSync(result.stdout)).toBe(false);
    expect(existsSync(dirname(result.stdout))).toBe(false);
  });

  it('is the one the user gave, where one was given', () => {
    // The limit V8 reports adds the young generation to the old space given.
    expect(run({NODE_OPTIONS: '--max-old-space-size=1000'}).heap).toBeLessThan(1300);
  });
});
