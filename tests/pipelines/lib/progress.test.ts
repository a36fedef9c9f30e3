import {describe, expect, it} from 'vitest';
import {createProgress} from '../../../pipelines/lib/progress.ts';

function recorder(isTTY: boolean) {
  const chunks: string[] = [];
  return {stream: {isTTY, write: (text: string) => chunks.push(text)}, chunks};
}

describe('progress', () => {
  it('prints one summary line per stage when not on a terminal', () => {
    let clock = 0;
    const {stream, chunks} = recorder(false);
    const progress = createProgress(stream, () => clock);
    const stage = progress.stage('validate households.csv');
    for (let i = 0; i < 1000; i++) {
      stage.tick();
      clock += 2;
    }
    stage.done('0 rejected');
    expect(chunks).toEqual(['validate households.csv: 1,000 rows, 500 rows/s, 2.0 s · 0 rejected\n']);
  });

  it('redraws a live line on a terminal at most every 100 ms, then ends it', () => {
    let clock = 0;
    const {stream, chunks} = recorder(true);
    const stage = createProgress(stream, () => clock).stage('ingest');
    for (let i = 0; i < 10; i++) {
      clock += 50;
      stage.tick(100);
    }
    stage.done();
    expect(chunks.filter((c) => !c.endsWith('\n'))).toHaveLength(5);
    expect(chunks.at(-1)).toBe('\r\x1b[2Kingest: 1,000 rows, 2,000 rows/s, 0.5 s\n');
  });

  it('counts warnings', () => {
    const {stream, chunks} = recorder(false);
    const progress = createProgress(stream);
    progress.warn('targets.csv absent: default targets apply');
    progress.warn('unknown column 备注 ignored');
    expect(progress.warnings).toBe(2);
    expect(chunks[0]).toBe('warning: targets.csv absent: default targets apply\n');
  });
});
