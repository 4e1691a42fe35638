/**
 * Runs {@link syncSources} in a worker thread and resolves with its reports.
 */
import { startWorker } from '../retrieval/start-worker.js';
import type { SourceReport } from './report.js';
import type { SourceSpec } from './types.js';

/** What the sync worker is asked to do (plain data: it crosses a thread boundary). */
export interface SyncRequest {
  readonly specs: readonly SourceSpec[];
  readonly knowledgeDir: string;
  readonly allowPrivate: boolean;
  /** Named in the User-Agent (see SyncOptions.contact). */
  readonly contact?: string;
  readonly cacheDir?: string;
}

/** What the sync worker reports. */
export type SyncWorkerResult = { readonly kind: 'done'; readonly reports: SourceReport[] } | { readonly kind: 'failed'; readonly message: string };

/**
 * Syncs in a worker thread; rejects when the worker fails or dies (then nothing was removed:
 * removals are the last step of each source, after all its fetches).
 *
 * @example const reports = await syncInWorker({ specs, knowledgeDir: 'knowledge', allowPrivate: false });
 */
export function syncInWorker(request: SyncRequest): Promise<SourceReport[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'sync-worker', request);
    let settled = false;
    worker.on('message', (result: SyncWorkerResult) => {
      settled = true;
      if (result.kind === 'done') resolve(result.reports);
      else reject(new Error(`sync failed in its worker: ${result.message}`));
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`sync worker exited with code ${code}`));
      settled = true;
    });
  });
}
