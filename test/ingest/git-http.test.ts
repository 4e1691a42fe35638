import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.js';
import { pinnedHttpConfig, redirectRefusal, requirePinningGit } from '../../src/ingest/git-pin.js';
import { parseGitVersion } from '../../src/ingest/git-version.js';
import type { Resolver } from '../../src/ingest/safe-fetch.js';
import { syncSource } from '../../src/ingest/sync.js';
import { gate, gitHttpBackendRequirement } from '../helpers/requirements.js';
import { withEnvironment, type EnvironmentPatch } from '../helpers/environment.js';
import { removeScratch, scratchDir, writeKnowledge } from '../helpers/knowledge.js';
import { startGitHttpServer, type GitHttpServer } from './git-http-server.js';

const GIT_IDENTITY = ['-c', 'user.name=Footnote Test', '-c', 'user.email=test@footnote.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];
const git = (cwd: string, ...args: string[]): string => execFileSync('git', [...GIT_IDENTITY, ...args], { cwd, encoding: 'utf8' }).trim();

/** A name that real DNS never answers (`.test` is reserved): only the sync's resolver knows it. */
const FIXTURE_HOST = 'docs.fixture.test';

describe('the git settings that pin an http(s) remote to its checked address', () => {
  it('pins the host and default port to the checked IPv4 address, and refuses redirects', () => {
    expect(pinnedHttpConfig(new URL('https://docs.example.org/handbook.git'), { address: '93.184.216.34', family: 4 })).toEqual([
      'http.followRedirects=false',
      'http.curloptResolve=',
      'http.curloptResolve=docs.example.org:443:93.184.216.34',
    ]);
  });

  it('puts an IPv6 address in brackets and keeps an explicit port', () => {
    expect(pinnedHttpConfig(new URL('http://docs.example.org:8080/handbook.git'), { address: '2001:db8::1', family: 6 })).toContain(
      'http.curloptResolve=docs.example.org:8080:[2001:db8::1]',
    );
  });

  it('pins a name written with a trailing dot both ways', () => {
    expect(pinnedHttpConfig(new URL('http://docs.example.org./handbook.git'), { address: '93.184.216.34', family: 4 }).slice(2)).toEqual([
      'http.curloptResolve=docs.example.org.:80:93.184.216.34',
      'http.curloptResolve=docs.example.org:80:93.184.216.34',
    ]);
  });

  it('only refuses redirects for an IP literal, which git does not look up', () => {
    expect(pinnedHttpConfig(new URL('https://[2001:db8::1]/handbook.git'), { address: '2001:db8::1', family: 6 })).toEqual(['http.followRedirects=false']);
  });

  it('refuses a git older than 2.37 (which ignores the setting silently), naming the version needed', () => {
    expect(() => requirePinningGit(parseGitVersion('git version 2.36.6'))).toThrow(/needs git 2\.37 or newer \(this is git 2\.36\)/);
    expect(() => requirePinningGit(undefined)).toThrow(/needs git 2\.37 or newer \(its version is unknown\)/);
    expect(() => requirePinningGit(parseGitVersion('git version 2.37.0'))).not.toThrow();
    expect(() => requirePinningGit(parseGitVersion('git version 3.0.1.windows.1'))).not.toThrow();
  });

  it("turns git's refused-redirect error into advice, and leaves other failures alone", () => {
    const redirected = new IngestError("git fetch: fatal: unable to access 'http://docs.example.org/handbook.git/': The requested URL returned error: 301");
    expect(redirectRefusal(redirected)?.message).toBe('refused: the repository redirected (HTTP 301), and git remotes do not follow redirects; use its final address as the source');
    expect(redirectRefusal(new IngestError("git fetch: fatal: unable to access '…': The requested URL returned error: 404"))).toBeUndefined();
  });
});

const backendThere = gate(gitHttpBackendRequirement('git remotes over smart HTTP (git http-backend)'));

describe.runIf(backendThere)('a git remote over http (regression: DNS rebinding between the check and git)', () => {
  let server: GitHttpServer;
  let remote: string;
  let elsewhere: string;
  let homes: string;
  let lookups: string[];
  /** The test's DNS: the fixture name is 127.0.0.1 (the local server); every other name is unknown. */
  const resolve: Resolver = async (hostname) => {
    lookups.push(hostname);
    if (hostname === FIXTURE_HOST) return [{ address: '127.0.0.1', family: 4 }];
    throw Object.assign(new Error(`unknown name ${hostname}`), { code: 'ENOTFOUND' });
  };
  const sync = async (knowledgeDir: string, allowPrivate: boolean) =>
    syncSource({ source: remote, kind: 'git', collection: 'handbook' }, { knowledgeDir, cacheDir: join(knowledgeDir, '..', 'cache'), allowPrivate, resolve });

  beforeAll(async () => {
    const base = await scratchDir();
    const work = join(base, 'work');
    await mkdir(work);
    await writeFile(join(work, 'relay.md'), '# Relay\n\nOpen port 7411 for the relay.\n');
    git(base, 'init', '--quiet', work);
    git(work, 'add', '-A');
    git(work, 'commit', '--quiet', '-m', 'docs');
    await mkdir(join(base, 'served'));
    git(base, 'clone', '--quiet', '--bare', work, join(base, 'served', 'handbook.git'));
    // Another repository on the same server, for settings that would send git to it instead.
    await writeFile(join(work, 'relay.md'), '# Relay\n\nThe relay listens on port 9999 now.\n');
    git(work, 'commit', '--quiet', '-a', '-m', 'elsewhere');
    git(base, 'clone', '--quiet', '--bare', work, join(base, 'served', 'elsewhere.git'));
    server = await startGitHttpServer(join(base, 'served'));
    remote = `http://${FIXTURE_HOST}:${server.port}/handbook.git`;
    elsewhere = `http://127.0.0.1:${server.port}/elsewhere.git`;
    homes = base;
  });
  afterAll(async () => {
    await server?.close();
    await removeScratch();
  });

  it('given private addresses allowed, when the name resolves to the local server, then git fetches from the checked address without a lookup of its own', async () => {
    lookups = [];
    server.redirectTo = undefined;
    const root = await writeKnowledge({});

    const report = await sync(root, true);

    expect(report.error).toBeUndefined();
    expect(report.added).toHaveLength(1);
    const [file] = await readdir(join(root, 'handbook'));
    expect(await readFile(join(root, 'handbook', file ?? ''), 'utf8')).toContain('Open port 7411 for the relay.');
    // Real DNS has no such name: git reached the server only through the address checked.
    expect(lookups).toEqual([FIXTURE_HOST]);
    expect(server.log.at(-1)?.host).toBe(`${FIXTURE_HOST}:${server.port}`);
  });

  it('given private addresses not allowed, when the name resolves to 127.0.0.1, then the remote is refused before git connects and the knowledge is untouched', async () => {
    lookups = [];
    const root = await writeKnowledge({ 'a.md': '# A\n\nText.\n' });
    const requestsBefore = server.log.length;

    const report = await sync(root, false);

    expect(report.error).toBe(`refused: ${FIXTURE_HOST} resolves to 127.0.0.1, a private or reserved address (use --allow-private for an intranet)`);
    expect(server.log.length).toBe(requestsBefore);
    expect(await readdir(root)).toEqual(['a.md']);
  });

  it('given a server that redirects to another host, when the remote is synced, then git does not follow and the knowledge is untouched', async () => {
    // The target is the same server under a host nobody checked: following it would succeed.
    server.redirectTo = `http://127.0.0.1:${server.port}`;
    const root = await writeKnowledge({ 'a.md': '# A\n\nText.\n' });
    const requestsBefore = server.log.length;
    try {
      const report = await sync(root, true);

      expect(report.error).toBe('refused: the repository redirected (HTTP 302), and git remotes do not follow redirects; use its final address as the source');
      expect(server.log.slice(requestsBefore).map((request) => request.host)).toEqual([`${FIXTURE_HOST}:${server.port}`]);
      expect(await readdir(root)).toEqual(['a.md']);
    } finally {
      server.redirectTo = undefined;
    }
  });

  describe('given git settings or variables around Footnote that would send git elsewhere (regression: the user\'s git configuration took part)', () => {
    /** A home folder whose ~/.gitconfig holds `config`. */
    const homeWith = async (name: string, config: string): Promise<string> => {
      const home = join(homes, 'home', name);
      await mkdir(home, { recursive: true });
      await writeFile(join(home, '.gitconfig'), config);
      return home;
    };
    /** Where nothing listens: a proxy here fails every fetch that uses it. */
    const DEAD_PROXY = 'http://127.0.0.1:1';

    const hostile: Record<string, () => Promise<EnvironmentPatch>> = {
      'url.<elsewhere>.insteadOf in ~/.gitconfig': async () => ({ HOME: await homeWith('instead-of', `[url "${elsewhere}"]\n\tinsteadOf = ${remote}\n`) }),
      'url.<elsewhere>.insteadOf in the file GIT_CONFIG_GLOBAL names': async () => ({ GIT_CONFIG_GLOBAL: join(await homeWith('global', `[url "${elsewhere}"]\n\tinsteadOf = ${remote}\n`), '.gitconfig') }),
      'url.<elsewhere>.insteadOf in the file GIT_CONFIG_SYSTEM names': async () => ({ GIT_CONFIG_SYSTEM: join(await homeWith('system', `[url "${elsewhere}"]\n\tinsteadOf = ${remote}\n`), '.gitconfig') }),
      'url.<elsewhere>.insteadOf in GIT_CONFIG_PARAMETERS': async () => ({ GIT_CONFIG_PARAMETERS: `'url.${elsewhere}.insteadOf=${remote}'` }),
      'url.<elsewhere>.insteadOf in GIT_CONFIG_COUNT/KEY/VALUE': async () => ({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `url.${elsewhere}.insteadOf`, GIT_CONFIG_VALUE_0: remote }),
      'http.proxy in ~/.gitconfig': async () => ({ HOME: await homeWith('proxy', `[http]\n\tproxy = ${DEAD_PROXY}\n`) }),
      // A proxy would look the name up again itself: the pinned address would mean nothing.
      'http_proxy in the environment': async () => ({ http_proxy: DEAD_PROXY }),
      'ALL_PROXY in the environment': async () => ({ ALL_PROXY: DEAD_PROXY }),
      'all_proxy in the environment, with a NO_PROXY that does not name the host': async () => ({ all_proxy: DEAD_PROXY, NO_PROXY: 'localhost' }),
    };

    it.each(Object.keys(hostile))('given %s, when the remote is synced, then git still fetches the checked repository from the checked host', async (name) => {
      const patch = await hostile[name]?.();
      const root = await writeKnowledge({});
      const requestsBefore = server.log.length;

      const report = await withEnvironment(patch ?? {}, () => sync(root, true));

      expect(report.error).toBeUndefined();
      const [file] = await readdir(join(root, 'handbook'));
      expect(await readFile(join(root, 'handbook', file ?? ''), 'utf8')).toContain('Open port 7411 for the relay.');
      expect(new Set(server.log.slice(requestsBefore).map((request) => request.host))).toEqual(new Set([`${FIXTURE_HOST}:${server.port}`]));
    });

    it('given http.<remote>.followRedirects=true in ~/.gitconfig (which would beat a generic setting), when the server redirects, then git still does not follow', async () => {
      const home = await homeWith('follow', `[http "http://${FIXTURE_HOST}:${server.port}/"]\n\tfollowRedirects = true\n`);
      server.redirectTo = `http://127.0.0.1:${server.port}`;
      const root = await writeKnowledge({ 'a.md': '# A\n\nText.\n' });
      const requestsBefore = server.log.length;
      try {
        const report = await withEnvironment({ HOME: home }, () => sync(root, true));

        expect(report.error).toBe('refused: the repository redirected (HTTP 302), and git remotes do not follow redirects; use its final address as the source');
        expect(server.log.slice(requestsBefore).map((request) => request.host)).toEqual([`${FIXTURE_HOST}:${server.port}`]);
      } finally {
        server.redirectTo = undefined;
      }
    });
  });
});
