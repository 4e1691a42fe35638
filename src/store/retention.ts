/**
 * Deleting what is past its retention window: once when the bot starts, then daily.
 */
import type { Millis, Retention, Store } from './store.js';

/** One day, for retention windows. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** How often expired rows are deleted. */
export const RETENTION_SWEEP_MS = DAY_MS;

/** Where a sweep reports (the bot's logger fits). */
export interface RetentionLog {
  info(event: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(event: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** Options of {@link scheduleRetention}. */
export interface RetentionOptions {
  readonly clock: () => Millis;
  readonly logger: RetentionLog;
  /** Default {@link RETENTION_SWEEP_MS}. */
  readonly everyMs?: number;
}

/** A running schedule; `done` settles when the first sweep has finished. */
export interface RetentionSchedule {
  readonly done: Promise<void>;
  stop(): void;
}

/**
 * Deletes expired rows now and then every `everyMs`. A failed sweep is logged and retried at
 * the next tick; it never stops the bot. The timer does not keep the process alive.
 *
 * @example const schedule = scheduleRetention(store, config.retention, { clock: Date.now, logger }); … schedule.stop();
 */
export function scheduleRetention(store: Store, retention: Retention, options: RetentionOptions): RetentionSchedule {
  const sweep = async (): Promise<void> => {
    try {
      const deleted = await store.deleteExpired(options.clock(), retention);
      options.logger.info('store-expired-deleted', { ...deleted });
    } catch (error) {
      options.logger.warn('store-expire-failed', { error });
    }
  };
  const done = sweep();
  const timer = setInterval(() => void sweep(), options.everyMs ?? RETENTION_SWEEP_MS);
  timer.unref();
  return { done, stop: () => clearInterval(timer) };
}
