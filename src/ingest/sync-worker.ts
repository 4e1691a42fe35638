/**
 * Worker-thread entry: runs a sync (network, HTML extraction, file writes) off the bot's main
 * thread, so answering never waits for it. See `sync-in-worker.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { syncSources } from './sync.js';
import type { SyncRequest, SyncWorkerResult } from './sync-in-worker.js';

const { specs, knowledgeDir, allowPrivate, contact, cacheDir } = workerData as SyncRequest;
const post = (message: SyncWorkerResult): void => parentPort?.postMessage(message);
try {
  const reports = await syncSources(specs, {
    knowledgeDir,
    allowPrivate,
    ...(contact === undefined ? {} : { contact }),
    ...(cacheDir === undefined ? {} : { cacheDir }),
  });
  post({ kind: 'done', reports });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
