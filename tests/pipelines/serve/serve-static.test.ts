import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {brotliCompressSync, brotliDecompressSync, gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {acceptedEncodings, serveStatic} from '../../../pipelines/serve/serve-static.ts';

const WASM = Buffer.from('\0asm pretend module '.repeat(100));

describe('serveStatic', () => {
  let dir = '';
  let server: Server;
  let base = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongshi-serve-'));
    await mkdir(join(dir, '_astro'));
    await writeFile(join(dir, '_astro', 'm.wasm'), WASM);
    await writeFile(join(dir, '_astro', 'm.wasm.gz'), gzipSync(WASM));
    await writeFile(join(dir, '_astro', 'm.wasm.br'), brotliCompressSync(WASM));
    server = await serveStatic({root: dir, port: 0, base: '/gongshi/'});
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gongshi/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, {recursive: true, force: true});
  });

  // fetch would decode the body itself; a raw request shows what the server sent.
  async function get(path: string, acceptEncoding: string) {
    const {request} = await import('node:http');
    return new Promise<{status: number; encoding: string | undefined; type: string | undefined; body: Buffer}>(
      (resolve, reject) => {
        request(`${base}${path}`, {headers: {'accept-encoding': acceptEncoding}}, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () =>
            resolve({
              status: response.statusCode!,
              encoding: response.headers['content-encoding'],
              type: response.headers['content-type'],
              body: Buffer.concat(chunks)
            })
          );
        })
          .on('error', reject)
          .end();
      }
    );
  }

  it('sends the Brotli copy to a browser that accepts br, with the type of the original', async () => {
    const response = await get('_astro/m.wasm', 'gzip, deflate, br, zstd');
    expect(response.encoding).toBe('br');
    expect(response.type).toBe('application/wasm');
    expect(brotliDecompressSync(response.body).equals(WASM)).toBe(true);
  });

  it('sends gzip where br is not accepted, and the file itself where neither is', async () => {
    expect((await get('_astro/m.wasm', 'gzip, deflate')).encoding).toBe('gzip');
    expect((await get('_astro/m.wasm', 'br;q=0, gzip')).encoding).toBe('gzip');
    const plain = await get('_astro/m.wasm', 'identity');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.equals(WASM)).toBe(true);
  });

  it('answers 404 outside the base path', async () => {
    expect((await get('../_astro/m.wasm', 'br')).status).toBe(404);
  });

  it('reads Accept-Encoding with q-values', () => {
    expect([...acceptedEncodings('gzip;q=0.5, br;q=0, zstd')].sort()).toEqual(['gzip', 'zstd']);
    expect(acceptedEncodings('').size).toBe(0);
  });
});
