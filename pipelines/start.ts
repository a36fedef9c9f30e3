/**
 * `npm start`: generates the default synthetic sample if it is missing, builds
 * the site from it and serves it at http://localhost:4321/.
 */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {runCli} from './commands/run-cli.ts';
import {PROJECT_ROOT} from './site/build-site.ts';
import {serveStatic} from './serve/serve-static.ts';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
const input = join(PROJECT_ROOT, 'sample/default');
const out = join(PROJECT_ROOT, 'dist');
const port = Number(process.env.PORT ?? 4321);
const io = {stdout: process.stdout, stderr: process.stderr};

if (!existsSync(join(input, 'households.csv'))) {
  await runCli(['sample', '--scale', 'default', '--seed', '1', '--out', input], io);
}
// The site's own address, given explicitly: its notices' QR codes, feed and sitemap point where it is served.
const status = await runCli(['build', '--input', input, '--out', out, '--site-url', `http://localhost:${port}`], io);
if (status !== 0) process.exit(status);
await serveStatic({root: out, port, host: '127.0.0.1'});
process.stdout.write(`\nGongshi is serving the synthetic sample at http://localhost:${port}/  (Ctrl+C to stop)\n`);
