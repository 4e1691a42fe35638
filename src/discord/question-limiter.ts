/**
 * How often one person may ask: a token bucket per user, shared by every way of asking (/ask,
 * /search, "Find sources", and answers that come later). Someone asking a question and then two
 * follow-ups is never slowed down; only someone who keeps going is, and then only until a token
 * has come back.
 */

/** Milliseconds since epoch; injected so tests control time. */
export type Clock = () => number;

/** Size and refill of each user's bucket. */
export interface QuestionLimit {
  /** Questions that may be asked in a row from a full bucket (at least 3: a question and two follow-ups). */
  readonly burst: number;
  /** Milliseconds for one question to come back. */
  readonly refillMs: number;
}

/**
 * The default limit, from how people ask: a question, then a rephrasing or a follow-up or two
 * within seconds, then reading (three ~330-character excerpts take 10–20 s to read). Five in a row
 * covers a question with three follow-ups and a typo; one back every 10 s (6 a minute, sustained)
 * is faster than anyone reads answers, but stops a script or a held-down Enter key.
 */
export const DEFAULT_QUESTION_LIMIT: QuestionLimit = { burst: 5, refillMs: 10_000 };
/** Fewest questions in a row the limit may allow: a question and two follow-ups. */
export const MIN_QUESTION_BURST = 3;
/** Remembered users before full buckets are forgotten (a full bucket is the same as no entry). */
const SWEEP_AT = 10_000;

/** What handlers use: take a question's token, or learn how long until one is back. */
export interface QuestionTokens {
  /** 0 when the question may go ahead (its token is taken), else milliseconds until it may. */
  take(userId: string): number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date. */
  at: number;
}

/** Every user's bucket. */
export class QuestionLimiter implements QuestionTokens {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: QuestionLimit = DEFAULT_QUESTION_LIMIT,
  ) {
    if (!(limit.burst >= 1) || !(limit.refillMs > 0)) throw new RangeError(`invalid question limit: ${JSON.stringify(limit)}`);
  }

  /**
   * Takes one question from `userId`'s bucket and returns 0, or, when the bucket is empty,
   * returns the milliseconds until the next question is possible (and takes nothing).
   *
   * @example
   * const limiter = new QuestionLimiter(Date.now, { burst: 3, refillMs: 10_000 });
   * [limiter.take('u'), limiter.take('u'), limiter.take('u'), limiter.take('u')] // [0, 0, 0, 10000]
   */
  take(userId: string): number {
    const now = this.clock();
    const bucket = this.refilled(userId, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) * this.limit.refillMs));
  }

  private refilled(userId: string, now: number): Bucket {
    let bucket = this.buckets.get(userId);
    if (bucket === undefined) {
      if (this.buckets.size >= SWEEP_AT) this.sweep(now);
      bucket = { tokens: this.limit.burst, at: now };
      this.buckets.set(userId, bucket);
    }
    // A clock that goes backwards (a test, an NTP step) must not drain the bucket.
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + elapsed / this.limit.refillMs);
    bucket.at = now;
    return bucket;
  }

  private sweep(now: number): void {
    for (const [userId, bucket] of this.buckets) {
      if (bucket.tokens + Math.max(0, now - bucket.at) / this.limit.refillMs >= this.limit.burst) this.buckets.delete(userId);
    }
  }
}

/** A limiter that never refuses (the playground, where one person talks to their own bot). */
export const UNLIMITED: QuestionTokens = { take: () => 0 };
