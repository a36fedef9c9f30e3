/**
 * Golden pipeline cases (STYLE.md, "Tests"): each input folder
 * `tests/input/pipeline/<case>/` is built through the real CLI and its
 * published data folder must reproduce `tests/output/pipeline/<case>/` byte
 * for byte — every file but the Parquet ones and the zip, whose sha256 the manifest
 * carries. On a mismatch the actual files land in
 * `tests/output/pipeline/<case>-changed/` (ignored by git) to inspect.
 * `UPDATE_GOLDEN=1` rewrites the expected output instead: read the diff
 * before committing it.
 */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {inputTable} from '../../../src/lib/input-tables.ts';
import {gongshiOk, hashTree} from './gongshi.ts';

const INPUTS = join(import.meta.dirname, '../../input/pipeline');
const OUTPUTS = join(import.meta.dirname, '../../output/pipeline');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const root = mkdtempSync(join(tmpdir(), 'gongshi-golden-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

interface Manifest {
  synthetic: boolean;
  tables: Record<string, {files: {path: string; sha256: string}[]}>;
  inputs: {file: string; present: boolean; rows_read: number; rows_accepted: number; rows_rejected: number}[];
}

for (const name of readdirSync(INPUTS, {withFileTypes: true})
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()) {
  describe(`golden case ${name}`, () => {
    const site = join(root, name, 'site');
    const data = join(site, 'data');
    const expectedDir = join(OUTPUTS, name);
    const changedDir = join(OUTPUTS, `${name}-changed`);
    let actual: Record<string, string>;

    beforeAll(async () => {
      await gongshiOk('build', '--input', join(INPUTS, name), '--out', site);
      actual = hashTree(data);
    });

    it(`publishes tests/output/pipeline/${name}/ (every file but Parquet and the zip, byte for byte)`, () => {
      // Parquet and the zip are checked through their sha256 (manifest.json, SHA256SUMS); pages are not data.
      const published = Object.keys(actual).filter((file) => !/\.(parquet|zip|html)$/.test(file));
      if (UPDATE) {
        rmSync(expectedDir, {recursive: true, force: true});
        copyFiles(data, expectedDir, published);
      }
      const expected = existsSync(expectedDir) ? hashTree(expectedDir) : {};
      const differing = [...new Set([...published, ...Object.keys(expected)])]
        .filter((file) => actual[file] !== expected[file])
        .sort()
        .map((file) => `${file} (${!(file in expected) ? 'new' : !(file in actual) ? 'missing' : 'changed'})`);
      rmSync(changedDir, {recursive: true, force: true});
      if (differing.length > 0) copyFiles(data, changedDir, published);
      expect(differing, `compare ${changedDir} with ${expectedDir}; UPDATE_GOLDEN=1 accepts it`).toEqual([]);
    });

    it('lists every published file in the manifest with its sha256, Parquet included', () => {
      const manifest = readManifest(data);
      const listed = Object.values(manifest.tables).flatMap((t) => t.files);
      expect(listed.some((f) => f.path.endsWith('.parquet'))).toBe(true);
      for (const file of listed) expect(actual[file.path], file.path).toBe(file.sha256);
    });

    it('accounts for every input row and says the data is synthetic', () => {
      const manifest = readManifest(data);
      expect(manifest.synthetic).toBe(true);
      for (const input of manifest.inputs.filter((i) => i.present)) {
        expect(input.rows_read, input.file).toBe(input.rows_accepted + input.rows_rejected);
      }
    });

    it('puts no name, ID number or phone of the input anywhere in the built site', () => {
      const text = decodeInput(readFileSync(join(INPUTS, name, 'households.csv'))).replace(/^#.*\r?\n/gm, '');
      const households = Papa.parse<Record<string, string>>(text, {header: true, skipEmptyLines: true}).data;
      // The personal columns by either header, English or Chinese.
      const personal = inputTable('households').columns.filter((c) => c.pii);
      const pii = households
        .flatMap((h) => personal.map((c) => h[c.name] ?? h[c.alias]))
        .filter((v): v is string => !!v);
      expect(pii.length).toBeGreaterThan(0);
      for (const file of Object.keys(hashTree(site))) {
        const content = readFileSync(join(site, file), 'utf8');
        for (const value of pii) expect(content.includes(value), `${value} in ${file}`).toBe(false);
      }
    });
  });
}

/** An input file's text: UTF-8, or GB18030 as an office's Excel saves it (the `gaps` case). */
function decodeInput(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

function readManifest(data: string): Manifest {
  return JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as Manifest;
}

function copyFiles(from: string, to: string, files: string[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), {recursive: true});
    cpSync(join(from, file), join(to, file));
  }
}
