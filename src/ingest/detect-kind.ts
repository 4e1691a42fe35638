/**
 * Which kind of source a URL is, when `kind` is not given. Kept apart from the connectors so that
 * reading sources.yaml (the bot's main thread) does not load the HTML extraction libraries.
 */
import type { SourceKind } from './types.js';

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
