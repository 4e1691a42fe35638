/**
 * One web page (HTML or Markdown) → a knowledge document: fetched conditionally, main content
 * extracted, with its validators and same-site links. Page and sitemap sources share it.
 */
import { splitFrontMatter } from '../../knowledge/front-matter.js';
import { extractHtml } from '../extract-html.js';
import { contentHash, renderMarkdown } from '../knowledge-file.js';
import type { ConnectorContext, ItemOutcome, ListedItem, ManifestEntry } from '../types.js';

/** Content types a page may have; anything else is skipped with the reason. */
export const PAGE_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml', 'text/markdown', 'text/x-markdown'];
/** A `.md` file is often served as text/plain (raw file hosts); only then is text/plain taken as Markdown. */
const MARKDOWN_PATH = /\.(?:md|markdown)$/i;
/** Links to these are not pages; following them would only cost a request to skip them. */
const NOT_A_PAGE = /\.(?:png|jpe?g|gif|svg|webp|ico|pdf|zip|gz|tgz|tar|mp[34]|webm|woff2?|ttf|css|js|json|xml)$/i;

/**
 * A URL as an item key: no fragment (the same page), otherwise as given.
 *
 * @example pageKey('https://d.example/a#setup') // 'https://d.example/a'
 */
export function pageKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/**
 * Whether a link found on a page of `origin` is a page of the same site worth following.
 *
 * @example sameSitePage('https://d.example', 'https://d.example/guide') // true
 */
export function sameSitePage(origin: string, link: string): boolean {
  const url = new URL(link);
  return url.origin === origin && !NOT_A_PAGE.test(url.pathname);
}

/** Fetches and extracts one page. */
export async function fetchWebDocument(item: ListedItem, previous: ManifestEntry | undefined, context: ConnectorContext): Promise<ItemOutcome> {
  await context.robots.check(item.url);
  const result = await context.fetchPage({
    url: item.url,
    accept: MARKDOWN_PATH.test(new URL(item.url).pathname) ? [...PAGE_TYPES, 'text/plain'] : PAGE_TYPES,
    ...(previous?.etag === undefined ? {} : { etag: previous.etag }),
    ...(previous?.lastModified === undefined ? {} : { lastModified: previous.lastModified }),
  });
  if (result.kind === 'not-modified') return { kind: 'unchanged' };
  if (result.kind === 'gone') return { kind: 'gone', reason: `HTTP ${result.status}` };

  const isHtml = /html/.test(result.contentType);
  const page = isHtml ? extractHtml(result.text, result.url) : markdownPage(result.text, result.url);
  const validators = {
    ...(result.etag === undefined ? {} : { etag: result.etag }),
    ...(result.lastModified === undefined ? {} : { lastModified: result.lastModified }),
  };
  const rendered = renderMarkdown(
    {
      title: page.title,
      source: item.url,
      ...(page.license === undefined ? {} : { license: page.license }),
      docId: item.key,
      fetchedAt: context.now().toISOString(),
      ...validators,
    },
    page.markdown,
  );
  const url = new URL(item.url);
  return {
    kind: 'document',
    name: `${url.host}${url.pathname}${url.search}`,
    rendered,
    hash: contentHash(page.title, page.markdown, page.license ?? ''),
    validators,
    links: page.links.filter((link) => sameSitePage(url.origin, link)).map(pageKey),
  };
}

/** A Markdown page: its own front matter is dropped (its title kept), the rest taken as is. */
function markdownPage(text: string, url: string): { title: string; markdown: string; license?: string; links: string[] } {
  const { frontMatter } = splitFrontMatter(text);
  const body = frontMatter === undefined ? text : text.slice(frontMatter.bodyStart);
  const declared = frontMatter === undefined ? undefined : /^title:\s*["']?(.+?)["']?\s*$/m.exec(frontMatter.yaml)?.[1];
  const heading = /^#\s+(.+)$/m.exec(body)?.[1];
  const title = (declared ?? heading ?? decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url)).trim();
  return { title, markdown: body, links: [] };
}
