/** Test fixtures: a fresh temporary input folder holding the given files, removed when the test file ends. */
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll} from 'vitest';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((folder) => rm(folder, {recursive: true, force: true})));
});

/** Writes `files` (name -> text, written as UTF-8, or raw bytes) into a new temporary folder and returns its path. */
export async function fixtureFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'gongshi-ingest-'));
  made.push(folder);
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
  return folder;
}
