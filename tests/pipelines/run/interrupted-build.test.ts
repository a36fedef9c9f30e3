/**
 * A build stopped by a signal (Ctrl-C, a CI time limit) leaves no work
 * folder behind: it may hold row-level data. The build is held mid-way by an
 * input file that is a named pipe nobody writes to, so the test stops it at a
 * known point, not by a race.
 */
import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {minimalInput, toCsv} from '../validate/input-folder.ts';

const CLI = join(import.meta.dirname, '../../../pipelines/cli.ts');
const root = mkdtempSync(join(tmpdir(), 'gongshi-interrupt-'));
const children: ChildProcess[] = [];
// A build left blocked on its named pipe by a failing test would wait forever: it is killed.
afterEach(() => children.splice(0).forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
afterAll(() => rmSync(root, {recursive: true, force: true}));

/** Starts `gongshi build` on a folder whose households.csv never ends; resolves when its work folder exists. */
async function startBlockedBuild(temp: string) {
  const input = `${temp}-input`;
  mkdirSync(input, {recursive: true});
  const tables = minimalInput();
  for (const [table, rows] of Object.entries(tables)) {
    if (table !== 'households') writeFileSync(join(input, `${table}.csv`), toCsv(table as never, rows));
  }
  execFileSync('mkfifo', [join(input, 'households.csv')]);
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
  for (let waited = 0; !readdirSync(temp).some((name) => name.startsWith('gongshi-build-')); waited += 50) {
    if (waited > 30_000 || child.exitCode !== null) throw new Error(`the build did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Every file before households.csv is validated (one line each when not on a terminal): it is being read.
  for (let waited = 0; !/validate targets\.csv/.test(output); waited += 50) {
    if (waited > 30_000 || child.exitCode !== null)
      throw new Error(`the build did not reach households.csv:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {child, exited};
}

// Named pipes (mkfifo) and POSIX signals: not on Windows.
describe.skipIf(process.platform === 'win32')('an interrupted build', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`removes its private work folder when stopped by ${signal}, and stops as ${signal} stops a process`, async () => {
      const temp = join(root, `tmp-${signal}`);
      mkdirSync(temp);
      const {child, exited} = await startBlockedBuild(temp);
      expect(readdirSync(temp).filter((name) => name.startsWith('gongshi-build-'))).toHaveLength(1);
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(readdirSync(temp).filter((name) => name.startsWith('gongshi-'))).toEqual([]);
    }, 60_000);
  }
});
