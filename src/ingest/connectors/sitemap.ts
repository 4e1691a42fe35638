/**
 * A sitemap URL: every page it lists (sitemap indexes are followed one level down).
 */
import { IngestError } from '../errors.js';
import type { Connector, ConnectorContext, ListedItem, SourceSpec } from '../types.js';
import { fetchWebDocument, pageKey, sameSitePage } from './web-document.js';

const SITEMAP_TYPES: readonly string[] = ['application/xml', 'text/xml', 'application/rss+xml'];
/** Child sitemaps read from a sitemap index at most. */
const MAX_CHILD_SITEMAPS = 50;
const LOC = /<loc>\s*([^<]+?)\s*<\/loc>/g;
const XML_ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/**
 * The `<loc>` URLs of a sitemap and whether it is a sitemap index.
 *
 * @example parseSitemap('<urlset><url><loc>https://d.example/a?x=1&amp;y=2</loc></url></urlset>') // { index: false, urls: ['https://d.example/a?x=1&y=2'] }
 */
export function parseSitemap(xml: string): { index: boolean; urls: string[] } {
  const urls = [...xml.matchAll(LOC)].map((match) => (match[1] ?? '').replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => XML_ENTITIES[entity] ?? entity));
  return { index: /<sitemapindex[\s>]/.test(xml), urls };
}

async function readSitemap(url: string, context: ConnectorContext): Promise<{ index: boolean; urls: string[] }> {
  await context.robots.check(url);
  const result = await context.fetchPage({ url, accept: SITEMAP_TYPES });
  // A missing sitemap must not empty the knowledge: the whole source fails, nothing is removed.
  if (result.kind !== 'ok') throw new IngestError(`sitemap ${url}: ${result.kind === 'gone' ? `HTTP ${result.status}` : 'not modified'}`);
  return parseSitemap(result.text);
}

/**
 * The connector of a sitemap source.
 *
 * @example sitemapConnector({ source: 'https://d.example/sitemap.xml', kind: 'sitemap' })
 */
export function sitemapConnector(spec: SourceSpec): Connector {
  const origin = new URL(spec.source).origin;
  return {
    async list(context) {
      const top = await readSitemap(spec.source, context);
      const pages = top.index ? [] : top.urls;
      if (top.index) {
        for (const child of top.urls.slice(0, MAX_CHILD_SITEMAPS)) pages.push(...(await readSitemap(child, context)).urls);
      }
      const seen = new Set<string>();
      const items: ListedItem[] = [];
      for (const page of pages) {
        let key: string;
        try {
          key = pageKey(page);
        } catch {
          continue; // not a URL
        }
        // Sitemaps may only list their own site's pages (sitemaps.org); others are ignored.
        if (!sameSitePage(origin, key) || seen.has(key)) continue;
        seen.add(key);
        items.push({ key, url: key, depth: 0 });
      }
      return { items, goneReason: 'dropped from the sitemap' };
    },
    fetch: fetchWebDocument,
  };
}
