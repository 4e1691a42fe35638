/**
 * The connector of each kind of source.
 */
import { gitConnector } from './connectors/git.js';
import { mediaWikiConnector } from './connectors/mediawiki.js';
import { pageConnector } from './connectors/page.js';
import { sitemapConnector } from './connectors/sitemap.js';
import type { Connector, SourceSpec } from './types.js';

/**
 * The connector of a source.
 *
 * @example connectorFor({ source: 'https://d.example/sitemap.xml', kind: 'sitemap' })
 */
export function connectorFor(spec: SourceSpec): Connector {
  switch (spec.kind) {
    case 'page':
      return pageConnector(spec);
    case 'sitemap':
      return sitemapConnector(spec);
    case 'mediawiki':
      return mediaWikiConnector(spec);
    case 'git':
      return gitConnector(spec);
  }
}
