/**
 * Fault injection: make the next matching REST request(s) fail before any route handler
 * runs (as if Discord's edge rejected them), so the request has no effect at all.
 */

/** Which requests to fail and how. */
export interface FaultSpec {
  /** HTTP method to match (any if omitted). */
  method?: string;
  /** Matched against the path without `/api/v10`, e.g. `/interactions/\d+/[^/]+/callback`. */
  pathPattern: RegExp;
  /** 429, 500, 502, 503, … */
  status: number;
  /** For 429: the `Retry-After` header and body `retry_after` (seconds, may be fractional). Default 1. */
  retryAfterSeconds?: number;
  /** How many matching requests to fail (default 1). */
  times?: number;
  /** Replace the JSON body. */
  body?: unknown;
}

/** An HTTP answer made up by a fault. */
export interface FaultAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Queue of pending faults; the first matching one is used. */
export class FaultInjector {
  private readonly pending: { spec: FaultSpec; left: number }[] = [];

  /** Adds a fault for the next `times` matching requests. */
  add(spec: FaultSpec): void {
    this.pending.push({ spec, left: spec.times ?? 1 });
  }

  /** Removes all pending faults. */
  clear(): void {
    this.pending.length = 0;
  }

  /** If a pending fault matches, uses it up once and returns the answer to send. */
  take(method: string, path: string): FaultAnswer | undefined {
    const entry = this.pending.find(
      ({ spec }) => (spec.method === undefined || spec.method.toUpperCase() === method) && spec.pathPattern.test(path),
    );
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.pending.splice(this.pending.indexOf(entry), 1);
    return answerFor(entry.spec, path);
  }
}

function answerFor(spec: FaultSpec, path: string): FaultAnswer {
  if (spec.status !== 429) {
    const text = STATUS_TEXT[spec.status] ?? 'Error';
    return { status: spec.status, headers: {}, body: spec.body ?? { message: `${spec.status}: ${text}`, code: 0 } };
  }
  const retryAfter = spec.retryAfterSeconds ?? 1;
  return {
    status: 429,
    headers: {
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': ((Date.now() / 1000) + retryAfter).toFixed(3),
      'x-ratelimit-reset-after': retryAfter.toFixed(3),
      // Same idea as Discord: one bucket per route shape (ids replaced).
      'x-ratelimit-bucket': `fake-${path.replace(/\d{17,19}/g, 'id').replace(/[^a-zA-Z0-9]+/g, '-')}`,
      'x-ratelimit-scope': 'user',
    },
    body: spec.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
  };
}
