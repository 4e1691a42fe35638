/** A build shorter than this shows no progress bar at all. */
const QUIET_FOR_MS = 700;
const WIDTH = 24;

/**
 * A one-line progress bar for index builds (or syncs, with `unit` 'pages') on a terminal:
 * `[#####-----] 45% 45,000/100,000 passages · 18,300 passages/s`. It appears only when the work
 * lasts more than a moment, and `done()` clears it.
 *
 * @example const bar = progressBar(process.stderr); openIndex(dir, { onProgress: bar.update }); bar.done();
 */
export function progressBar(stream: NodeJS.WriteStream, label = 'indexing', unit = 'passages'): { update: (done: number, total: number) => void; done: () => void } {
  const started = performance.now();
  let shown = false;
  return {
    update(done, total) {
      const elapsed = performance.now() - started;
      if (elapsed < QUIET_FOR_MS) return;
      shown = true;
      const share = total > 0 ? done / total : 1;
      const filled = Math.round(share * WIDTH);
      const rate = Math.round(done / (elapsed / 1000));
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.round(share * 100)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit} · ${rate.toLocaleString('en')} ${unit}/s`,
      );
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
