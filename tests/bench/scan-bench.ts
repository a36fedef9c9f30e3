/**
 * `npm run bench:scan -- --input DIR --site DIR [--hold MiB] [--only TEXT]`: the
 * final PII scan of a built site (or of a published `data/` folder put in a
 * site folder), as `gongshi build` runs it, for the PII of the input folder.
 * `--hold` keeps that many MiB of small live objects on the heap first, a
 * stand-in for the render's modules that the build's own scan runs beside
 * (a large heap changes what garbage costs). Reports the files, the time and
 * the peak resident memory above the process's before the scan; run it with
 * `--max-old-space-size` as `gongshi` gives itself (pipelines/larger-heap.js),
 * and compare versions side by side.
 */
import {parseArgs} from 'node:util';
import {collectPii} from '../../pipelines/ingest/collect-pii.ts';
import {readPublicVocabulary} from '../../pipelines/audit/read-public-vocabulary.ts';
import {listSiteFiles, scanSiteForPii} from '../../pipelines/audit/scan-site-for-pii.ts';

const {values} = parseArgs({
  options: {
    input: {type: 'string'},
    site: {type: 'string'},
    hold: {type: 'string', default: '0'},
    only: {type: 'string'}
  }
});
if (!values.input || !values.site) throw new Error('usage: npm run bench:scan -- --input DIR --site DIR [--hold MiB]');

const held: object[][] = [];
for (let mib = 0; mib < Number(values.hold); mib++) {
  // About a MiB of small objects each, as a module's parsed tables are.
  held.push(Array.from({length: 2 ** 14}, (_, i) => ({i, key: `${mib}-${i}`})));
}
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const pii = await collectPii(values.input);
const vocabulary = await readPublicVocabulary(`${values.site}/data`);
const paths = (await listSiteFiles(values.site)).filter((path) => !values.only || path.includes(values.only));
const before = process.memoryUsage().rss;
const started = performance.now();
const leaks = await scanSiteForPii(values.site, pii, vocabulary, {paths});
const seconds = (performance.now() - started) / 1000;
const peak = process.resourceUsage().maxRSS * 1024;
console.log(
  `${paths.length.toLocaleString('en')} files, ${leaks.length} leaks, ${seconds.toFixed(1)} s; ` +
    `resident before the scan ${gib(before)} (${held.length} MiB held), peak ${gib(peak)}, ${gib(peak - before)} above`
);
