import {createReadStream, statSync} from 'node:fs';
import {type Server, type ServerResponse, createServer} from 'node:http';
import {extname, join, normalize} from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.xml': 'application/xml; charset=utf-8',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2'
};

export interface StaticServerOptions {
  /** Folder to serve. */
  root: string;
  port: number;
  host?: string;
  /** URL prefix the site is built for, e.g. `/gongshi/`; requests outside it get 404. */
  base?: string;
  /**
   * Send `_astro/`'s content-hashed files as cacheable for good (default true). False serves as a plain static
   * server does, with no cache header: what the SQL console must also cope with.
   */
  immutableAssets?: boolean;
}

/**
 * Serves a built site over HTTP on loopback: directory URLs map to their
 * index.html; a precompressed `.br` or `.gz` copy beside a file is sent, with
 * its Content-Encoding, to clients that accept that coding.
 * Resolves once listening; port 0 picks a free port (read it from the server).
 */
export function serveStatic({
  root,
  port,
  host = '127.0.0.1',
  base = '/',
  immutableAssets = true
}: StaticServerOptions): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) return notFound(response);
    let file = normalize(join(root, pathname.slice(base.length)));
    if (!file.startsWith(normalize(root))) return notFound(response);
    let stat = statOrNull(file);
    if (stat?.isDirectory()) stat = statOrNull((file = join(file, 'index.html')));
    if (!stat?.isFile()) return notFound(response);
    const headers: Record<string, string | number> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream'
    };
    // A precompressed copy beside the file (Brotli preferred, then gzip) when the browser accepts it.
    const accepted = acceptedEncodings(String(request.headers['accept-encoding'] ?? ''));
    const encoding = ENCODINGS.find((e) => accepted.has(e.name) && statOrNull(`${file}${e.suffix}`)?.isFile());
    headers.vary = 'accept-encoding';
    // Vite names what it emits under _astro/ by content hash: a name never changes content, so it is cached for
    // good.
    if (immutableAssets && pathname.slice(base.length).startsWith('_astro/'))
      headers['cache-control'] = 'public, max-age=31536000, immutable';
    if (encoding) {
      file = `${file}${encoding.suffix}`;
      Object.assign(headers, {'content-encoding': encoding.name, 'content-length': statSync(file).size});
    } else {
      headers['content-length'] = stat.size;
    }
    // Set one by one (not passed to writeHead) so that they can be read back, as bench:explore does.
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.writeHead(200);
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

const ENCODINGS = [
  {name: 'br', suffix: '.br'},
  {name: 'gzip', suffix: '.gz'}
];

/** The content codings an Accept-Encoding header allows (those not refused with `q=0`). */
export function acceptedEncodings(header: string): Set<string> {
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  return accepted;
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function notFound(response: ServerResponse) {
  response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'});
  response.end('404 not found\n');
}
