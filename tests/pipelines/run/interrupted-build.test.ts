/**
 * A build stopped by a signal (Ctrl-C, a CI time limit) leaves no work
 * folder behind: it may hold row-level data. The real `gongshi build` is
 * stopped once it has validated every file, while it aggregates, publishes
 * and builds the site (several seconds more even on the smallest input).
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {minimalInput, toCsv} from '../validate/input-folder.ts';

const CLI = join(import.meta.dirname, '../../../pipelines/cli.ts');
const SCRATCH_PARENT = join(import.meta.dirname, '../../../.gongshi');
const root = mkdtempSync(join(tmpdir(), 'gongshi-interrupt-'));
const children: ChildProcess[] = [];
// A build a failing test leaves running is killed.
afterEach(() => children.splice(0).forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
afterAll(() => rmSync(root, {recursive: true, force: true}));

/** Resolves once `ready` holds, polling; throws after 60 s or when the build ends first. */
async function waitFor(child: ChildProcess, ready: () => boolean, what: () => string): Promise<void> {
  for (let waited = 0; !ready(); waited += 20) {
    if (waited > 60_000 || child.exitCode !== null) throw new Error(what());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

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
  await waitFor(
    child,
    () => /validate households\.csv/.test(output),
    () => `the build did not validate its input:\n${output}`
  );
  return {child, exited, output: () => output};
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

  it("removes the site build's scratch folder inside the project when stopped while it builds the site", async () => {
    const temp = join(root, 'tmp-site');
    mkdirSync(temp);
    const {child, exited, output} = await startBuild(temp);
    // Astro builds into .gongshi/site-<pid>-… of the project (build-site.ts).
    const scratch = () =>
      existsSync(SCRATCH_PARENT)
        ? readdirSync(SCRATCH_PARENT).filter((name) => name.startsWith(`site-${child.pid}-`))
        : [];
    await waitFor(
      child,
      () => scratch().length === 1,
      () => `the build did not start the site:\n${output()}`
    );
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(scratch()).toEqual([]);
  }, 90_000);
});
