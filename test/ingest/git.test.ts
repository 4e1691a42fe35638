import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSource } from '../../src/ingest/sync.js';
import type { SourceSpec } from '../../src/ingest/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { removeScratch, scratchDir, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

const GIT_IDENTITY = ['-c', 'user.name=Footnote Test', '-c', 'user.email=test@footnote.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];
const git = (cwd: string, ...args: string[]): string => execFileSync('git', [...GIT_IDENTITY, ...args], { cwd, encoding: 'utf8' }).trim();

describe('a git repository', () => {
  let work: string;
  let remote: string;
  let root: string;
  let spec: SourceSpec;

  beforeAll(async () => {
    const base = await scratchDir();
    work = join(base, 'work');
    const bare = join(base, 'handbook.git');
    await mkdir(join(work, 'docs', 'guides'), { recursive: true });
    await writeFile(join(work, 'docs', 'setup.md'), '---\ntitle: Setting up\nsidebar_position: 1\n---\n\nInstall the quasar toolkit first.\n\n## Ports\n\nOpen port 7411 for the relay.\n');
    await writeFile(join(work, 'docs', 'guides', 'moderation.md'), '# Moderation guide\n\nMute first, ban later.\n');
    await writeFile(join(work, 'docs', 'logo.png'), 'not markdown');
    await writeFile(join(work, 'README.md'), '# Outside the docs folder\n\nNot ingested.\n');
    git(base, 'init', '--quiet', work);
    git(work, 'add', '-A');
    git(work, 'commit', '--quiet', '-m', 'docs');
    git(base, 'clone', '--quiet', '--bare', work, bare);
    git(work, 'remote', 'add', 'origin', bare);
    remote = pathToFileURL(bare).href;
    root = await writeKnowledge({});
    spec = { source: remote, kind: 'git', path: 'docs/', collection: 'handbook' };
  });

  const sync = () => syncSource(spec, { knowledgeDir: root, cacheDir: join(root, '..', 'cache') });

  it('takes the Markdown under --path, pinned to the commit, with no web permalink for a file:// remote', async () => {
    const report = await sync();
    expect(report.error).toBeUndefined();
    expect(report.added.length).toBe(2);
    const files = (await readdir(join(root, 'handbook'))).sort();
    expect(files).toEqual([expect.stringMatching(/^handbook-docs-guides-moderation-[0-9a-f]{6}\.md$/), expect.stringMatching(/^handbook-docs-setup-[0-9a-f]{6}\.md$/)]);
    const setup = await readFile(join(root, 'handbook', files[1] ?? ''), 'utf8');
    const commit = git(work, 'rev-parse', 'HEAD');
    expect(setup).toBe(
      `---\ntitle: "Setting up"\ndoc_id: "${remote}#docs/setup.md"\nfetched_at: "${/fetched_at: "([^"]+)"/.exec(setup)?.[1]}"\nrevision: "${commit}"\n---\n# Setting up\n\nInstall the quasar toolkit first.\n\n## Ports\n\nOpen port 7411 for the relay.\n`,
    );
    const knowledge = await loadKnowledge(root);
    expect(knowledge.documents.map((d) => d.provenance?.revision)).toEqual([commit, commit]);
  });

  it('changes nothing when the repository did not change', async () => {
    expect(await sync()).toMatchObject({ added: [], changed: [], removed: [], unchanged: 2 });
  });

  it('updates an edited file and removes a deleted one', async () => {
    await writeFile(join(work, 'docs', 'setup.md'), '# Setting up\n\nInstall the nebula toolkit instead.\n');
    await rm(join(work, 'docs', 'guides', 'moderation.md'));
    git(work, 'add', '-A');
    git(work, 'commit', '--quiet', '-m', 'edit');
    git(work, 'push', '--quiet', 'origin', 'HEAD:main');

    const report = await sync();

    expect(report.changed).toHaveLength(1);
    expect(report.removed).toEqual([{ url: `${remote}#docs/guides/moderation.md`, reason: 'deleted from the repository' }]);
    const files = await readdir(join(root, 'handbook'));
    expect(files).toHaveLength(1);
    expect(await readFile(join(root, 'handbook', files[0] ?? ''), 'utf8')).toContain('nebula toolkit');
  });

  it('fails a repository that does not exist without touching the knowledge', async () => {
    const fresh = await writeKnowledge({ 'a.md': '# A\n\nText.\n' });
    const report = await syncSource({ source: `${remote}-missing`, kind: 'git' }, { knowledgeDir: fresh, cacheDir: join(fresh, '..', 'cache') });
    expect(report.error).toMatch(/^git/);
    expect(await readdir(fresh)).toEqual(['a.md']);
  });
});
