/**
 * Last-resort logging for the process: a promise rejection nobody handled is logged with an id
 * instead of ending the bot (handlers are already guarded by the dispatcher; this is for
 * anything else, like a library callback).
 */
import { newErrorId } from './errors.js';
import type { Logger } from './logger.js';

/**
 * Logs unhandled rejections (the process keeps running). Returns a function that removes the guard.
 *
 * @example const unguard = guardProcess(logger);
 */
export function guardProcess(logger: Logger): () => void {
  const onRejection = (reason: unknown): void => logger.error('unhandled-rejection', { errorId: newErrorId(), error: reason });
  const onException = (error: Error, origin: string): void => logger.error('uncaught-exception', { errorId: newErrorId(), origin, error });
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtExceptionMonitor', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtExceptionMonitor', onException);
  };
}
