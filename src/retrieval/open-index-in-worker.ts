import { KnowledgeError, type KnowledgeProblem } from '../knowledge/errors.js';
import { openIndex, warnOnStderr, type IndexOrigin, type OpenIndexOptions } from './open-index.js';
import type { SearchIndex } from './search-index.js';
import { startWorker } from './start-worker.js';

/** What the build worker is asked to do. */
export interface BuildRequest {
  readonly dir: string;
  readonly cacheDir?: string;
}

/** What the build worker reports. */
export type BuildResult =
  | { readonly kind: 'warning'; readonly warning: string }
  | { readonly kind: 'done'; readonly origin: IndexOrigin }
  | { readonly kind: 'invalid'; readonly problems: readonly KnowledgeProblem[] }
  | { readonly kind: 'failed'; readonly message: string };

/** Builds the persisted index of `dir` in a worker thread; rejects with a KnowledgeError for bad files. */
function buildInWorker(request: BuildRequest, warn: (message: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'build-worker', request);
    let settled = false;
    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve();
    };
    worker.on('message', (result: BuildResult) => {
      if (result.kind === 'warning') warn(result.warning);
      else if (result.kind === 'done') settle();
      else if (result.kind === 'invalid') settle(new KnowledgeError(result.problems));
      else settle(new Error(`index build failed in its worker: ${result.message}`));
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', (code) => settle(code === 0 ? undefined : new Error(`index build worker exited with code ${code}`)));
  });
}

/**
 * Opens a knowledge folder like {@link openIndex}, but does the expensive part, analysing
 * every passage, in a worker thread: the calling thread (a bot answering interactions) only
 * loads the finished index. Without a cache folder there is nothing to hand over, so the
 * build happens in this thread.
 *
 * @example const index = await openIndexInWorker('knowledge'); // the event loop stays free meanwhile
 */
export async function openIndexInWorker(dir: string, options: OpenIndexOptions = {}): Promise<SearchIndex & { origin: IndexOrigin }> {
  if (options.cacheDir === false) return openIndex(dir, options);
  const warn = options.warn ?? warnOnStderr;
  await buildInWorker({ dir, ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }) }, warn);
  return openIndex(dir, options);
}
