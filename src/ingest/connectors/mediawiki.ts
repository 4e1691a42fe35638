/**
 * A MediaWiki page URL (`…/wiki/Title` or `…/index.php?title=Title`): its wikitext through the
 * site's API, pinned to the revision id; written as MediaWiki-style text plus a `.meta.yaml`
 * sidecar, like the shipped article, with `permalink` `?oldid=REV`.
 */
import { IngestError } from '../errors.js';
import { contentHash, renderMediaWiki } from '../knowledge-file.js';
import type { Connector, ConnectorContext, SourceSpec } from '../types.js';
import { wikitextToText } from '../wikitext.js';

const JSON_TYPES: readonly string[] = ['application/json'];

/** A page of the API's `action=query&prop=revisions` answer (formatversion 2). */
interface QueryPage {
  readonly title?: string;
  readonly missing?: boolean;
  readonly invalid?: boolean;
  readonly revisions?: readonly { readonly revid?: number; readonly slots?: { readonly main?: { readonly content?: string } } }[];
}
interface QueryAnswer {
  readonly query?: { readonly pages?: readonly QueryPage[]; readonly rightsinfo?: { readonly text?: string } };
  readonly error?: { readonly info?: string };
}

/**
 * The page title of a wiki URL.
 *
 * @example wikiTitle('https://en.wikipedia.org/wiki/Foreign_interference_in_the_2024_United_States_elections') // 'Foreign interference in the 2024 United States elections'
 */
export function wikiTitle(pageUrl: string): string | undefined {
  const url = new URL(pageUrl);
  const fromQuery = url.searchParams.get('title');
  const fromPath = /\/wiki\/(.+)$/.exec(url.pathname)?.[1];
  const raw = fromQuery ?? (fromPath === undefined ? undefined : decodeURIComponent(fromPath));
  return raw?.replace(/_/g, ' ').trim() || undefined;
}

/**
 * The connector of a MediaWiki source. The API endpoint defaults to `<origin>/w/api.php` (Wikipedia's layout).
 *
 * @example mediaWikiConnector({ source: 'https://en.wikipedia.org/wiki/Discord', kind: 'mediawiki' })
 */
export function mediaWikiConnector(spec: SourceSpec): Connector {
  const title = wikiTitle(spec.source);
  if (title === undefined) throw new IngestError(`not a wiki page URL (…/wiki/Title or ?title=Title): ${spec.source}`);
  const api = new URL(spec.api ?? '/w/api.php', spec.source);
  const query = async (context: ConnectorContext, rvprop: string): Promise<QueryAnswer> => {
    const url = new URL(api);
    const parameters = { action: 'query', prop: 'revisions', rvprop, rvslots: 'main', titles: title, redirects: '1', meta: 'siteinfo', siprop: 'rightsinfo', format: 'json', formatversion: '2' };
    for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);
    const result = await context.fetchPage({ url: url.href, accept: JSON_TYPES });
    if (result.kind !== 'ok') throw new IngestError(`wiki API ${api.href}: ${result.kind === 'gone' ? `HTTP ${result.status}` : 'no answer'}`);
    try {
      return JSON.parse(result.text) as QueryAnswer;
    } catch {
      throw new IngestError(`wiki API ${api.href}: not JSON`);
    }
  };
  return {
    async list() {
      return { items: [{ key: spec.source, url: spec.source, depth: 0 }], goneReason: 'no longer a source' };
    },
    async fetch(item, previous, context) {
      // robots.txt governs the pages; the API is meant for tools (and Wikipedia's robots.txt disallows /w/).
      await context.robots.check(item.url);
      if (previous?.version !== undefined) {
        const ids = firstPage(await query(context, 'ids'));
        if (ids.missing === true) return { kind: 'gone', reason: 'the wiki page no longer exists' };
        if (String(ids.revisions?.[0]?.revid) === previous.version) return { kind: 'unchanged' };
      }
      const answer = await query(context, 'content|ids');
      const page = firstPage(answer);
      if (page.missing === true) return { kind: 'gone', reason: 'the wiki page no longer exists' };
      const revision = page.revisions?.[0];
      const wikitext = revision?.slots?.main?.content;
      if (revision?.revid === undefined || wikitext === undefined) throw new IngestError('wiki API: no revision content');
      const revid = String(revision.revid);
      const pageTitle = page.title ?? title;
      const body = wikitextToText(wikitext);
      const license = answer.query?.rightsinfo?.text?.trim() || undefined;
      const permalink = new URL(api.href.replace(/api\.php$/, 'index.php'));
      permalink.search = '';
      permalink.searchParams.set('title', pageTitle.replace(/ /g, '_'));
      permalink.searchParams.set('oldid', revid);
      const rendered = renderMediaWiki(
        {
          title: pageTitle,
          source: item.url,
          ...(license === undefined ? {} : { license }),
          docId: item.key,
          fetchedAt: context.now().toISOString(),
          revision: revid,
          permalink: permalink.href,
        },
        body,
      );
      return { kind: 'document', name: pageTitle, rendered, hash: contentHash(pageTitle, body, license ?? ''), validators: { version: revid } };
    },
  };
}

function firstPage(answer: QueryAnswer): QueryPage {
  if (answer.error !== undefined) throw new IngestError(`wiki API error: ${answer.error.info ?? 'unknown'}`);
  const page = answer.query?.pages?.[0];
  if (page === undefined) throw new IngestError('wiki API: no page in the answer');
  if (page.invalid === true) throw new IngestError('wiki API: invalid title');
  return page;
}
