/**
 * Politeness per host: at most N requests in flight, and a pause between the starts of two requests.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_HOST_DELAY_MS, MAX_CONCURRENT_PER_HOST } from './limits.js';

interface HostState {
  active: number;
  readonly waiting: (() => void)[];
  nextStartAt: number;
  delayMs: number;
}

/** Schedules requests so that no host sees more than `maxConcurrent` at once, spaced by `delayMs`. */
export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly maxConcurrent = MAX_CONCURRENT_PER_HOST,
    private readonly delayMs = DEFAULT_HOST_DELAY_MS,
  ) {}

  /** Raises the pause for one host (robots.txt `Crawl-delay`); never lowers it. */
  slowDown(host: string, delayMs: number): void {
    const state = this.state(host);
    state.delayMs = Math.max(state.delayMs, delayMs);
  }

  /**
   * Runs `task` when `host` has a free slot and its pause has passed.
   *
   * @example await gate.run('docs.example.org', () => fetchPage(url))
   */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.state(host);
    if (state.active >= this.maxConcurrent) {
      // The slot is handed over by the finishing task (active is not decremented in between),
      // so a newcomer cannot overtake a waiter and exceed the limit.
      await new Promise<void>((resolve) => state.waiting.push(resolve));
    } else {
      state.active += 1;
    }
    try {
      const now = Date.now();
      const startAt = Math.max(now, state.nextStartAt);
      state.nextStartAt = startAt + state.delayMs;
      if (startAt > now) await sleep(startAt - now);
      return await task();
    } finally {
      const next = state.waiting.shift();
      if (next === undefined) state.active -= 1;
      else next();
    }
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (state === undefined) {
      state = { active: 0, waiting: [], nextStartAt: 0, delayMs: this.delayMs };
      this.hosts.set(host, state);
    }
    return state;
  }
}
