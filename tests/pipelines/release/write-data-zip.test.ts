/**
 * The bulk download (issue 6): the same files give a byte-identical archive
 * whatever their timestamps and the order they are given in, and the
 * SHA256SUMS beside the files verifies them with `sha256sum -c`.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {unzipSync} from 'fflate';
import {afterAll, describe, expect, it} from 'vitest';
import {describeFile} from '../../../pipelines/publish/write-table-files.ts';
import {formatChecksums, writeChecksums} from '../../../pipelines/release/write-checksums.ts';
import {folderEntries, writeDataZip} from '../../../pipelines/release/write-data-zip.ts';
import {writeDataZipInWorker} from '../../../pipelines/release/zip-in-worker.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-zip-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

const FILES: Record<string, string> = {
  'regions.csv': '\uFEFFcode,name\n3607,赣州市\n360702,章贡区\n',
  'indicator_values/family_doctor_rate.json': JSON.stringify([{value: 0.95}]),
  'datapackage.json': '{"name":"gongshi"}\n',
  // Bytes that deflate cannot shrink, stored as they are.
  'regions.parquet': Buffer.from(Array.from({length: 4096}, (_, i) => (i * 7919) % 251)).toString('latin1')
};

function writeFolder(name: string, mtime: Date): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, '..'), {recursive: true});
    writeFileSync(join(dir, path), text, path.endsWith('.parquet') ? 'latin1' : 'utf8');
    utimesSync(join(dir, path), mtime, mtime);
  }
  return dir;
}

describe('writeDataZip', () => {
  const a = writeFolder('a', new Date('2021-03-04T05:06:07Z'));
  const b = writeFolder('b', new Date('2025-12-31T23:59:58Z'));

  it('writes byte-identical archives for the same files, whatever their mtimes and order', async () => {
    const paths = Object.keys(FILES);
    await writeDataZip(join(root, 'a.zip'), folderEntries(a, paths, 'release'));
    await writeDataZip(join(root, 'b.zip'), folderEntries(b, [...paths].reverse(), 'release'));
    expect(readFileSync(join(root, 'b.zip')).equals(readFileSync(join(root, 'a.zip')))).toBe(true);
  });

  it('holds every file under its prefix, sorted, with the bytes it was given', () => {
    const entries = unzipSync(readFileSync(join(root, 'a.zip')));
    expect(Object.keys(entries)).toEqual(
      Object.keys(FILES)
        .map((p) => `release/${p}`)
        .sort()
    );
    for (const [path, text] of Object.entries(FILES)) {
      const expected = Buffer.from(text, path.endsWith('.parquet') ? 'latin1' : 'utf8');
      expect(Buffer.from(entries[`release/${path}`]!).equals(expected), path).toBe(true);
    }
  });

  it('gives the same bytes when written in a worker thread', async () => {
    const dir = writeFolder('large', new Date(0));
    // A few MiB of text that deflates, read in many chunks.
    const lines = Array.from({length: 100_000}, (_, i) => `36070${i % 997},${(i * 7919) % 100_003},赣州市\n`);
    writeFileSync(join(dir, 'indicator_values.csv'), lines.join(''));
    const paths = [...Object.keys(FILES), 'indicator_values.csv'];
    await writeDataZipInWorker(join(root, 'worker.zip'), folderEntries(dir, paths, 'release'));
    await writeDataZip(join(root, 'thread.zip'), folderEntries(dir, paths, 'release'));
    const worker = readFileSync(join(root, 'worker.zip'));
    expect(worker.equals(readFileSync(join(root, 'thread.zip')))).toBe(true);
    const unzipped = unzipSync(worker)['release/indicator_values.csv']!;
    expect(Buffer.from(unzipped).equals(readFileSync(join(dir, 'indicator_values.csv')))).toBe(true);
    expect(worker.length).toBeLessThan(unzipped.length / 3);
  });

  it('rejects when the worker cannot write the archive', async () => {
    const missing = folderEntries(join(root, 'nowhere'), ['regions.csv'], 'release');
    await expect(writeDataZipInWorker(join(root, 'missing.zip'), missing)).rejects.toThrow(/ENOENT/);
  });

  it('changes when a file changes', async () => {
    const c = writeFolder('c', new Date('2021-03-04T05:06:07Z'));
    writeFileSync(join(c, 'regions.csv'), FILES['regions.csv']!.replace('章贡区', '南康区'));
    await writeDataZip(join(root, 'c.zip'), folderEntries(c, Object.keys(FILES), 'release'));
    expect(readFileSync(join(root, 'c.zip')).equals(readFileSync(join(root, 'a.zip')))).toBe(false);
  });
});

describe('SHA256SUMS', () => {
  it('lists every file once, sorted, in the format `sha256sum -c` reads', async () => {
    const dir = writeFolder('sums', new Date(0));
    const files = await Promise.all(
      Object.keys(FILES).map(async (path) => ({...(await describeFile(join(dir, path))), path}))
    );
    await writeChecksums(dir, files);
    const text = readFileSync(join(dir, 'SHA256SUMS'), 'utf8');
    expect(text).toBe(formatChecksums([...files].reverse()));
    expect(
      text
        .trim()
        .split('\n')
        .map((line) => line.slice(66))
    ).toEqual(Object.keys(FILES).sort());
    const verified = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], {cwd: dir, encoding: 'utf8'});
    expect(verified.trim().split('\n').sort()).toEqual(
      Object.keys(FILES)
        .sort()
        .map((p) => `${p}: OK`)
    );
  });

  it('makes `sha256sum -c` fail when a file was altered', async () => {
    const dir = writeFolder('altered', new Date(0));
    const files = await Promise.all(
      Object.keys(FILES).map(async (path) => ({...(await describeFile(join(dir, path))), path}))
    );
    await writeChecksums(dir, files);
    writeFileSync(join(dir, 'regions.csv'), 'tampered');
    expect(() => execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], {cwd: dir, stdio: 'pipe'})).toThrow();
  });
});
