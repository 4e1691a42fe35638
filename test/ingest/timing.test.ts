import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSource } from '../../src/ingest/sync.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';
import { addDocsPages, startFixtureSite, type FixtureSite } from './fixture-site.js';

const PAGES = 200;
let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
  addDocsPages(site, PAGES);
});
afterAll(async () => {
  await site.close();
  await removeScratch();
});

describe(`a ${PAGES}-page site`, () => {
  it('is ingested, then re-synced unchanged with one 304 per page, at most 2 requests at a time', async () => {
    const root = await writeKnowledge({});
    const spec = { source: `${site.origin}/sitemap.xml`, kind: 'sitemap' as const };
    const options = { knowledgeDir: root, allowPrivate: true, hostDelayMs: 0 };

    const first = await syncSource(spec, options);
    const second = await syncSource(spec, options);

    expect(first.added).toHaveLength(PAGES);
    expect(second).toMatchObject({ added: [], changed: [], removed: [], failed: [], unchanged: PAGES });
    expect((await readdir(root)).filter((name) => name.endsWith('.md'))).toHaveLength(PAGES);
    expect(site.maxInFlight).toBeLessThanOrEqual(2);
    // Generous: the machine is shared; the point is the order of magnitude.
    expect(first.durationMs).toBeLessThan(120_000);
    process.stderr.write(`${PAGES}-page fixture site without host delay: ingest ${(first.durationMs / 1000).toFixed(1)} s, unchanged re-sync ${(second.durationMs / 1000).toFixed(1)} s\n`);
  }, 240_000);
});
