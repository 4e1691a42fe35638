/**
 * A page URL: that page, plus same-site links up to the source's depth (the sync follows them).
 */
import type { Connector, SourceSpec } from '../types.js';
import { fetchWebDocument, pageKey, sameSitePage } from './web-document.js';

/**
 * The connector of a page source.
 *
 * @example pageConnector({ source: 'https://d.example/guide', kind: 'page', depth: 1 })
 */
export function pageConnector(spec: SourceSpec): Connector {
  const start = pageKey(spec.source);
  const origin = new URL(start).origin;
  return {
    async list() {
      return { items: [{ key: start, url: start, depth: 0 }], goneReason: 'no longer linked from the start page' };
    },
    fetch: fetchWebDocument,
    follows: (link) => sameSitePage(origin, link),
  };
}
