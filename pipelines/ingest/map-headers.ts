/**
 * Header mapping: finds each contract column in a file's header by its
 * canonical English name or its Chinese alias, in any order.
 */
import type {ColumnSpec, InputTableSpec} from '../../src/lib/input-tables.ts';
import {PipelineError} from '../lib/pipeline-error.ts';
import {toHalfWidth} from './cell-value.ts';

/** Where each column of the contract sits in a file's records. */
export interface HeaderMapping {
  /** The non-PII columns found, with the index of their field. */
  columns: {index: number; column: ColumnSpec}[];
  /** Canonical names of the PII columns found: their fields are never read into a row. */
  piiColumns: string[];
  /** The index of each PII column's field, for the one check that compares them (personal-data-in-projects.ts). */
  piiIndices: Record<string, number>;
  /** Headers matching no column, as written (trimmed); an empty header is listed as `#N`, its 1-based position. */
  unknownColumns: string[];
  /** How many fields the header has, and so every record must have. */
  width: number;
}

/**
 * Returns the form a header is matched in: BOM and surrounding spaces
 * (full-width ones too) removed, full-width letters folded, lower case.
 */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/^[\s\uFEFF]+|[\s\uFEFF]+$/g, '')
    .toLowerCase();
}

/**
 * Maps the `header` fields of one file to the columns of `spec`. Unknown
 * headers are listed, not refused. Throws a PipelineError E_MISSING_COLUMN
 * naming every required column that is absent (name and alias), or
 * E_DUPLICATE_COLUMN when two headers name the same column.
 */
export function mapHeaders(header: string[], spec: InputTableSpec, line?: number): HeaderMapping {
  const byHeader = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    byHeader.set(normalizeHeader(column.name), column).set(normalizeHeader(column.alias), column);
  }
  const found = new Map<string, number>();
  const mapping: HeaderMapping = {
    columns: [],
    piiColumns: [],
    piiIndices: {},
    unknownColumns: [],
    width: header.length
  };
  header.forEach((text, index) => {
    const column = byHeader.get(normalizeHeader(text));
    if (!column) return void mapping.unknownColumns.push(text.trim() || `#${index + 1}`);
    const earlier = found.get(column.name);
    if (earlier !== undefined) {
      const params = {first: header[earlier]!.trim(), second: text.trim()};
      throw new PipelineError({code: 'E_DUPLICATE_COLUMN', file: spec.file, line, column: column.name, params});
    }
    found.set(column.name, index);
    if (column.pii) {
      mapping.piiColumns.push(column.name);
      mapping.piiIndices[column.name] = index;
    } else mapping.columns.push({index, column});
  });
  const missing = spec.columns.filter((c) => c.required && !found.has(c.name));
  if (missing.length > 0) {
    const columns = missing.map((c) => `${c.name} (${c.alias})`).join(', ');
    throw new PipelineError({code: 'E_MISSING_COLUMN', file: spec.file, params: {columns}});
  }
  return mapping;
}
