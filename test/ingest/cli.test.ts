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
const cli = (name: 'ingest' | 'sync', args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const environment = { ...process.env, KNOWLEDGE_DIR: undefined, INGEST_CONTACT: undefined, CI: 'true', ...env };
    execFile(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'cli', `${name}.js`), ...args], { cwd, encoding: 'utf8', env: environment, timeout: 60_000 }, (error, stdout, stderr) => {
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

  it('ingest names INGEST_CONTACT in the User-Agent of every request it makes', async () => {
    const root = await writeKnowledge({});
    const logged = site.log.length;
    const run = await cli('ingest', [`${site.origin}/docs/page-1`, '--knowledge', root, '--allow-private', '--delay-ms', '0'], join(root, '..'), { INGEST_CONTACT: 'https://ops.example.org/footnote' });
    expect(run.status).toBe(0);
    const agents = new Set(site.log.slice(logged).map((request) => request.headers['user-agent']));
    expect(agents).toEqual(new Set(['Footnote/0.1.0 (+https://ops.example.org/footnote; knowledge ingestion for a Discord bot)']));
  });

  it('sync refuses a malformed INGEST_CONTACT by name before fetching anything (exit 1, no stack)', async () => {
    const root = await writeKnowledge({ 'sources.yaml': `sources:\n  - source: ${site.origin}/sitemap.xml\n` });
    const logged = site.log.length;
    const run = await cli('sync', ['--knowledge', root, '--allow-private'], join(root, '..'), { INGEST_CONTACT: 'the ops team' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('Invalid configuration (see .env.example):\n  - INGEST_CONTACT must be an http(s) URL or an e-mail address, e.g. https://example.org/footnote or footnote@example.org\n');
    expect(site.log.length).toBe(logged);
  });
});
