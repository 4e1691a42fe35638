/**
 * The bot's side of sync: re-ingest the sources of `sources.yaml` in a worker thread, then reload
 * the knowledge atomically — only when a file changed, so an unchanged sync costs no rebuild. A
 * reload that fails validation keeps the previous knowledge serving. Scheduled sources are synced
 * when due; `/sync` runs it on demand. Concurrent requests share one run.
 */
import type { ReloadOutcome } from '../service/knowledge-service.js';
import { changedFiles, type SourceReport } from './report.js';
import { readSources, scheduleMs } from './sources-file.js';
import { syncInWorker, type SyncRequest } from './sync-in-worker.js';
import type { SourceSpec } from './types.js';

/** How often the scheduler looks for due sources (sources.yaml is re-read each time). */
export const SCHEDULE_TICK_MS = 60_000;

/** What a sync did. */
export type SyncOutcome =
  | { readonly ok: true; readonly reports: readonly SourceReport[]; /** Absent when no file changed. */ readonly reload?: ReloadOutcome }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Options of {@link createKnowledgeSync}. */
export interface KnowledgeSyncOptions {
  readonly knowledgeDir: string;
  /** The service to reload after a sync that changed files. */
  readonly reload: () => Promise<ReloadOutcome>;
  readonly allowPrivate?: boolean;
  /** Named in the User-Agent (see SyncOptions.contact). */
  readonly contact?: string;
  readonly cacheDir?: string;
  /** Runs the sync (default: in a worker thread). */
  readonly run?: (request: SyncRequest) => Promise<SourceReport[]>;
  readonly log?: (event: string, data: Record<string, unknown>) => void;
  readonly clock?: () => number;
  readonly tickMs?: number;
}

/** Runs syncs for the bot. */
export interface KnowledgeSync {
  /** Syncs every source of sources.yaml (or only `source`), then reloads if anything changed. */
  syncNow(source?: string): Promise<SyncOutcome>;
  /** Starts syncing scheduled sources when due; returns a function that stops it. */
  startSchedule(): () => void;
}

/**
 * The bot's sync runner.
 *
 * @example const sync = createKnowledgeSync({ knowledgeDir: 'knowledge', reload: () => service.reload() }); const stop = sync.startSchedule();
 */
export function createKnowledgeSync(options: KnowledgeSyncOptions): KnowledgeSync {
  const run = options.run ?? syncInWorker;
  const clock = options.clock ?? Date.now;
  const log = options.log ?? (() => {});
  let running: Promise<SyncOutcome> | undefined;
  const lastRun = new Map<string, number>();

  const syncSpecs = async (specs: readonly SourceSpec[]): Promise<SyncOutcome> => {
    const reports = await run({
      specs,
      knowledgeDir: options.knowledgeDir,
      allowPrivate: options.allowPrivate ?? false,
      ...(options.contact === undefined ? {} : { contact: options.contact }),
      ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    });
    for (const spec of specs) lastRun.set(spec.source, clock());
    const reload = changedFiles(reports) ? await options.reload() : undefined;
    log('sync', {
      sources: reports.map((r) => ({ source: r.source, added: r.added.length, changed: r.changed.length, unchanged: r.unchanged, removed: r.removed.length, failed: r.failed.length, ...(r.error === undefined ? {} : { error: r.error }) })),
      reloaded: reload === undefined ? 'not needed' : reload.ok,
    });
    return { ok: true, reports, ...(reload === undefined ? {} : { reload }) };
  };

  /** One run at a time: `choose` picks the sources (or names the problem) from a fresh read of sources.yaml. */
  const once = (choose: (specs: readonly SourceSpec[]) => readonly SourceSpec[] | string): Promise<SyncOutcome> => {
    running ??= (async (): Promise<SyncOutcome> => {
      const { sources, problems } = await readSources(options.knowledgeDir);
      if (problems.length > 0) return { ok: false, problems: problems.map((p) => `sources.yaml:${p.line}: ${p.message}`) };
      const chosen = choose(sources);
      if (typeof chosen === 'string') return { ok: false, problems: [chosen] };
      return chosen.length === 0 ? { ok: true, reports: [] } : syncSpecs(chosen);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    syncNow(source) {
      return once((sources) => {
        if (source === undefined) return sources.length === 0 ? 'sources.yaml declares no sources (see the README, "Keeping knowledge in sync").' : sources;
        const match = sources.filter((spec) => spec.source === source);
        return match.length > 0 ? match : `No source ${source} in sources.yaml.`;
      });
    },
    startSchedule() {
      const started = clock();
      const tick = (): void => {
        if (running !== undefined) return;
        void once((sources) =>
          sources.filter((spec) => {
            const every = spec.schedule === undefined ? undefined : scheduleMs(spec.schedule);
            return every !== undefined && clock() - (lastRun.get(spec.source) ?? started) >= every;
          }),
        )
          .then((outcome) => {
            if (!outcome.ok) log('sync-skipped', { problems: outcome.problems });
          })
          .catch((error: unknown) => log('sync-failed', { error: error instanceof Error ? error.message : String(error) }));
      };
      const timer = setInterval(tick, options.tickMs ?? SCHEDULE_TICK_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
