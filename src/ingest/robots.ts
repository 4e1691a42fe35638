/**
 * robots.txt, fetched once per origin per run and obeyed for every page (robots-parser).
 */
import { createRequire } from 'node:module';
import { IngestError, reasonOf } from './errors.js';
import { MAX_CRAWL_DELAY_MS, ROBOTS_AGENT } from './limits.js';
import type { Fetcher } from './safe-fetch.js';

/** The parsed robots.txt of robots-parser (its own typings describe an ES default export the CommonJS package does not have). */
interface Robot {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
  getCrawlDelay(userAgent?: string): number | undefined;
}
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot;

/** What robots.txt says about one origin. */
interface OriginRules {
  allowed(url: string): boolean;
  /** Crawl-delay in milliseconds, when given. */
  readonly delayMs?: number;
}

const ALLOW_ALL: OriginRules = { allowed: () => true };

/** Answers "may Footnote fetch this URL?" per robots.txt, caching each origin's file for the run. */
export class RobotsRules {
  private readonly origins = new Map<string, Promise<OriginRules>>();

  constructor(
    private readonly fetchPage: Fetcher,
    private readonly onDelay: (host: string, delayMs: number) => void = () => {},
  ) {}

  /**
   * Throws an {@link IngestError} when robots.txt disallows `url` for Footnote.
   *
   * @example await robots.check('https://docs.example.org/private/page') // throws 'disallowed by robots.txt'
   */
  async check(url: string): Promise<void> {
    const parsed = new URL(url);
    let rules = this.origins.get(parsed.origin);
    if (rules === undefined) {
      rules = this.load(parsed);
      this.origins.set(parsed.origin, rules);
    }
    if (!(await rules).allowed(url)) throw new IngestError('skipped: disallowed by robots.txt');
  }

  private async load(url: URL): Promise<OriginRules> {
    const robotsUrl = new URL('/robots.txt', url.origin).href;
    try {
      const result = await this.fetchPage({ url: robotsUrl, accept: ['text/plain'] });
      // No robots.txt (404/410) means no restrictions.
      if (result.kind !== 'ok') return ALLOW_ALL;
      const robot = robotsParser(robotsUrl, result.text);
      const seconds = robot.getCrawlDelay(ROBOTS_AGENT);
      const delayMs = seconds === undefined ? undefined : Math.min(seconds * 1000, MAX_CRAWL_DELAY_MS);
      if (delayMs !== undefined) this.onDelay(url.host, delayMs);
      return { allowed: (page) => robot.isAllowed(page, ROBOTS_AGENT) !== false, ...(delayMs === undefined ? {} : { delayMs }) };
    } catch (error) {
      const reason = reasonOf(error);
      // A robots.txt served as HTML (a catch-all page) is no robots.txt; a server error is a "keep out".
      if (reason.startsWith('skipped: content type')) return ALLOW_ALL;
      if (reason.startsWith('refused:')) throw error;
      return denyAll(reason);
    }
  }
}

function denyAll(reason: string): OriginRules {
  return {
    allowed: () => {
      throw new IngestError(`skipped: robots.txt unavailable (${reason})`);
    },
  };
}
