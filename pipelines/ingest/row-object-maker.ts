/**
 * Builds the row objects of accepted rows fast. Adding 20-odd properties one
 * by one to `{}` costs V8 a hidden-class transition each and, for a 1.7 GB
 * households file, most of the ingest time; an object literal with all its
 * keys is created in one step.
 */
import type {CellValue} from './cell-value.ts';

/**
 * Returns a function that turns an array of values into an object keyed by
 * `names` in that order. The literal is compiled once per file, as d3-dsv's
 * csvParse does; the names come from the input contract and are
 * JSON-escaped, never taken from the file.
 */
export function rowObjectMaker<T = CellValue>(names: readonly string[]): (values: readonly T[]) => Record<string, T> {
  const body = `return {${names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`).join(', ')}};`;
  return new Function('values', body) as (values: readonly T[]) => Record<string, T>;
}
