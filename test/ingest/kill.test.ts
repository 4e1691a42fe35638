import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSource } from '../../src/ingest/sync.js';
import type { SourceSpec } from '../../src/ingest/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { ensureBuilt } from '../helpers/cli.js';
import { REPO_ROOT, removeScratch, writeKnowledge } from '../helpers/knowledge.js';
import { addDocsPages, startFixtureSite, type FixtureSite } from './fixture-site.js';

const INGEST_JS = join(REPO_ROOT, 'dist', 'src', 'cli', 'ingest.js');
const PAGES = 20;

let site: FixtureSite;
beforeAll(async () => {
  ensureBuilt();
  site = await startFixtureSite();
  addDocsPages(site, PAGES);
}, 120_000);
afterAll(async () => {
  await site.close();
  await removeScratch();
});

async function documents(folder: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const name of await readdir(folder)) if (!name.startsWith('.')) texts.set(name, await readFile(join(folder, name), 'utf8'));
  return texts;
}

describe('a sync killed halfway', () => {
  it('leaves every file whole (old or new) and the knowledge loadable; the next sync finishes the job', async () => {
    const root = await writeKnowledge({});
    const spec: SourceSpec = { source: `${site.origin}/sitemap.xml`, kind: 'sitemap', collection: 'docs' };
    const options = { knowledgeDir: root, allowPrivate: true, hostDelayMs: 0 };
    expect((await syncSource(spec, options)).added).toHaveLength(PAGES);

    for (const [path, page] of site.pages) page.sections.Setup = `Version two of ${path}: use the turbo installer.`;
    site.delayMs = 300;
    const child = spawn(process.execPath, [INGEST_JS, spec.source, '--knowledge', root, '--collection', 'docs', '--allow-private', '--delay-ms', '0'], {
      cwd: join(root, '..'),
      stdio: 'ignore',
    });
    const exited = once(child, 'exit');
    let rewritten = 0;
    for (let waited = 0; waited < 20_000 && rewritten < 3; waited += 20) {
      await sleep(20);
      rewritten = [...(await documents(join(root, 'docs'))).values()].filter((text) => text.includes('Version two')).length;
    }
    child.kill('SIGKILL');
    await exited;
    site.delayMs = 0;

    const texts = await documents(join(root, 'docs'));
    const updated = [...texts.values()].filter((text) => text.includes('Version two')).length;
    expect(updated).toBeGreaterThan(0);
    expect(updated).toBeLessThan(PAGES);
    expect(texts.size).toBe(PAGES);
    for (const text of texts.values()) {
      expect(text).toMatch(/\n## Troubleshooting\n\nWhen topic \d+ fails, restart the daemon\d+ service and check the log file of module \d+\.\n$/);
    }
    expect((await loadKnowledge(root)).documents).toHaveLength(PAGES);

    const report = await syncSource(spec, options);
    expect(report.failed).toEqual([]);
    expect(report.removed).toEqual([]);
    const after = await documents(join(root, 'docs'));
    expect([...after.values()].every((text) => text.includes('Version two'))).toBe(true);
    expect((await readdir(join(root, 'docs'))).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
