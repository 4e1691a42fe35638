/**
 * Store writes that must never stop an answer (votes, gap records, posted answers): a failure
 * is logged and the caller goes on.
 */

/** Where a failed write is reported (the bot's logger fits). */
export interface WriteLog {
  error(event: string, fields?: Readonly<Record<string, unknown>>): void;
}

/**
 * Runs a store write; on failure logs `store-write-failed` with `what` and returns false
 * instead of throwing, so the handler still sends its answer.
 *
 * @example await writeSoftly(ctx.logger, 'gap', () => ctx.store.recordGap(gap));
 */
export async function writeSoftly(logger: WriteLog, what: string, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    logger.error('store-write-failed', { what, error });
    return false;
  }
}
