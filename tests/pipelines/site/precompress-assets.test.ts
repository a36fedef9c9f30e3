import {randomBytes} from 'node:crypto';
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {afterAll, describe, expect, it} from 'vitest';
import {PRECOMPRESS_MIN_BYTES, precompressAssets} from '../../../pipelines/site/precompress-assets.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, {recursive: true, force: true}))));

async function site(files: Record<string, Buffer>) {
  const dir = await mkdtemp(join(tmpdir(), 'gongshi-precompress-'));
  dirs.push(dir);
  await mkdir(join(dir, '_astro'));
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, '_astro', name), bytes);
  return dir;
}

describe('precompressAssets', () => {
  // Half random, half repetitive: compressible, but not trivially.
  const big = Buffer.concat([randomBytes(PRECOMPRESS_MIN_BYTES), Buffer.alloc(PRECOMPRESS_MIN_BYTES, 'duckdb ')]);

  it('writes .gz and .br copies of large assets only, which decompress to the original', async () => {
    const dir = await site({'duckdb-eh.wasm': big, 'app.js': big, 'small.js': Buffer.from('x'), 'photo.png': big});
    expect(await precompressAssets(dir)).toEqual(['_astro/app.js', '_astro/duckdb-eh.wasm']);
    expect((await readdir(join(dir, '_astro'))).sort()).toEqual(
      [
        'app.js',
        'app.js.br',
        'app.js.gz',
        'duckdb-eh.wasm',
        'duckdb-eh.wasm.br',
        'duckdb-eh.wasm.gz',
        'photo.png',
        'small.js'
      ].sort()
    );
    const wasm = join(dir, '_astro', 'duckdb-eh.wasm');
    expect(gunzipSync(await readFile(`${wasm}.gz`)).equals(big)).toBe(true);
    expect(brotliDecompressSync(await readFile(`${wasm}.br`)).equals(big)).toBe(true);
  });

  it('gives byte-identical copies for the same input', async () => {
    const [a, b] = [await site({'m.wasm': big}), await site({'m.wasm': big})];
    await precompressAssets(a);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a different second, should a timestamp creep in
    await precompressAssets(b);
    for (const suffix of ['.gz', '.br']) {
      const [x, y] = await Promise.all([a, b].map((d) => readFile(join(d, '_astro', `m.wasm${suffix}`))));
      expect(x!.equals(y!)).toBe(true);
    }
  });

  it('reuses the copies kept in its cache for the same bytes, and gives the same files', async () => {
    const cacheDir = join(await site({}), 'cache');
    const [a, b] = [await site({'m.wasm': big}), await site({'m.wasm': big})];
    await precompressAssets(a, {cacheDir});
    const kept = (await readdir(cacheDir)).sort();
    expect(kept.map((name) => name.replace(/^[0-9a-f]{64}/, 'sha256'))).toEqual(['sha256.br', 'sha256.gz']);
    await precompressAssets(b, {cacheDir});
    expect((await readdir(cacheDir)).sort()).toEqual(kept);
    for (const suffix of ['.gz', '.br']) {
      const [x, y] = await Promise.all([a, b].map((d) => readFile(join(d, '_astro', `m.wasm${suffix}`))));
      expect(x!.equals(y!)).toBe(true);
    }
    expect(gunzipSync(await readFile(join(b, '_astro', 'm.wasm.gz'))).equals(big)).toBe(true);
  });

  it('does nothing for a site without bundled assets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gongshi-precompress-'));
    dirs.push(dir);
    expect(await precompressAssets(dir)).toEqual([]);
  });
});
