/**
 * The operator's contact reaches the sites the bot syncs: INGEST_CONTACT in the bot's config, through
 * the bot's own sync and its worker thread, into the User-Agent every request carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';
import { addDocsPages, startFixtureSite, type FixtureSite } from '../ingest/fixture-site.js';
import { type Harness, replyOf, startHarness } from './harness.js';

const CONTACT = 'footnote-ops@example.org';

let h: Harness;
let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
  addDocsPages(site, 2);
  const root = await writeKnowledge({ 'sources.yaml': `sources:\n  - source: ${site.origin}/sitemap.xml\n` });
  // No sync given: the bot builds its own from the config, as `npm start` does.
  h = await startHarness({ knowledgeDir: root, questionLimit: 'off', env: { INGEST_ALLOW_PRIVATE: 'true', INGEST_CONTACT: CONTACT } });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await site?.close();
  await removeScratch();
});

describe('INGEST_CONTACT', () => {
  it('given in the bot config, when /sync runs, then the site sees the contact in every request', async () => {
    // when
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('sync', {}, { user: h.fake.users.moderator })), 60_000);
    // then
    expect(message.embeds[0]?.description).toContain(': 2 added, 0 changed, 0 unchanged, 0 removed, 0 failed');
    expect(site.log.map((request) => request.path)).toEqual(expect.arrayContaining(['/robots.txt', '/sitemap.xml', '/docs/page-1', '/docs/page-2']));
    expect(new Set(site.log.map((request) => request.headers['user-agent']))).toEqual(new Set([`Footnote/0.1.0 (+${CONTACT}; knowledge ingestion for a Discord bot)`]));
  });
});
