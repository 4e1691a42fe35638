import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/ingest/extract-html.js';
import { parseSitemap } from '../../src/ingest/connectors/sitemap.js';
import { blobUrl, webRepository } from '../../src/ingest/connectors/git.js';
import { remoteHost } from './remote-host.js';
import { wikiTitle } from '../../src/ingest/connectors/mediawiki.js';
import { detectKind } from '../../src/ingest/detect-kind.js';
import { wikitextToText } from '../../src/ingest/wikitext.js';
import { docsHtml } from './fixture-site.js';

describe('main content of an HTML page', () => {
  it('keeps the article with its headings and drops navigation, cookie banner, scripts and forms', () => {
    const html = docsHtml({ title: 'Install', sections: { Setup: 'Run the installer and wait for it to finish completely.' } }, ['/docs/other']);
    const page = extractHtml(html, 'https://docs.example.org/install');
    expect(page.title).toBe('Install · Fixture Docs');
    expect(page.markdown).toContain('## Setup\n\nRun the installer and wait for it to finish completely.');
    expect(page.markdown).not.toMatch(/cookies|Search the docs|tracking|sidebar|\/docs\/other/);
    expect(page.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(page.links).toContain('https://docs.example.org/docs/other');
  });

  it('turns hostile HTML into text only: no raw HTML, no javascript: links, no handlers', () => {
    const hostile = `<html><head><title>Hostile</title></head><body><article><h2>Bad</h2>
      <p>Click <a href="javascript:alert(1)">this link</a> or <a href="JaVaScRiPt:alert(2)">that one</a> or <a href="data:text/html,x">data</a>,
      see <a href="/safe">the safe page</a>. <img src=x onerror="alert(3)"> <iframe src="https://evil.example"></iframe>
      <script>alert(4)</script><svg onload="alert(5)"><text>svg</text></svg> <b onclick="alert(6)">bold</b> text that goes on long enough to be the article.</p>
      Shown as text: &lt;script&gt;alert(7)&lt;/script&gt;.
      <style>p{}</style><object data="x.swf"></object></article></body></html>`;
    const { markdown } = extractHtml(hostile, 'https://docs.example.org/page');
    // The only angle brackets left are Markdown's around a link destination.
    expect(markdown.replace(/\]\(<https:[^>]+>\)/g, '')).not.toMatch(/(?<!\\)</);
    expect(markdown).toContain('Shown as text: \\<script>alert(7)\\</script>.');
    expect(markdown).not.toMatch(/javascript:|data:text|onerror|onclick|onload|alert\([1-6]\)/i);
    expect(markdown).toContain('[the safe page](<https://docs.example.org/safe>)');
    expect(markdown).toContain('this link');
    expect(markdown).toContain('**bold**');
  });

  it('refuses a page with no text', () => {
    expect(() => extractHtml('<html><body><script>x()</script></body></html>', 'https://d.example/')).toThrow('no main content');
  });
});

describe('wikitext to MediaWiki-style text', () => {
  it('keeps headings exactly and paragraphs readable', () => {
    const wikitext = `{{Short description|Something}}
{{Infobox thing
| name = {{nested|x}}
}}
'''Footnote''' is a [[Discord (software)|Discord]] bot.<ref name="a">{{cite web|url=x}}</ref> It cites [https://example.org sources].<ref name="a"/>
[[File:Logo.png|thumb|A [[logo]]]]

== History ==
It began in [[2026]].<!-- hidden -->

=== Early days ===
{| class="wikitable"
| cell
|}
Quiet &amp; small.

[[Category:Bots]]`;
    expect(wikitextToText(wikitext)).toBe('Footnote is a Discord bot. It cites sources.\n\n== History ==\nIt began in 2026.\n\n=== Early days ===\n\nQuiet & small.');
  });
});

describe('recognising sources', () => {
  it.each([
    ['https://en.wikipedia.org/wiki/Discord', 'mediawiki'],
    ['https://wiki.example.org/index.php?title=Rules', 'mediawiki'],
    ['https://docs.example.org/sitemap.xml', 'sitemap'],
    ['https://github.com/acme/docs.git', 'git'],
    ['git@github.com:acme/docs.git', 'git'],
    ['file:///srv/docs.git', 'git'],
    ['https://docs.example.org/guide/', 'page'],
  ])('%s is a %s source', (source, kind) => {
    expect(detectKind(source)).toBe(kind);
  });

  it('reads sitemap URLs with entities', () => {
    expect(parseSitemap('<urlset><url><loc> https://d.example/a?x=1&amp;y=2 </loc></url></urlset>')).toEqual({ index: false, urls: ['https://d.example/a?x=1&y=2'] });
    expect(parseSitemap('<sitemapindex><sitemap><loc>https://d.example/s1.xml</loc></sitemap></sitemapindex>').index).toBe(true);
  });

  it('reads wiki titles from URLs', () => {
    expect(wikiTitle('https://en.wikipedia.org/wiki/Foreign_interference_in_the_2024_United_States_elections')).toBe('Foreign interference in the 2024 United States elections');
    expect(wikiTitle('https://w.example/index.php?title=House_rules')).toBe('House rules');
  });

  it('makes blob permalinks for GitHub and GitLab remotes, none for local ones', () => {
    const github = webRepository('git@github.com:acme/docs.git');
    expect(github && blobUrl(github, 'abc123', 'docs/a b.md')).toBe('https://github.com/acme/docs/blob/abc123/docs/a%20b.md');
    const gitlab = webRepository('https://gitlab.com/acme/docs.git');
    expect(gitlab && blobUrl(gitlab, 'abc123', 'README.md')).toBe('https://gitlab.com/acme/docs/-/blob/abc123/README.md');
    expect(webRepository('file:///srv/docs.git')).toBeUndefined();
    expect(remoteHost('git@github.com:acme/docs.git')).toBe('github.com');
    expect(remoteHost('file:///srv/docs.git')).toBeUndefined();
  });
});
