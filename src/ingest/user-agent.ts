/**
 * The User-Agent every ingestion request sends. It names the product (the same token robots.txt
 * rules are matched against, so a contact never changes which rules apply), the version and —
 * when the operator gives one (`INGEST_CONTACT`) — where a site owner can reach whoever runs
 * this Footnote, as polite crawlers do (`+http://www.google.com/bot.html`). Without a contact
 * it names none rather than a made-up one.
 */
import { ROBOTS_AGENT } from './limits.js';

/** Footnote's version, as package.json says (test/ingest/user-agent.test.ts keeps the two equal). */
export const FOOTNOTE_VERSION = '0.1.0';
/** What the requests are for, the last part of the User-Agent comment. */
const PURPOSE = 'knowledge ingestion for a Discord bot';

/**
 * The User-Agent header, naming `contact` (a URL or an e-mail address) when given.
 *
 * @example userAgent('https://ops.example.org/footnote') // 'Footnote/0.1.0 (+https://ops.example.org/footnote; knowledge ingestion for a Discord bot)'
 * @example userAgent() // 'Footnote/0.1.0 (knowledge ingestion for a Discord bot)'
 */
export function userAgent(contact?: string): string {
  return `${ROBOTS_AGENT}/${FOOTNOTE_VERSION} (${contact === undefined ? '' : `+${contact}; `}${PURPOSE})`;
}
