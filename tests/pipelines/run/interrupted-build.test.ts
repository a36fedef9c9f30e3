/**
 * A build stopped by a signal (Ctrl-C, a CI time limit) leaves no work
 * folder behind: it may hold row-level data. The real `gongshi build` is
 * stopped once it has validated every file, while it aggregates, publishes
 * and builds the site (several seconds more even on the smallest input).
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {minimalInput, toCsv} from '../validate/input-folder.ts';

const CLI = join(import.meta.dirname, '../../../pipelines/cli.ts');
const root = mkdtempSync(join(tmpdir(), 'gongshi-interrupt-'));
const children: ChildProcess[] = [];
// A build a failing test leaves running is killed.
afterEach(() => children.splice(0).forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
afterAll(() => rmSync(root, {recursive: true, force: true}));

/** Starts `gongshi build` on the minimal folder, with `temp` as the system's temporary folder. */
async function startBuild(temp: string) {
  const input = `${temp}-input`;
  mkdirSync(input, {recursive: true});
  for (const [table, rows] of Object.entries(minimalInput())) {
    writeFileSync(join(input, `${table}.csv`), toCsv(table as never, rows));
  }
  const child = spawn(process.execPath, [CLI, 'build', '--input', input, '--out', `${temp}-out`], {
    env: {...process.env, TMPDIR: temp, NO_COLOR: '1'},
    stdio: ['ignore', 'pipe', 'pipe']
  });
  children.push(child);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code))
  );
  // households.csv, the last file, is validated (one line per stage when not on a terminal).
  for (let waited = 0; !/validate households\.csv/.test(output); waited += 20) {
    if (waited > 30_000 || child.exitCode !== null) throw new Error(`the build did not validate its input:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {child, exited};
}

// POSIX signals: not on Windows.
describe.skipIf(process.platform === 'win32')('an interrupted build', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`removes its private work folder when stopped by ${signal}, and stops as ${signal} stops a process`, async () => {
      const temp = join(root, `tmp-${signal}`);
      mkdirSync(temp);
      const {child, exited} = await startBuild(temp);
      expect(readdirSync(temp).filter((name) => name.startsWith('gongshi-build-'))).toHaveLength(1);
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(readdirSync(temp).filter((name) => name.startsWith('gongshi-'))).toEqual([]);
    }, 60_000);
  }
});
