/** Where progress is written: a terminal gets a live line, anything else one line per stage. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface StageProgress {
  /** Adds `rows` processed rows; on a terminal the line is redrawn at most ten times a second. */
  tick(rows?: number): void;
  /** Ends the stage with a summary line (rows, rows/s, seconds and `detail`). */
  done(detail?: string): void;
}

export interface Progress {
  stage(name: string): StageProgress;
  /** Counts a warning and prints it on its own line. */
  warn(message: string): void;
  readonly warnings: number;
}

/**
 * Returns a progress reporter writing to `stream`. `now` is injected so that
 * tests control time. Rows per second are computed over the whole stage.
 */
export function createProgress(stream: ProgressStream, now: () => number = () => performance.now()): Progress {
  let warnings = 0;
  const live = stream.isTTY === true;
  return {
    stage(name) {
      const started = now();
      let rows = 0;
      let drawn = started;
      const line = () => {
        const seconds = Math.max((now() - started) / 1000, 1e-3);
        // Stages that do not go row by row (aggregate, publish, site) report their time only.
        const throughput = rows
          ? `${rows.toLocaleString('en')} rows, ${Math.round(rows / seconds).toLocaleString('en')} rows/s, `
          : '';
        return `${name}: ${throughput}${seconds.toFixed(1)} s`;
      };
      return {
        tick(count = 1) {
          rows += count;
          if (live && now() - drawn >= 100) {
            drawn = now();
            stream.write(`\r\x1b[2K${line()}`);
          }
        },
        done(detail) {
          stream.write(`${live ? '\r\x1b[2K' : ''}${line()}${detail ? ` · ${detail}` : ''}\n`);
        }
      };
    },
    warn(message) {
      warnings++;
      stream.write(`${live ? '\r\x1b[2K' : ''}warning: ${message}\n`);
    },
    get warnings() {
      return warnings;
    }
  };
}
