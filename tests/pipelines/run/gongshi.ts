/**
 * Runs the real `gongshi` command in a child process, and reads back what a
 * build wrote: the sha256 of every file under a folder.
 */
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {join, relative} from 'node:path';

const CLI = join(import.meta.dirname, '../../../pipelines/cli.ts');
const SCRATCH = join(import.meta.dirname, '../../.tmp');

/** What a finished command left: its exit status and everything it printed. */
export interface CommandRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `gongshi ...args` to the end, without SOURCE_DATE_EPOCH. Each run
 * gets its own working directory below the project (so node_modules
 * resolves): Astro keeps build scratch files in `<cwd>/.astro/` when `--out`
 * lies outside the working directory, and two builds sharing one break each
 * other. Asynchronous, so that one test file can run builds side by side.
 */
export async function gongshi(...args: string[]): Promise<CommandRun> {
  mkdirSync(SCRATCH, {recursive: true});
  const cwd = mkdtempSync(join(SCRATCH, 'gongshi-cwd-'));
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1'};
  delete env.SOURCE_DATE_EPOCH;
  try {
    const child = spawn(process.execPath, [CLI, ...args], {cwd, env});
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const status = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject).on('close', resolve);
    });
    return {status, stdout, stderr};
  } finally {
    rmSync(cwd, {recursive: true, force: true});
  }
}

/** Runs `gongshi` and throws, with everything it printed, unless it exits 0. */
export async function gongshiOk(...args: string[]): Promise<CommandRun> {
  const run = await gongshi(...args);
  if (run.status !== 0) {
    throw new Error(`gongshi ${args.join(' ')} exited ${run.status}\n${run.stdout}\n${run.stderr}`);
  }
  return run;
}

/** Every file below `dir` (paths relative to it, `/`-separated, sorted) with its sha256. */
export function hashTree(dir: string): Record<string, string> {
  const files = readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
  return Object.fromEntries(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex')
    ])
  );
}
