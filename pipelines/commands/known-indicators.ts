import {readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const REGISTRY = fileURLToPath(new URL('../../data/indicators/', import.meta.url));

/** Ids of the indicators in data/indicators/ (the YAML file stems), for checking targets.csv. */
export function readKnownIndicatorIds(dir = REGISTRY): Set<string> {
  return new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => f.slice(0, -'.yml'.length))
  );
}
