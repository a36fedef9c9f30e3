import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, rmSync} from 'node:fs';
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import type {TestProject} from 'vitest/node';
import {serveStatic} from '../../pipelines/serve/serve-static.ts';
import {E2E_DIR, E2E_INPUT, E2E_ORIGIN, E2E_SITE} from './paths.ts';

let server: Server | undefined;

/**
 * Builds the tiny synthetic sample site once through the real CLI, serves it
 * on a free loopback port and hands the URL to the tests.
 */
export async function setup(project: TestProject) {
  rmSync(E2E_DIR, {recursive: true, force: true});
  mkdirSync(E2E_DIR, {recursive: true});
  const cli = join(import.meta.dirname, '../../pipelines/cli.ts');
  const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args], {stdio: 'inherit'});
  run('sample', '--scale', 'tiny', '--seed', '1', '--out', E2E_INPUT);
  run('build', '--input', E2E_INPUT, '--out', E2E_SITE, '--site-url', E2E_ORIGIN);
  if (!existsSync(join(E2E_SITE, 'index.html'))) throw new Error(`site build wrote no index.html in ${E2E_SITE}`);
  server = await serveStatic({root: E2E_SITE, port: 0});
  project.provide('siteUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}

export async function teardown() {
  await new Promise((resolve) => server?.close(resolve));
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
