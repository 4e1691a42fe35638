import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/cli.js';
import { REPO_ROOT, removeScratch, writeKnowledge } from '../helpers/knowledge.js';
import { addDocsPages, startFixtureSite, type FixtureSite } from './fixture-site.js';

let site: FixtureSite;
beforeAll(async () => {
  ensureBuilt();
  site = await startFixtureSite();
  addDocsPages(site, 3);
}, 120_000);
afterAll(async () => {
  await site.close();
  await removeScratch();
});

/** Runs a CLI without blocking this process (the fixture site answers from it). */
const cli = (name: 'ingest' | 'sync', args: readonly string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'cli', `${name}.js`), ...args], { cwd, encoding: 'utf8', env: { ...process.env, KNOWLEDGE_DIR: undefined, CI: 'true' }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });

describe('npm run ingest / sync', () => {
  it('ingest refuses a loopback site without --allow-private (exit 1, nothing written)', async () => {
    const root = await writeKnowledge({});
    const run = await cli('ingest', [`${site.origin}/sitemap.xml`, '--knowledge', root], join(root, '..'));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/sitemap\.xml: failed, nothing changed — refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1/);
    expect(await readdir(root)).toEqual([]);
  });

  it('sync reads sources.yaml, prints the summary, and says when nothing changed', async () => {
    const root = await writeKnowledge({ 'sources.yaml': `sources:\n  - source: ${site.origin}/sitemap.xml\n    collection: docs\n` });
    const first = await cli('sync', ['--knowledge', root, '--allow-private', '--delay-ms', '0'], join(root, '..'));
    expect(first.stdout).toMatch(/sitemap\.xml: 3 added, 0 changed, 0 unchanged, 0 removed, 0 failed/);
    expect(first.stdout).toMatch(/3 documents, loads cleanly/);
    expect(first.status).toBe(0);
    const second = await cli('sync', ['--knowledge', root, '--allow-private', '--delay-ms', '0'], join(root, '..'));
    expect(second.stdout).toMatch(/0 added, 0 changed, 3 unchanged, 0 removed, 0 failed[\s\S]*no file changed/);
  });

  it('sync reports a broken sources.yaml as path:line and exits 1', async () => {
    const root = await writeKnowledge({ 'sources.yaml': 'sources:\n  - source: https://d.example/\n    depth: many\n' });
    const run = await cli('sync', ['--knowledge', root], join(root, '..'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/knowledge\/sources\.yaml:3: sources: depth must be a whole number from 0 to 5/);
  });
});
