/**
 * The limits and manners of ingestion, in one place.
 */

/**
 * The product token: the first word of the User-Agent (see user-agent.ts) and the robots.txt
 * user-agent whose rules are obeyed.
 */
export const ROBOTS_AGENT = 'Footnote';
/** A page larger than this is skipped (bytes, after transfer decoding). */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
/** Default cap on pages per source (`--max-pages`). */
export const DEFAULT_MAX_PAGES = 500;
/** Redirects followed before a page is given up. */
export const MAX_REDIRECTS = 5;
/** A request that takes longer than this in total is given up. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Requests in flight to one host at most. */
export const MAX_CONCURRENT_PER_HOST = 2;
/** Minimum pause between the starts of two requests to one host (robots.txt Crawl-delay may ask for more). */
export const DEFAULT_HOST_DELAY_MS = 100;
/** Longest Crawl-delay honoured; a bigger one is capped so a sync still ends. */
export const MAX_CRAWL_DELAY_MS = 10_000;
/** Default link depth for a page URL (`--depth`). */
export const DEFAULT_DEPTH = 0;
/** Git commands are given this long (a shallow clone of a docs folder is quick). */
export const GIT_TIMEOUT_MS = 120_000;
