/**
 * Which connector a source URL needs, when `kind` is not given.
 */
import { gitConnector } from './connectors/git.js';
import { mediaWikiConnector } from './connectors/mediawiki.js';
import { pageConnector } from './connectors/page.js';
import { sitemapConnector } from './connectors/sitemap.js';
import type { Connector, SourceKind, SourceSpec } from './types.js';

/**
 * Guesses the kind of a source from its URL: git for `git@…`, `ssh://`, `file://` and `….git`;
 * a sitemap for `….xml` or a path naming a sitemap; MediaWiki for `/wiki/Title` or `?title=`; else a page.
 *
 * @example detectKind('https://en.wikipedia.org/wiki/Discord') // 'mediawiki'
 * @example detectKind('https://github.com/acme/docs.git') // 'git'
 */
export function detectKind(source: string): SourceKind {
  if (/^(?:git@|ssh:\/\/|git:\/\/|file:\/\/)/.test(source) || /\.git\/?$/.test(source)) return 'git';
  const url = new URL(source);
  if (/\.xml$/i.test(url.pathname) || /sitemap/i.test(url.pathname)) return 'sitemap';
  if (/\/wiki\/./.test(url.pathname) || url.searchParams.has('title')) return 'mediawiki';
  return 'page';
}

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
