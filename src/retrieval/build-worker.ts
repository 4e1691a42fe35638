/**
 * Worker-thread entry: builds (or confirms) the persisted index of a knowledge folder, so the
 * thread that answers questions never spends seconds analysing passages. See `open-index-in-worker.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { KnowledgeError } from '../knowledge/errors.js';
import { openIndex } from './open-index.js';
import type { BuildRequest, BuildResult } from './open-index-in-worker.js';

const { dir, cacheDir } = workerData as BuildRequest;
const post = (message: BuildResult): void => parentPort?.postMessage(message);
try {
  const index = await openIndex(dir, { ...(cacheDir === undefined ? {} : { cacheDir }), warn: (warning) => post({ kind: 'warning', warning }) });
  post({ kind: 'done', origin: index.origin });
} catch (error) {
  if (error instanceof KnowledgeError) post({ kind: 'invalid', problems: error.problems });
  else post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
