/**
 * /sync end to end: the real bot against the fake Discord, syncing a local fixture docs site in a
 * worker thread, then reloading atomically.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeSync } from '../../src/ingest/knowledge-sync.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';
import { addDocsPages, startFixtureSite, type FixtureSite } from '../ingest/fixture-site.js';
import { type Harness, openWithoutCache, replyOf, startHarness } from './harness.js';

let h: Harness;
let site: FixtureSite;
let root: string;
beforeAll(async () => {
  site = await startFixtureSite();
  addDocsPages(site, 5);
  root = await writeKnowledge({
    'danger.md': '# Danger · Fixture Docs\n\nThe hand-written page about the volcano warning system.\n',
    'sources.yaml': `sources:\n  - source: ${site.origin}/sitemap.xml\n    collection: docs\n    schedule: 1d\n`,
  });
  const service = await createKnowledgeService(root, { open: openWithoutCache });
  // The fixture lives on 127.0.0.1: this bot may fetch private addresses (INGEST_ALLOW_PRIVATE=true).
  const sync = createKnowledgeSync({ knowledgeDir: root, reload: () => service.reload(), allowPrivate: true, cacheDir: join(root, '..', 'cache') });
  h = await startHarness({ knowledgeDir: root, service, sync, questionLimit: 'off' });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await site?.close();
  await removeScratch();
});

const sync = (user = h.fake.users.moderator) => replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('sync', {}, { user })), 60_000);
const ask = (query: string) => replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query })));

describe('/sync', () => {
  it('is refused to a member without Manage Server', async () => {
    expect(await sync(h.fake.users.member)).toMatchObject({ flags: 64, content: 'Only members with the Manage Server permission can sync the sources.' });
  });

  it('ingests the sources in a worker, reloads, and the bot answers from the pages', async () => {
    const message = await sync();
    expect(message.flags).toBe(64);
    expect(message.embeds[0]?.title).toBe('Sources synced');
    expect(message.embeds[0]?.description).toContain(': 5 added, 0 changed, 0 unchanged, 0 removed, 0 failed');
    expect(message.embeds[1]?.title).toBe('Knowledge reloaded');
    expect(message.embeds[1]?.description).toContain('Now answering from 6 documents');
    const answer = await ask('How do I restart the daemon4 service?');
    expect(JSON.stringify(answer.embeds[0]?.fields)).toMatch(/When topic 4 fails, \*\*restart\*\* the \*\*daemon4 service\*\*.*\/docs\/page-4#/);
  });

  it('changes nothing and does not reload when the site did not change', async () => {
    const reloadsBefore = h.logs.filter((l) => l.event === 'reload').length;
    const message = await sync();
    expect(message.embeds[0]?.description).toContain(': 0 added, 0 changed, 5 unchanged, 0 removed, 0 failed');
    expect(message.embeds[0]?.description).toContain('No file changed');
    expect(message.embeds).toHaveLength(1);
    expect(h.logs.filter((l) => l.event === 'reload').length).toBe(reloadsBefore);
  });

  it('keeps the old knowledge serving when the synced pages would not load', async () => {
    // A page titled like the hand-written one (without doc_id) makes the folder invalid.
    site.pages.set('/docs/danger', { title: 'Danger', sections: { Eruption: 'The synced page about the eruption siren test.' } });
    delete site.pages.get('/docs/page-4')?.sections.Troubleshooting;
    const message = await sync();
    expect(message.embeds[0]?.description).toContain(': 1 added, 1 changed, 4 unchanged');
    expect(message.embeds[1]?.title).toBe('Knowledge not reloaded');
    expect(message.embeds[1]?.description).toMatch(/duplicate title "Danger · Fixture Docs"/);
    const answer = await ask('How do I restart the daemon4 service?');
    expect(JSON.stringify(answer.embeds[0]?.fields)).toMatch(/When topic 4 fails, \*\*restart\*\* the \*\*daemon4 service\*\*.*\/docs\/page-4#/);
  });

  it('reports a broken sources.yaml by line and syncs nothing', async () => {
    await writeFile(join(root, 'sources.yaml'), 'sources:\n  - source: ftp://nowhere\n');
    const message = await sync();
    expect(message.embeds[0]?.title).toBe('Sources not synced');
    expect(message.embeds[0]?.description).toBe('sources.yaml:2: sources: source must be an http(s) URL, a file:// URL or a git remote');
  });
});
