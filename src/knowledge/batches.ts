/**
 * Synchronous work in small batches, yielding to the event loop between them.
 *
 * Why not async file reads: each `fs.promises.readFile` is four thread-pool round trips
 * (open, stat, read, close); for thousands of small files that was ~7x slower than `readFileSync`
 * on a 2-CPU machine (SciFact: 450 ms vs 66 ms). Batches keep the bot responsive and abortable.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Files handled between two yields: a few milliseconds of work. */
export const FILES_PER_BATCH = 128;

/**
 * Maps `items` through the synchronous `task`, `batchSize` at a time, yielding between batches
 * and checking `signal` before each. Results keep the input order.
 *
 * @example await mapInBatches(['a.md', 'b.md'], 128, (path) => readFileSync(path, 'utf8')) // ['…', '…']
 */
export async function mapInBatches<T, R>(
  items: readonly T[],
  batchSize: number,
  task: (item: T) => R,
  signal?: AbortSignal,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    if (start > 0) await nextTurn();
    signal?.throwIfAborted();
    for (const item of items.slice(start, start + batchSize)) results.push(task(item));
  }
  return results;
}
