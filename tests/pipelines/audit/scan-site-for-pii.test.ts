import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {PiiValues} from '../../../pipelines/ingest/collect-pii.ts';
import {createPiiMatcher} from '../../../pipelines/audit/pii-matcher.ts';
import {scanSiteForPii} from '../../../pipelines/audit/scan-site-for-pii.ts';
import {unescapeText} from '../../../pipelines/audit/unescape-text.ts';
import type {PiiLeak} from '../../../pipelines/audit/scan-site-for-pii.ts';
import {openDuckDB, sqlString} from '../../../pipelines/lib/duckdb.ts';
import {folderEntries, writeDataZip} from '../../../pipelines/release/write-data-zip.ts';

// Invented values, planted in the site below; none may appear in a leak record.
const NAME = '钟秀英';
const NAME_IN_REGION = '上魏';
const ESCAPED_NAME = '赖桂兰';
const ID = '360726198209200397';
const ID_X = '36072619820920041X';
const PHONE_HTML = '13282926908';
const PHONE_PARQUET = '15879012345';
const PHONE_GZ = '18870011223';
const PHONE_SPACED = '13900001111';
// A phone that is also the start of a 12-digit region code published on the site.
const PHONE_IN_CODE = '13607261010';
const PHONE_IN_IMAGE = '19912345678';

const PII: PiiValues = {
  names: new Set([NAME, NAME_IN_REGION, ESCAPED_NAME, '秘']),
  idNumbers: new Set([ID, ID_X]),
  phones: new Set([PHONE_HTML, PHONE_PARQUET, PHONE_GZ, PHONE_SPACED, PHONE_IN_CODE, PHONE_IN_IMAGE])
};
const VOCABULARY = ['上魏村村委会', '安远县'];

let site: string;
let leaks: PiiLeak[];

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'gongshi-scan-'));
  const files: Record<string, string | Buffer> = {
    'index.html': `<!doctype html><p>安远县上魏村村委会 136072610100</p><p>户主${NAME}，联系电话 ${PHONE_HTML}</p>`,
    'regions/360726101200/index.html': '<h1>上魏村村委会</h1><p>区划代码 136072610100；秘书</p>',
    'data/people.json': JSON.stringify([{note: `证件 ${ID} 已核实`}, {note: `证件 ${ID_X.toLowerCase()}`}]),
    'escaped.html': `<p>${[...ESCAPED_NAME].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('')}</p>`,
    'spaced.txt': `电话：${PHONE_SPACED.slice(0, 3)} ${PHONE_SPACED.slice(3, 7)} ${PHONE_SPACED.slice(7)}\n`,
    'data/rows.csv.gz': gzipSync(`\uFEFFregion,phone\n360726101200,${PHONE_GZ}\n`),
    'logo.png': Buffer.from(`\x89PNG ${PHONE_IN_IMAGE}`, 'latin1')
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(site, name)), {recursive: true});
    await writeFile(join(site, name), content);
  }
  const connection = await openDuckDB();
  const parquet = join(site, 'data', 'contacts.parquet');
  await connection.run(
    `COPY (SELECT '360726101200' AS region_code, '${PHONE_PARQUET}' AS phone) TO ${sqlString(parquet)} (FORMAT parquet)`
  );
  connection.closeSync();
  leaks = await scanSiteForPii(site, PII, VOCABULARY);
});

afterAll(async () => {
  await rm(site, {recursive: true, force: true});
});

describe('scanSiteForPii', () => {
  it('finds a name in a page and an ID number in a JSON string, lower-case check character too', () => {
    expect(leaks.filter((l) => l.file === 'index.html' && l.kind === 'name')).toHaveLength(1);
    expect(leaks.filter((l) => l.file === 'data/people.json').map((l) => l.kind)).toEqual(['id_number', 'id_number']);
  });

  it('finds phones in a page, a Parquet file, a gzip copy and with spaces', () => {
    const phones = leaks.filter((l) => l.kind === 'phone').map((l) => l.file);
    expect(phones).toEqual(['data/contacts.parquet', 'data/rows.csv.gz', 'index.html', 'spaced.txt']);
  });

  it('finds a name written as character references', () => {
    expect(leaks.filter((l) => l.file === 'escaped.html').map((l) => l.kind)).toEqual(['name']);
  });

  it('ignores a 12-digit region code, a name inside a public region name, one-character names and images', () => {
    expect(leaks.filter((l) => l.file.startsWith('regions/'))).toEqual([]);
    expect(leaks.map((l) => l.file)).not.toContain('logo.png');
    expect(leaks).toHaveLength(8);
  });

  it('reports where, never what', () => {
    const offset = leaks.find((l) => l.file === 'index.html' && l.kind === 'name')!.offset;
    expect(offset).toBe(`<!doctype html><p>安远县上魏村村委会 136072610100</p><p>户主`.length);
    const text = JSON.stringify(leaks);
    for (const value of [NAME, ESCAPED_NAME, ID, ID_X, ID_X.toLowerCase(), PHONE_HTML, PHONE_PARQUET, PHONE_GZ]) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toContain(PHONE_SPACED.slice(3, 7));
    for (const leak of leaks) expect(Object.keys(leak).sort()).toEqual(['file', 'kind', 'offset']);
  });
});

describe('scanSiteForPii in worker threads', () => {
  it('finds the same leaks, in the same order, with the files dealt to three threads', async () => {
    expect(await scanSiteForPii(site, PII, VOCABULARY, {threads: 3, filesPerThread: 1})).toEqual(leaks);
  });

  it('leaves no Parquet rows behind when one thread fails while another is reading them', async () => {
    // Two threads: the first reads a Parquet file (its rows to a work folder) then 2,001 pages; the second fails on
    // its last file, a broken archive by its bytes, and the first is stopped mid-scan.
    const dir = await mkdtemp(join(tmpdir(), 'gongshi-scan-stopped-'));
    const temp = await mkdtemp(join(tmpdir(), 'gongshi-scan-temp-'));
    const tmpdirBefore = process.env.TMPDIR;
    try {
      await writeFile(join(dir, 'a.parquet'), await readFile(join(site, 'data', 'contacts.parquet')));
      for (let i = 0; i < 4001; i++) await writeFile(join(dir, `f${String(i).padStart(4, '0')}.html`), `<p>${i}</p>`);
      await writeFile(join(dir, 'zz-broken.txt'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
      process.env.TMPDIR = temp;
      await expect(scanSiteForPii(dir, PII, VOCABULARY, {threads: 2, filesPerThread: 1})).rejects.toThrow(
        /^zz-broken\.txt: no end/
      );
      expect(await readdir(temp)).toEqual([]);
    } finally {
      if (tmpdirBefore === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdirBefore;
      await rm(dir, {recursive: true, force: true});
      await rm(temp, {recursive: true, force: true});
    }
  });
});

describe('scanSiteForPii memory', () => {
  it("reads the Parquet files within the build's --memory-limit, not a limit of its own", async () => {
    // A limit DuckDB refuses shows that the one given is the one used.
    await expect(scanSiteForPii(site, PII, VOCABULARY, {memoryLimit: 'a lot'})).rejects.toThrow(/config/i);
    expect(await scanSiteForPii(site, PII, VOCABULARY, {memoryLimit: '64MB'})).toEqual(leaks);
  });
});

describe('scanSiteForPii on a large table', () => {
  it('finds what a scan of the whole text finds, at the same offsets, though it reads a large file in pieces', async () => {
    // 12 MB of lines with Han text (offsets in UTF-16 differ from bytes), every line opening with a phone and every
    // third closing with a name (so a leak stands on each side of every cut between pieces), character references
    // at the end, and a 5 MB line with no break in it; as a file, as a gzip copy (decompressed whole, scanned in
    // pieces), and a GB18030 file found out only at its end (read again whole, its first findings not kept twice).
    const lines: string[] = ['phone,region,note'];
    for (let i = 0; lines.length < 120_000; i++) {
      lines.push(`${PHONE_HTML},安远县第${i}组,${i % 3 === 0 ? `户主${NAME}` : `上魏村村委会 ${100_000 + i}`}`);
    }
    lines.push(`360726101200,${[...ESCAPED_NAME].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('')},`);
    lines.push(`${'安远县 '.repeat(1_000_000)}${ID}`);
    const text = lines.join('\n');
    // A phone, 10 MB of ASCII lines, then 户主钟秀英 in GB18030: the file is GB18030, not UTF-8.
    const ascii = [PHONE_SPACED, ...Array.from({length: 800_000}, (_, i) => `360726101200,${100_000 + i}`)].join('\n');
    const gb18030 = Buffer.concat([Buffer.from(`${ascii}\n`), Buffer.from('bba7d6f7d6d3d0e3d3a2', 'hex')]);
    const big = await mkdtemp(join(tmpdir(), 'gongshi-scan-big-'));
    try {
      await writeFile(join(big, 'table.csv'), text);
      await writeFile(join(big, 'table.csv.gz'), gzipSync(text));
      await writeFile(join(big, 'table.txt'), gb18030);
      const whole = (content: string) => {
        const expected: {kind: string; offset: number}[] = [];
        createPiiMatcher(PII, VOCABULARY).scan(unescapeText(content), (kind, offset) => expected.push({kind, offset}));
        return expected.sort((a, b) => a.offset - b.offset);
      };
      const found = await scanSiteForPii(big, PII, VOCABULARY);
      const inFile = (file: string) => found.filter((l) => l.file === file).map(({kind, offset}) => ({kind, offset}));
      const kinds = whole(text).map((leak) => leak.kind);
      expect(kinds.filter((kind) => kind === 'phone')).toHaveLength(119_999);
      expect(kinds.filter((kind) => kind === 'name')).toHaveLength(40_001);
      expect(kinds.at(-1)).toBe('id_number');
      expect(inFile('table.csv')).toEqual(whole(text));
      expect(inFile('table.csv.gz')).toEqual(whole(text));
      expect(inFile('table.txt')).toEqual(whole(new TextDecoder('gb18030').decode(gb18030)));
      expect(inFile('table.txt').map((leak) => leak.kind)).toEqual(['phone', 'name']);
    } finally {
      await rm(big, {recursive: true, force: true});
    }
  });
});

describe('scanSiteForPii on a ZIP archive', () => {
  it('reads its listing and each entry as it unpacks: deflated text, large text in pieces, Parquet, gzip by its bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gongshi-scan-zip-'));
    try {
      const lines = Array.from({length: 400_000}, (_, i) => `360726101200,安远县第${i}组`);
      lines[300_000] = `360726101200,户主${NAME}`;
      const large = lines.join('\n');
      const entries: Record<string, string | Buffer> = {
        'rows.csv': `region,phone\n360726101200,${PHONE_GZ}\n`,
        'large.csv': large,
        // gzip under a name that says text: told by its bytes.
        'notes.csv': gzipSync(`note\n联系电话 ${PHONE_HTML}\n`),
        // A name in the listing only.
        [`户主${NAME}.txt`]: '已核实',
        'logo.png': `\x89PNG ${PHONE_IN_IMAGE}`
      };
      for (const [name, content] of Object.entries(entries)) await writeFile(join(dir, name), content);
      const connection = await openDuckDB();
      await connection.run(
        `COPY (SELECT '${PHONE_PARQUET}' AS phone) TO ${sqlString(join(dir, 'contacts.parquet'))} (FORMAT parquet)`
      );
      connection.closeSync();
      const site = join(dir, 'site');
      await mkdir(join(site, 'data'), {recursive: true});
      const names = [...Object.keys(entries), 'contacts.parquet'];
      await writeDataZip(join(site, 'data', 'tables.zip'), folderEntries(dir, names, 'tables'));
      const found = await scanSiteForPii(site, PII, VOCABULARY);
      expect(found.map(({file, kind}) => [file, kind])).toEqual([
        ['data/tables.zip', 'name'],
        ['data/tables.zip/tables/contacts.parquet', 'phone'],
        ['data/tables.zip/tables/large.csv', 'name'],
        ['data/tables.zip/tables/notes.csv', 'phone'],
        ['data/tables.zip/tables/rows.csv', 'phone']
      ]);
      expect(found[2]!.offset).toBe(large.indexOf(NAME));
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it('fails on an archive it cannot read, rather than leave it unread', async () => {
    const site = await mkdtemp(join(tmpdir(), 'gongshi-scan-zip-'));
    try {
      await writeFile(join(site, 'broken.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
      await expect(scanSiteForPii(site, PII, VOCABULARY)).rejects.toThrow(
        /^broken\.zip: no end.*cannot read its entries/
      );
      // A directory that holds more entries than its count says (a writer wraps the count past 65,535).
      await rm(join(site, 'broken.zip'));
      await writeFile(join(site, 'one.txt'), 'x');
      await writeDataZip(join(site, 'miscounted.zip'), folderEntries(site, ['one.txt', 'one.txt'], 'a'));
      const zip = await readFile(join(site, 'miscounted.zip'));
      zip.writeUInt16LE(1, zip.length - 22 + 10);
      await writeFile(join(site, 'miscounted.zip'), zip);
      await expect(scanSiteForPii(site, PII, VOCABULARY)).rejects.toThrow(/miscounted\.zip: 2 entries where/);
    } finally {
      await rm(site, {recursive: true, force: true});
    }
  });
});
