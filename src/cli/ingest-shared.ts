/**
 * What `npm run ingest` and `npm run sync` share: the sync with a progress bar and the operator's
 * contact (`INGEST_CONTACT`), the summary, and a check that the knowledge folder still loads afterwards.
 */
import { readIngestConfig, showProgress } from '../config.js';
import { KnowledgeError } from '../knowledge/errors.js';
import { loadKnowledge } from '../knowledge/load.js';
import { changedFiles, formatReports, type SourceReport } from '../ingest/report.js';
import { syncSources, type SyncOptions } from '../ingest/sync.js';
import type { SourceSpec } from '../ingest/types.js';
import { progressBar } from './progress-bar.js';

/**
 * Syncs `specs` (naming `INGEST_CONTACT` from `env` in the User-Agent), prints the summary on
 * stdout, and sets exit code 1 when a whole source failed or the folder no longer loads (the bot
 * would then keep serving its previous knowledge). Throws a ConfigError, before any request, when
 * `INGEST_CONTACT` is malformed.
 */
export async function syncAndReport(specs: readonly SourceSpec[], options: SyncOptions, env: Readonly<Record<string, string | undefined>>): Promise<SourceReport[]> {
  const { ingestContact } = readIngestConfig(env);
  const bar = showProgress(process.stderr.isTTY, env) ? progressBar(process.stderr, 'syncing', 'pages') : undefined;
  const started = performance.now();
  const reports = await syncSources(specs, {
    ...options,
    ...(ingestContact === undefined ? {} : { contact: ingestContact }),
    ...(bar === undefined ? {} : { onProgress: bar.update }),
  });
  bar?.done();
  process.stdout.write(formatReports(reports));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (changedFiles(reports)) {
    try {
      const knowledge = await loadKnowledge(options.knowledgeDir);
      process.stdout.write(`${options.knowledgeDir}: ${knowledge.documents.length} documents, loads cleanly (${seconds} s)\n`);
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      process.stderr.write(`${options.knowledgeDir} no longer loads:\n${error.message}\n`);
      process.exitCode = 1;
    }
  } else {
    process.stdout.write(`${options.knowledgeDir}: no file changed (${seconds} s)\n`);
  }
  if (reports.some((report) => report.error !== undefined)) process.exitCode = 1;
  return reports;
}
