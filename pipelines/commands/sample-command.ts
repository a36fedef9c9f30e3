import {CliError} from '../lib/cli-error.ts';
import {generateSample} from '../sample/generate-sample.ts';
import {SAMPLE_SCALES} from '../sample/scales.ts';
import type {CommandContext} from './command-context.ts';
import {chooseOption, parseOptions, requireOption} from './parse-options.ts';

/** `gongshi sample [--region CODE] --scale S --seed N --out DIR`: writes a synthetic input folder. */
export async function sampleCommand(argv: string[], {stdout}: CommandContext): Promise<number> {
  const values = parseOptions('sample', argv, {
    region: {type: 'string', default: '3607'},
    scale: {type: 'string', default: 'default'},
    seed: {type: 'string', default: '1'},
    out: {type: 'string'}
  });
  const scale = chooseOption('sample', 'scale', String(values.scale), SAMPLE_SCALES);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new CliError('E_USAGE', `sample: --seed must be a whole number ≥ 0, not "${values.seed}"`);
  }
  const out = requireOption('sample', 'out', values.out);
  const region = String(values.region);
  const summary = await generateSample({scale, seed, out, region, log: (line) => stdout.write(`${line}\n`)});
  const rows = summary.files.map((f) => `  ${f.file}: ${f.rows.toLocaleString('en')} rows`).join('\n');
  stdout.write(
    `合成示例数据 (synthetic sample, region ${region}, scale ${scale}, seed ${seed}) written to ${out}\n${rows}\n`
  );
  return 0;
}
