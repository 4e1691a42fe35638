import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSource } from '../../src/ingest/sync.js';
import type { SourceSpec } from '../../src/ingest/types.js';
import { fingerprintKnowledge, loadKnowledge } from '../../src/knowledge/load.js';
import { openIndex } from '../../src/retrieval/open-index.js';
import { ensureBuilt, runAsk } from '../helpers/cli.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';
import { addDocsPages, startFixtureSite, type FixtureSite } from './fixture-site.js';

let site: FixtureSite;
beforeAll(async () => {
  ensureBuilt();
  site = await startFixtureSite();
}, 120_000);
afterAll(async () => {
  await site.close();
  await removeScratch();
});

interface JsonCitation { title: string; source: string; url?: string; permalink?: string; fetchedAt?: string }
const askJson = (root: string, question: string): { answered: boolean; excerpts: { text: string; citation: JsonCitation }[] } => {
  const run = runAsk(['--json', '--knowledge', root, question], { cwd: join(root, '..') });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { answered: boolean; excerpts: { text: string; citation: JsonCitation }[] };
};

/** Every file under a folder (dot-folders included) with its modification time. */
async function snapshot(root: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(root.length + 1), (await stat(path)).mtimeMs);
  }
  return files;
}

const options = (knowledgeDir: string) => ({ knowledgeDir, allowPrivate: true, hostDelayMs: 0, cacheDir: join(knowledgeDir, '..', 'cache') });

describe('a docs site through its sitemap', () => {
  let root: string;
  let spec: SourceSpec;

  beforeAll(async () => {
    addDocsPages(site, 5);
    site.pages.set('/private/secret', { title: 'Secret', sections: { Hidden: 'Robots keep this out.' } });
    site.pages.set('/docs/broken', { title: 'Broken', sections: { X: 'Never served.' }, status: 500 });
    root = await writeKnowledge({ 'house-rules.md': '# House rules\n\nBe kind to each other.\n' });
    spec = { source: `${site.origin}/sitemap.xml`, kind: 'sitemap', collection: 'docs' };
  });

  it('ingests every page (main content, provenance), skips what robots.txt disallows, and ask cites the page', async () => {
    const report = await syncSource(spec, options(root));
    expect(report.error).toBeUndefined();
    expect([...report.added].sort()).toEqual([1, 2, 3, 4, 5].map((n) => `${site.origin}/docs/page-${n}`).sort());
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { url: `${site.origin}/private/secret`, reason: 'skipped: disallowed by robots.txt' },
        { url: `${site.origin}/docs/broken`, reason: 'HTTP 500' },
      ]),
    );
    expect(site.log.some((r) => r.path === '/private/secret')).toBe(false);

    const files = (await readdir(join(root, 'docs'))).filter((name) => name.endsWith('.md'));
    expect(files).toHaveLength(5);
    const page3 = files.find((name) => name.startsWith('127-0-0-1-') && name.includes('docs-page-3-'));
    expect(page3).toBeDefined();
    const text = await readFile(join(root, 'docs', page3 ?? ''), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Topic number 3 · Fixture Docs"\nsource: "http:\/\/127\.0\.0\.1:\d+\/docs\/page-3"\nlicense: "https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/"\ndoc_id: ".+"\nfetched_at: "\d{4}-\d\d-\d\dT[\d:.]+Z"\netag: "\\"[0-9a-f]+\\""\nlast_modified: "Tue, 01 Dec 2026 10:00:00 GMT"\n---\n# Topic number 3/);
    expect(text).toContain('## Troubleshooting\n\nWhen topic 3 fails, restart the daemon3 service');
    expect(text).not.toMatch(/cookie|Search the docs|window\.tracking/i);

    const knowledge = await loadKnowledge(root);
    expect(knowledge.documents.find((d) => d.path === `docs/${page3}`)?.collection).toBe('docs');

    const answer = askJson(root, 'How do I restart the daemon3 service?');
    expect(answer.answered).toBe(true);
    const citation = answer.excerpts[0]?.citation;
    expect(citation?.source).toBe(`knowledge/docs/${page3}`);
    expect(citation?.url).toMatch(new RegExp(`^${site.origin}/docs/page-3#:~:text=`));
    expect(citation?.fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('re-syncs with conditional requests and changes no file, so the index is not rebuilt', async () => {
    const cacheDir = join(root, '..', 'index-cache');
    await openIndex(root, { cacheDir });
    const before = await snapshot(root);
    const fingerprint = await fingerprintKnowledge(root);
    const logged = site.log.length;

    const report = await syncSource(spec, options(root));

    expect(report).toMatchObject({ added: [], changed: [], removed: [], unchanged: 5 });
    const pageRequests = site.log.slice(logged).filter((r) => r.path.startsWith('/docs/page-'));
    expect(pageRequests).toHaveLength(5);
    for (const request of pageRequests) {
      expect(request.headers['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
      expect(request.headers['if-modified-since']).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
    }
    expect(await snapshot(root)).toEqual(before);
    expect(await fingerprintKnowledge(root)).toBe(fingerprint);
    expect((await openIndex(root, { cacheDir })).origin).toBe('loaded');
  });

  it('updates an edited page, removes deleted and unlisted pages, and keeps a page that failed', async () => {
    const page = (n: number) => site.pages.get(`/docs/page-${n}`) as NonNullable<ReturnType<typeof site.pages.get>>;
    page(2).sections.Setup = 'To set up topic 2 now, download the gizmo2 archive instead.';
    page(3).status = 410;
    page(4).inSitemap = false;
    page(5).status = 503;
    const manifestFiles = async () => (await readdir(join(root, 'docs'))).filter((name) => name.endsWith('.md'));
    const before = await manifestFiles();

    const report = await syncSource(spec, options(root));

    expect(report.changed).toEqual([`${site.origin}/docs/page-2`]);
    expect(report.removed).toEqual(
      expect.arrayContaining([
        { url: `${site.origin}/docs/page-3`, reason: 'HTTP 410' },
        { url: `${site.origin}/docs/page-4`, reason: 'dropped from the sitemap' },
      ]),
    );
    expect(report.removed).toHaveLength(2);
    expect(report.failed).toContainEqual({ url: `${site.origin}/docs/page-5`, reason: 'HTTP 503' });
    const after = await manifestFiles();
    expect(after).toHaveLength(before.length - 2);
    expect(after.some((name) => name.includes('docs-page-5-'))).toBe(true);
    const page2 = after.find((name) => name.includes('docs-page-2-')) ?? '';
    expect(await readFile(join(root, 'docs', page2), 'utf8')).toContain('download the gizmo2 archive');
    expect(askJson(root, 'How do I restart the daemon4 service?').excerpts.every((e) => !e.citation.source.includes('page-4'))).toBe(true);
    delete page(3).status;
    page(4).inSitemap = true;
    delete page(5).status;
  });

  it('brings back a file deleted by hand, although the server answers 304 to its validators', async () => {
    const [victim] = (await readdir(join(root, 'docs'))).filter((name) => name.endsWith('.md'));
    await rm(join(root, 'docs', victim ?? ''));
    const report = await syncSource(spec, options(root));
    expect(report.failed).toEqual(expect.not.arrayContaining([expect.objectContaining({ reason: expect.stringContaining('unchanged') })]));
    expect(await readFile(join(root, 'docs', victim ?? ''), 'utf8')).toMatch(/^---\ntitle: /);
  });

  it('refuses the loopback site without --allow-private, and changes nothing', async () => {
    const fresh = await writeKnowledge({ 'a.md': '# A\n\nText.\n' });
    const report = await syncSource(spec, { knowledgeDir: fresh, hostDelayMs: 0 });
    expect(report.error).toMatch(/^refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a private or reserved address/);
    expect([...(await snapshot(fresh)).keys()]).toEqual(['a.md']);
  });
});

describe('a page and the pages it links to', () => {
  it('follows same-site links to --depth, and stops at --max-pages without removing the rest', async () => {
    const root = await writeKnowledge({});
    const spec: SourceSpec = { source: `${site.origin}/docs/page-1`, kind: 'page', depth: 1, maxPages: 3 };
    const report = await syncSource(spec, options(root));
    expect(report.added).toHaveLength(3);
    expect(report.capped).toBe(true);
    const again = await syncSource(spec, options(root));
    expect(again).toMatchObject({ added: [], removed: [], unchanged: 3 });
  });

  it('decodes a Latin-1 page', async () => {
    const root = await writeKnowledge({});
    const report = await syncSource({ source: `${site.origin}/latin1`, kind: 'page' }, options(root));
    expect(report.added).toHaveLength(1);
    const [file] = (await readdir(root)).filter((name) => !name.startsWith('.'));
    expect(await readFile(join(root, file ?? ''), 'utf8')).toContain('Le café crème se boit à Paris');
  });

  it('reports a redirect loop, a huge page and an image as failed, writing nothing', async () => {
    const root = await writeKnowledge({});
    for (const path of ['/loop/a', '/huge', '/image.png']) {
      const report = await syncSource({ source: `${site.origin}${path}`, kind: 'page' }, options(root));
      expect(report.failed[0]?.reason).toMatch(/more than 5 redirects|larger than 5 MB|content type image\/png/);
    }
    expect(await readdir(root)).toEqual(['.ingest']);
  });
});

describe('a MediaWiki page', () => {
  it('writes MediaWiki text with a sidecar pinned to the revision; ask shows the permalink; re-sync is one small request', async () => {
    site.wiki.set('Fixture elections', {
      revid: 1001,
      wikitext: "'''Fixture elections''' were held in [[Example Land]].<ref>{{cite web|url=x}}</ref>\n\n== Interference ==\nThe [[Ministry of Fog|fog ministry]] spread rumours about the ballots.\n\n== Aftermath ==\nA commission reviewed the count.",
    });
    const root = await writeKnowledge({});
    const spec: SourceSpec = { source: `${site.origin}/wiki/Fixture_elections`, kind: 'mediawiki' };

    const report = await syncSource(spec, options(root));

    expect(report.added).toEqual([spec.source]);
    const names = (await readdir(root)).filter((name) => !name.startsWith('.')).sort();
    expect(names).toEqual([expect.stringMatching(/^fixture-elections-[0-9a-f]{6}\.meta\.yaml$/), expect.stringMatching(/^fixture-elections-[0-9a-f]{6}\.txt$/)]);
    const text = await readFile(join(root, names[1] ?? ''), 'utf8');
    expect(text).toBe('= Fixture elections =\n\nFixture elections were held in Example Land.\n\n== Interference ==\nThe fog ministry spread rumours about the ballots.\n\n== Aftermath ==\nA commission reviewed the count.\n');
    const sidecar = await readFile(join(root, names[0] ?? ''), 'utf8');
    expect(sidecar).toContain('revision: "1001"\n');
    expect(sidecar).toContain(`permalink: "${site.origin}/w/index.php?title=Fixture_elections&oldid=1001"\n`);
    expect(sidecar).toContain('license: "Creative Commons Attribution-Share Alike 4.0"\n');

    const citation = askJson(root, 'Who spread rumours about the ballots?').excerpts[0]?.citation;
    expect(citation?.permalink).toMatch(new RegExp(`^${site.origin.replace(/\./g, '\\.')}/w/index\\.php\\?title=Fixture_elections&oldid=1001#:~:text=`));
    expect(citation?.url).toMatch(new RegExp(`^${site.origin}/wiki/Fixture_elections#`));

    const logged = site.log.length;
    expect(await syncSource(spec, options(root))).toMatchObject({ unchanged: 1, changed: [] });
    const apiCalls = site.log.slice(logged).filter((r) => r.path.startsWith('/w/api.php'));
    expect(apiCalls.map((r) => new URL(r.path, site.origin).searchParams.get('rvprop'))).toEqual(['ids']);

    site.wiki.set('Fixture elections', { revid: 1002, wikitext: '== Interference ==\nThe fog ministry denied everything.' });
    expect((await syncSource(spec, options(root))).changed).toEqual([spec.source]);
    expect(await readFile(join(root, names[0] ?? ''), 'utf8')).toContain('oldid=1002');

    site.wiki.delete('Fixture elections');
    const gone = await syncSource(spec, options(root));
    expect(gone.removed).toEqual([{ url: spec.source, reason: 'the wiki page no longer exists' }]);
    expect((await readdir(root)).filter((name) => !name.startsWith('.'))).toEqual([]);
  });
});
