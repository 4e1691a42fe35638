/**
 * The User-Agent ingestion sends: the operator's contact when one is configured (`INGEST_CONTACT`),
 * no made-up address when not, and the version package.json declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { syncSource } from '../../src/ingest/sync.js';
import { FOOTNOTE_VERSION, userAgent } from '../../src/ingest/user-agent.js';
import { REPO_ROOT, removeScratch, writeKnowledge } from '../helpers/knowledge.js';
import { addDocsPages, startFixtureSite, type FixtureSite } from './fixture-site.js';

describe('the User-Agent', () => {
  it('given a contact, names it after a plus, as polite crawlers do', () => {
    expect(userAgent('https://ops.example.org/footnote')).toBe('Footnote/0.1.0 (+https://ops.example.org/footnote; knowledge ingestion for a Discord bot)');
    expect(userAgent('footnote@example.org')).toBe('Footnote/0.1.0 (+footnote@example.org; knowledge ingestion for a Discord bot)');
  });

  it('given no contact, names no address at all (bug: it named a repository that does not exist)', () => {
    expect(userAgent()).toBe('Footnote/0.1.0 (knowledge ingestion for a Discord bot)');
  });

  it('carries the version package.json declares', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(FOOTNOTE_VERSION).toBe(version);
  });
});

describe('what a site sees when Footnote syncs it', () => {
  const CONTACT = 'https://ops.example.org/footnote';
  let site: FixtureSite | undefined;
  afterEach(async () => {
    await site?.close();
    site = undefined;
  });
  afterAll(() => removeScratch());

  /** Syncs the fixture site's sitemap (on 127.0.0.1, hence allowPrivate) and returns the report. */
  const syncSite = async (given: FixtureSite, contact?: string) =>
    syncSource(
      { source: `${given.origin}/sitemap.xml`, kind: 'sitemap' },
      { knowledgeDir: await writeKnowledge({}), allowPrivate: true, hostDelayMs: 0, ...(contact === undefined ? {} : { contact }) },
    );
  const userAgentsSeen = (given: FixtureSite): Set<unknown> => new Set(given.log.map((request) => request.headers['user-agent']));

  it('given a contact, then every request (robots.txt, sitemap, pages) names it in the User-Agent', async () => {
    // given
    site = await startFixtureSite();
    addDocsPages(site, 2);
    // when
    const report = await syncSite(site, CONTACT);
    // then
    expect(report.added).toHaveLength(2);
    expect(site.log.map((request) => request.path)).toEqual(expect.arrayContaining(['/robots.txt', '/sitemap.xml', '/docs/page-1', '/docs/page-2']));
    expect(userAgentsSeen(site)).toEqual(new Set([`Footnote/0.1.0 (+${CONTACT}; knowledge ingestion for a Discord bot)`]));
  });

  it('given no contact, then the User-Agent names no URL at all', async () => {
    // given
    site = await startFixtureSite();
    addDocsPages(site, 1);
    // when
    await syncSite(site);
    // then
    expect(site.log.length).toBeGreaterThanOrEqual(3);
    expect(userAgentsSeen(site)).toEqual(new Set(['Footnote/0.1.0 (knowledge ingestion for a Discord bot)']));
    expect(JSON.stringify([...userAgentsSeen(site)])).not.toMatch(/https?:|\+|@/);
  });

  it('given a contact, then the robots.txt rules for Footnote still apply, not those for every other crawler', async () => {
    // given: Footnote may read everything but one page; other crawlers nothing
    site = await startFixtureSite();
    addDocsPages(site, 2);
    site.robotsTxt = 'User-agent: *\nDisallow: /\n\nUser-agent: Footnote\nDisallow: /docs/page-2\n';
    // when
    const report = await syncSite(site, CONTACT);
    // then
    expect(report.added).toEqual([`${site.origin}/docs/page-1`]);
    expect(report.failed).toEqual([{ url: `${site.origin}/docs/page-2`, reason: 'skipped: disallowed by robots.txt' }]);
    expect(site.log.map((request) => request.path)).not.toContain('/docs/page-2');
  });
});
