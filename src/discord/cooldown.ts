/**
 * Per-user cooldowns: after using a command, a user waits a moment before using it again.
 */

/** Milliseconds since epoch; injected so tests control time. */
export type Clock = () => number;

/** Pause between two uses of /ask (or /search, or "Find sources") by the same user. */
export const COOLDOWN_MS = 5000;
/** Remembered users before old entries are swept. */
const SWEEP_AT = 10_000;

/** Cooldowns of every user, per command. */
export class Cooldowns {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly durationMs: number = COOLDOWN_MS,
  ) {}

  /**
   * Starts a cooldown for `user` on `command` and returns 0, or returns the milliseconds left
   * when one is running (and does not extend it).
   *
   * @example cooldowns.take('ask', userId) // 0, then 5000 right after
   */
  take(command: string, user: string): number {
    if (this.durationMs <= 0) return 0;
    const now = this.clock();
    const key = `${command}:${user}`;
    const left = (this.until.get(key) ?? 0) - now;
    if (left > 0) return left;
    if (this.until.size >= SWEEP_AT) for (const [k, t] of this.until) if (t <= now) this.until.delete(k);
    this.until.set(key, now + this.durationMs);
    return 0;
  }
}
