import {isPipelineError} from '../lib/pipeline-error.ts';
import {createProgress} from '../lib/progress.ts';
import {mergeShards} from '../run.ts';
import {INPUT_OPTIONS, readInputOptions} from './check-command.ts';
import type {CommandContext} from './command-context.ts';
import {parseOptions, requireOption} from './parse-options.ts';

/**
 * `gongshi merge --input DIR --from SHARD ... [--out dist]`: joins the outputs
 * of `gongshi build --shard K/N` (every one of the N, each given by `--from`)
 * into one site with the search index and sitemap of the whole, byte for byte
 * the site one `gongshi build` makes of the same input. `--input` is the
 * input folder the shards were built from: the final scan of the index and
 * sitemap looks for its names and numbers. A failed merge leaves `--out` as
 * it was.
 */
export async function mergeCommand(argv: string[], {stdout, stderr}: CommandContext): Promise<number> {
  const values = parseOptions('merge', argv, {
    input: INPUT_OPTIONS.input,
    lang: INPUT_OPTIONS.lang,
    'memory-limit': INPUT_OPTIONS['memory-limit'],
    out: {type: 'string', default: 'dist'},
    from: {type: 'string', multiple: true}
  });
  const {input, lang, memoryLimit} = readInputOptions('merge', values);
  const shards = values.from ?? [];
  requireOption('merge', 'from', shards[0]);
  const progress = createProgress(stderr);
  try {
    const files = await mergeShards({input, out: values.out, shards, memoryLimit, progress});
    stdout.write(
      lang === 'zh'
        ? `已合并 ${shards.length} 个分片（${files} 个文件）：${values.out}\n`
        : `Merged ${shards.length} shards (${files} files) in ${values.out}\n`
    );
    return 0;
  } catch (error) {
    if (!isPipelineError(error)) throw error;
    stderr.write(`${error.format(lang)}\n`);
    stderr.write(
      lang === 'zh' ? `合并失败，${values.out} 保持不变。\n` : `Merge failed; ${values.out} is unchanged.\n`
    );
    return 1;
  }
}
