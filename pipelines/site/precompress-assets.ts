import {createHash} from 'node:crypto';
import {mkdir, readFile, readdir, rename, stat, writeFile} from 'node:fs/promises';
import {extname, join} from 'node:path';
import {promisify} from 'node:util';
import {brotliCompress, constants, gzip} from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Bundled assets this large or larger get compressed copies; smaller ones gain little. */
export const PRECOMPRESS_MIN_BYTES = 64 * 1024;
const EXTENSIONS = new Set(['.wasm', '.js', '.mjs', '.css']);

export interface PrecompressOptions {
  /**
   * Folder of compressed copies kept between builds, by the sha256 of the
   * original: DuckDB-wasm's module is the same in every build, and
   * compressing its 34 MB costs seconds of CPU each time. None by default.
   */
  cacheDir?: string;
}

/**
 * Writes a `.gz` and a `.br` copy beside every large script, stylesheet and
 * WebAssembly module in the site's `_astro/` folder (DuckDB-wasm's 34 MB
 * module is 7.7 MB gzipped, 6.2 MB in Brotli), for static servers that send a
 * precompressed file to a browser that accepts it. Deterministic: gzip with no
 * name and mtime 0, Brotli with fixed parameters. Returns the files compressed.
 */
export async function precompressAssets(siteDir: string, {cacheDir}: PrecompressOptions = {}): Promise<string[]> {
  const dir = join(siteDir, '_astro');
  const names = await readdir(dir).catch(() => [] as string[]);
  const chosen: string[] = [];
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (EXTENSIONS.has(extname(name)) && (await stat(path)).size >= PRECOMPRESS_MIN_BYTES) chosen.push(path);
  }
  if (cacheDir) await mkdir(cacheDir, {recursive: true});
  await Promise.all(
    chosen.map(async (path) => {
      const bytes = await readFile(path);
      const copies = cacheDir ? await cached(bytes, cacheDir) : await compress(bytes);
      await Promise.all([writeFile(`${path}.gz`, copies.gz), writeFile(`${path}.br`, copies.br)]);
    })
  );
  return chosen.map((path) => path.slice(siteDir.length + 1));
}

async function compress(bytes: Buffer) {
  // Brotli quality 5 takes 2 s for the DuckDB module where 11 takes minutes, for 15% more bytes.
  const [gz, br] = await Promise.all([
    gzipAsync(bytes, {level: 9}),
    brotliAsync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
      }
    })
  ]);
  return {gz, br};
}

async function cached(bytes: Buffer, cacheDir: string) {
  const key = join(cacheDir, createHash('sha256').update(bytes).digest('hex'));
  const [gz, br] = await Promise.all([readFile(`${key}.gz`), readFile(`${key}.br`)]).catch(() => [null, null]);
  if (gz && br) return {gz, br};
  const copies = await compress(bytes);
  // Written under a private name and renamed, so that a build running at the same time never reads half a file.
  for (const [suffix, data] of [
    ['.gz', copies.gz],
    ['.br', copies.br]
  ] as const) {
    const scratch = `${key}${suffix}.${process.pid}.tmp`;
    await writeFile(scratch, data);
    await rename(scratch, `${key}${suffix}`);
  }
  return copies;
}
