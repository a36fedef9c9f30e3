import {writeFile} from 'node:fs/promises';
import {CliError} from '../lib/cli-error.ts';
import {formatProblem} from '../lib/error-codes.ts';
import {isPipelineError} from '../lib/pipeline-error.ts';
import {createProgress} from '../lib/progress.ts';
import {type Shard, buildRelease} from '../run.ts';
import {formatReport, reportJson} from '../validate/format-report.ts';
import {INPUT_OPTIONS, readInputOptions} from './check-command.ts';
import {parseOptions} from './parse-options.ts';
import type {CommandContext} from './command-context.ts';

/**
 * `gongshi build --input DIR [--out dist] [--base /] [--site-url URL] [--contact ADDRESS]
 * [--previous DIR [--no-cache]] [--shard K/N] [--site-config FILE] [--lang zh|en] [--data-only]`: runs the pipelines and
 * builds the site into `--out` (with `--data-only`, publishes the tables there without a site, for a data
 * portal or a benchmark); returns 0 on success. A failed build prints why
 * and leaves the previous output in place. `--site-url` and `--contact` default
 * to the environment variables GONGSHI_SITE_URL and GONGSHI_CONTACT; without
 * a site URL (here or as site.yml's `site_url`) the site is built without
 * QR codes, feed or sitemap, and the summary says so.
 * `--previous` names the last output (or its data/ folder): its releases are
 * carried forward and compared with this one, and its pages whose data and
 * code are unchanged are copied rather than rendered (`--no-cache`: render
 * all). `--shard K/N` builds the K-th of N shares of the pages for
 * `gongshi merge` (merge-command.ts).
 */
export async function buildCommand(argv: string[], {stdout, stderr}: CommandContext): Promise<number> {
  const values = parseOptions('build', argv, {
    ...INPUT_OPTIONS,
    out: {type: 'string', default: 'dist'},
    base: {type: 'string', default: '/'},
    'site-url': {type: 'string', default: process.env.GONGSHI_SITE_URL},
    contact: {type: 'string', default: process.env.GONGSHI_CONTACT ?? ''},
    previous: {type: 'string'},
    'site-config': {type: 'string'},
    'data-only': {type: 'boolean', default: false},
    'no-cache': {type: 'boolean', default: false},
    shard: {type: 'string'}
  });
  const {input, lang, report, memoryLimit, allowEmpty} = readInputOptions('build', values);
  const {out, base, contact} = values;
  const siteUrl = values['site-url'];
  if (siteUrl !== undefined && !/^https?:\/\/[^/?#\s]+\/?$/.test(siteUrl)) {
    throw new CliError('E_USAGE', `build: --site-url must be an origin such as https://example.org, not "${siteUrl}"`);
  }
  if (contact && !/^[^\s@?&#<>"]+@[^\s@?&#<>"]+$/.test(contact)) {
    throw new CliError('E_USAGE', `build: --contact must be an e-mail address, not "${contact}"`);
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard === null) {
    throw new CliError('E_USAGE', `build: --shard must be K/N with 1 ≤ K ≤ N, such as 2/4, not "${values.shard}"`);
  }
  if (shard && values['data-only'])
    throw new CliError('E_USAGE', 'build: --shard shares out pages; --data-only has none');
  const progress = createProgress(stderr);
  try {
    const result = await buildRelease({
      input,
      out,
      base,
      siteUrl,
      contact,
      lang,
      memoryLimit,
      allowEmpty,
      progress,
      previous: values.previous || undefined,
      siteConfig: values['site-config'] || undefined,
      dataOnly: values['data-only'],
      cache: !values['no-cache'],
      shard
    });
    stdout.write(formatReport(result.files, result.problems, lang));
    if (report) await writeFile(report, reportJson(result.files, result.problems, result.faults));
    for (const fault of result.faults) stderr.write(`${formatProblem(fault, lang)}\n`);
    if (!result.built) {
      stderr.write(unchanged(lang, out));
      return 1;
    }
    const what = values['data-only']
      ? lang === 'zh'
        ? '数据已发布'
        : 'Data published'
      : lang === 'zh'
        ? '站点已生成'
        : 'Site built';
    stdout.write(
      lang === 'zh'
        ? `${what}：${out}（${progress.warnings} 条警告）\n`
        : `${what} in ${out} (${progress.warnings} warnings)\n`
    );
    if (result.siteUrl === null) stdout.write(noSiteUrl(lang));
    return 0;
  } catch (error) {
    if (!isPipelineError(error)) throw error;
    stderr.write(`${error.format(lang)}\n`);
    stderr.write(unchanged(lang, out));
    return 1;
  }
}

const noSiteUrl = (lang: string) =>
  lang === 'zh'
    ? '注意：未配置站点网址（--site-url，或 site.yml 中的 site_url）。公示未印二维码，未生成订阅源和站点地图；发布前请配置后重新构建。\n'
    : 'Note: no site URL is configured (--site-url, or site_url in site.yml). The notices carry no QR code, and there is no feed or sitemap; configure it and build again before publishing.\n';

const unchanged = (lang: string, out: string) =>
  lang === 'zh' ? `构建失败，${out} 保持不变。\n` : `Build failed; ${out} is unchanged.\n`;

/** Reads `K/N` (1 ≤ K ≤ N), as `--shard` takes it; null where it is not one. */
function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return null;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count ? {index, count} : null;
}
