/**
 * A local HTTP server playing the sites ingestion meets: a docs site with navigation, a sitemap
 * and ETags, a MediaWiki-like API, a robots.txt with a disallowed page, a redirect loop, a huge
 * page, a Latin-1 page and an image. Pages can be edited, deleted and slowed down while it runs;
 * every request is logged with its headers, and the most requests in flight at once is recorded.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A docs page of the fixture site. */
export interface FixturePage {
  title: string;
  /** Section heading → paragraph. */
  sections: Record<string, string>;
  /** Listed in /sitemap.xml (default true). */
  inSitemap?: boolean;
  /** Answer with this status instead (500, 404 …). */
  status?: number;
}

/** A wiki page of the MediaWiki-like API. */
export interface FixtureWikiPage {
  revid: number;
  wikitext: string;
}

/** One logged request. */
export interface LoggedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** A running fixture site. */
export interface FixtureSite {
  readonly origin: string;
  readonly pages: Map<string, FixturePage>;
  readonly wiki: Map<string, FixtureWikiPage>;
  readonly log: LoggedRequest[];
  /** Most requests handled at the same time so far. */
  maxInFlight: number;
  /** Milliseconds every docs page waits before answering. */
  delayMs: number;
  /** What /robots.txt says (default: every agent kept out of /private/). */
  robotsTxt: string;
  close(): Promise<void>;
}

const HUGE_BYTES = 6 * 1024 * 1024;

/**
 * The HTML of a docs page: navigation, a cookie banner, the article, a form and a footer.
 *
 * @example docsHtml({ title: 'Install', sections: { Setup: 'Run it.' } }, ['/docs/a'])
 */
export function docsHtml(page: FixturePage, nav: readonly string[]): string {
  const sections = Object.entries(page.sections).map(([heading, text]) => `<h2>${heading}</h2>\n<p>${text}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page.title} · Fixture Docs</title>
<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">
<script>window.tracking = true;</script><style>body{font:14px sans-serif}</style></head>
<body><header><nav class="sidebar">${nav.map((href) => `<a href="${href}">${href}</a>`).join(' ')}</nav></header>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<main><article><h1>${page.title}</h1>
<p>${page.title} is explained on this page of the fixture documentation, with every detail a reader needs to get going.</p>
${sections}
</article></main>
<form action="/search"><input name="q" placeholder="Search the docs"></form>
<footer>Copyright Fixture Docs. Content under CC BY 4.0.</footer></body></html>`;
}

const etagOf = (body: string | Buffer): string => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;

/**
 * Starts the fixture site on 127.0.0.1 (a free port).
 *
 * @example const site = await startFixtureSite(); … await site.close();
 */
export async function startFixtureSite(): Promise<FixtureSite> {
  let inFlight = 0;
  const site: FixtureSite = {
    origin: '',
    pages: new Map(),
    wiki: new Map(),
    log: [],
    maxInFlight: 0,
    delayMs: 0,
    robotsTxt: 'User-agent: *\nDisallow: /private/\n',
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      inFlight += 1;
      site.maxInFlight = Math.max(site.maxInFlight, inFlight);
      const url = new URL(request.url ?? '/', 'http://fixture');
      site.log.push({ path: url.pathname + url.search, headers: request.headers });
      try {
        await route(site, url, request.headers, response);
      } finally {
        inFlight -= 1;
      }
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  (site as { origin: string }).origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return site;
}

type Response = import('node:http').ServerResponse;

async function route(site: FixtureSite, url: URL, headers: IncomingHttpHeaders, response: Response): Promise<void> {
  const path = url.pathname;
  const send = (status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': type, ...extra });
    response.end(body);
  };
  if (path === '/robots.txt') return send(200, 'text/plain', site.robotsTxt);
  if (path === '/sitemap.xml') {
    const locs = [...site.pages.entries()].filter(([, page]) => page.inSitemap !== false).map(([p]) => `<url><loc>${site.origin}${p}</loc></url>`);
    return send(200, 'application/xml', `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.join('')}</urlset>`);
  }
  if (path.startsWith('/loop/')) return send(302, 'text/plain', '', { location: path === '/loop/a' ? '/loop/b' : '/loop/a' });
  if (path === '/redirect-to-metadata') return send(302, 'text/plain', '', { location: 'http://169.254.169.254/latest/meta-data/' });
  if (path === '/image.png') return send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  if (path === '/latin1') {
    const html = '<html><head><title>Caf\xe9 cr\xe8me</title></head><body><article><h1>Caf\xe9 cr\xe8me</h1><p>Le caf\xe9 cr\xe8me se boit \xe0 Paris, \xe9videmment, avec un croissant fra\xeechement sorti du four et beaucoup de patience.</p></article></body></html>';
    return send(200, 'text/html; charset=ISO-8859-1', Buffer.from(html, 'latin1'));
  }
  if (path === '/huge') {
    // Chunked (no Content-Length): the cap must hold while streaming, not only on the header.
    response.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let sent = 0; sent < HUGE_BYTES && !response.destroyed; sent += chunk.length) {
      if (!response.write(chunk)) await once(response, 'drain').catch(() => undefined);
    }
    response.end();
    return;
  }
  if (path === '/w/api.php') return wikiApi(site, url, send);
  if (path.startsWith('/wiki/')) {
    const title = decodeURIComponent(path.slice('/wiki/'.length)).replace(/_/g, ' ');
    return site.wiki.has(title) ? send(200, 'text/html', `<html><title>${title}</title><body>${title}</body></html>`) : send(404, 'text/html', 'missing');
  }
  const page = site.pages.get(path);
  if (page === undefined) return send(404, 'text/html', '<html><body>Not found</body></html>');
  if (site.delayMs > 0) await sleep(site.delayMs);
  if (page.status !== undefined) return send(page.status, 'text/html', `<html><body>Error ${page.status}</body></html>`);
  const body = docsHtml(page, [...site.pages.keys()].slice(0, 30));
  const etag = etagOf(body);
  if (headers['if-none-match'] === etag) {
    response.writeHead(304, { etag });
    response.end();
    return;
  }
  send(200, 'text/html; charset=utf-8', body, { etag, 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' });
}

function wikiApi(site: FixtureSite, url: URL, send: (status: number, type: string, body: string) => void): void {
  const p = url.searchParams;
  if (p.get('action') !== 'query' || p.get('prop') !== 'revisions' || p.get('format') !== 'json') {
    send(200, 'application/json', JSON.stringify({ error: { code: 'badparams', info: 'unsupported request' } }));
    return;
  }
  const title = p.get('titles') ?? '';
  const page = site.wiki.get(title);
  const withContent = (p.get('rvprop') ?? '').split('|').includes('content');
  const pages = page === undefined
    ? [{ title, missing: true }]
    : [{ title, revisions: [{ revid: page.revid, ...(withContent ? { slots: { main: { contentmodel: 'wikitext', content: page.wikitext } } } : {}) }] }];
  send(200, 'application/json; charset=utf-8', JSON.stringify({ batchcomplete: true, query: { pages, rightsinfo: { url: 'https://creativecommons.org/licenses/by-sa/4.0/', text: 'Creative Commons Attribution-Share Alike 4.0' } } }));
}

/**
 * A docs site of `count` pages (`/docs/page-1` …), each with two sections of distinct words.
 *
 * @example addDocsPages(site, 3)
 */
export function addDocsPages(site: FixtureSite, count: number): void {
  for (let n = 1; n <= count; n += 1) {
    site.pages.set(`/docs/page-${n}`, {
      title: `Topic number ${n}`,
      sections: {
        Setup: `To set up topic ${n}, install the widget${n} package and run the configure step for module ${n}.`,
        Troubleshooting: `When topic ${n} fails, restart the daemon${n} service and check the log file of module ${n}.`,
      },
    });
  }
}
