/**
 * The public words of a build, which the PII scan blanks before it looks for
 * names (a head named 龙南 must not be found in 龙南镇): published region,
 * fund and indicator texts, the site's UI strings and the contract's code
 * lists.
 */
import {readFile, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {
  FUND_LEVELS,
  HOUSEHOLD_STATUSES,
  MONITOR_TYPES,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  REGION_LEVELS,
  RISK_FEATURES
} from '../../src/lib/input-tables.ts';
import {officeNamesIn} from '../ingest/office-name.ts';
import {readPublishedCsv} from './read-published-csv.ts';

const COMMITTEE = /(?:村民委员会|居民委员会|村委会|居委会|委员会)$/;
const I18N_DIR = join(import.meta.dirname, '../../src/i18n');

/** Published columns whose texts are public words. */
const COLUMNS: Record<string, string[]> = {
  'regions.csv': ['name'],
  'funds.csv': ['document_no', 'recipient_name'],
  'projects.csv': ['region_name'],
  'indicators.csv': ['name_zh', 'definition', 'formula', 'numerator_zh', 'denominator_zh', 'source', 'note_zh']
};
/** Published columns an office types an office's name into: public words only the runs that name one (office-name.ts). */
const OFFICE_COLUMNS: Record<string, string[]> = {
  'funds.csv': ['category'],
  'projects.csv': ['responsible_unit', 'asset_owner']
};

/**
 * Returns the distinct public terms of the published folder `dataDir` and of
 * the site's UI strings. The texts an office types freely are where a
 * person's name can slip in, and blanking them would hide it: a project's
 * name is left out (unless `projectNames` is true), and of a responsible
 * unit, asset owner or fund category only the runs that name an office count
 * (安远县文明办 does; 肖荣华, 肖荣华等5户 and the 联系人肖荣华 of
 * 东门村委会（联系人肖荣华） do not). Missing tables or columns are skipped.
 */
export async function readPublicVocabulary(
  dataDir: string,
  {projectNames = false}: {projectNames?: boolean} = {}
): Promise<string[]> {
  const terms = new Set<string>();
  const add = (text: string) => {
    const term = text.trim();
    if (term !== '') terms.add(term);
  };
  const read = async (files: Record<string, string[]>, onText: (text: string, column: string) => void) => {
    for (const [file, columns] of Object.entries(files)) {
      for (const column of columns) {
        try {
          await readPublishedCsv(join(dataDir, file), [column], ([text]) => onText(text!, column));
        } catch (error) {
          if (!String(error).includes('has no column')) throw error;
        }
      }
    }
  };
  await read(
    {...COLUMNS, 'projects.csv': [...COLUMNS['projects.csv']!, ...(projectNames ? ['name'] : [])]},
    (text, column) => {
      add(text);
      // Texts name a village by its short form: 杨梅村 for 杨梅村村委会, 孔田镇 for 孔田镇居委会.
      if (column.endsWith('name')) add(text.trim().replace(COMMITTEE, ''));
    }
  );
  await read(OFFICE_COLUMNS, (text) => officeNamesIn(text).forEach(add));
  for (const file of (await readdir(I18N_DIR)).filter((f) => f.endsWith('.json'))) {
    collectStrings(JSON.parse(await readFile(join(I18N_DIR, file), 'utf8')), add);
  }
  const codeLists = [FUND_LEVELS, HOUSEHOLD_STATUSES, MONITOR_TYPES, PROJECT_STATUSES, REGION_LEVELS, RISK_FEATURES];
  for (const list of codeLists) for (const label of Object.values(list)) add(label);
  for (const type of PROJECT_TYPES) add(type);
  return [...terms].sort();
}

function collectStrings(value: unknown, add: (text: string) => void): void {
  if (typeof value === 'string') add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, add);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, add);
}
