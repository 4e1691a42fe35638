import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnowledgeSync } from '../../src/ingest/knowledge-sync.js';
import type { SourceReport } from '../../src/ingest/report.js';
import type { ReloadOutcome } from '../../src/service/knowledge-service.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

const report = (source: string, changed: boolean): SourceReport => ({ source, added: [], changed: changed ? [`${source}page`] : [], unchanged: changed ? 0 : 1, removed: [], failed: [], durationMs: 1 });
const RELOADED = { ok: true, diff: { documents: { added: [], changed: [], removed: [] }, passages: { added: 0, changed: 0, removed: 0 } }, stats: { documents: 1, passages: 1, loadedAt: 0 } } as unknown as ReloadOutcome;

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5_000) throw new Error('condition not met in 5 s');
    await sleep(5);
  }
}

describe('the bot syncing on a schedule', () => {
  it('syncs only the scheduled sources that are due, and reloads only when a file changed', async () => {
    const root = await writeKnowledge({ 'sources.yaml': 'sources:\n  - source: https://a.example/\n    schedule: 10m\n  - source: https://b.example/\n' });
    let now = 1_000;
    let changed = false;
    let reloads = 0;
    const runs: string[][] = [];
    const sync = createKnowledgeSync({
      knowledgeDir: root,
      clock: () => now,
      tickMs: 5,
      reload: async () => {
        reloads += 1;
        return RELOADED;
      },
      run: async (request) => {
        runs.push(request.specs.map((spec) => spec.source));
        return request.specs.map((spec) => report(spec.source, changed));
      },
    });
    const stop = sync.startSchedule();
    try {
      await sleep(50);
      expect(runs).toEqual([]);

      now += 10 * 60_000;
      await until(() => runs.length === 1);
      expect(runs[0]).toEqual(['https://a.example/']);
      expect(reloads).toBe(0);

      changed = true;
      now += 10 * 60_000;
      await until(() => runs.length === 2);
      await until(() => reloads === 1);
    } finally {
      stop();
    }
  });

  it('syncs everything on demand, or one source, and says when a source is unknown', async () => {
    const root = await writeKnowledge({ 'sources.yaml': 'sources:\n  - source: https://a.example/\n  - source: https://b.example/\n' });
    const runs: string[][] = [];
    const sync = createKnowledgeSync({
      knowledgeDir: root,
      reload: async () => RELOADED,
      run: async (request) => {
        runs.push(request.specs.map((spec) => spec.source));
        return request.specs.map((spec) => report(spec.source, false));
      },
    });
    expect(await sync.syncNow()).toMatchObject({ ok: true, reports: [{ source: 'https://a.example/' }, { source: 'https://b.example/' }] });
    expect(await sync.syncNow('https://b.example/')).toMatchObject({ ok: true, reports: [{ source: 'https://b.example/' }] });
    expect(await sync.syncNow('https://c.example/')).toEqual({ ok: false, problems: ['No source https://c.example/ in sources.yaml.'] });
    expect(runs).toEqual([['https://a.example/', 'https://b.example/'], ['https://b.example/']]);
  });
});
