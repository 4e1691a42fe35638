import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGitRemote, REMOTE_HELPER_REFUSAL } from '../../src/ingest/git-remote.js';
import { remoteHost } from './remote-host.js';
import type { Resolver } from '../../src/ingest/safe-fetch.js';
import { syncSource } from '../../src/ingest/sync.js';
import { removeScratch, scratchDir, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

describe('the host a git remote connects to, read as git reads it', () => {
  it('reads the host of an http(s) or ssh URL, and of an scp-style remote with or without a user', () => {
    expect(remoteHost('https://github.com/acme/docs.git')).toBe('github.com');
    expect(remoteHost('ssh://git@10.0.0.1:2222/docs.git')).toBe('10.0.0.1');
    expect(remoteHost('git@github.com:acme/docs.git')).toBe('github.com');
    expect(remoteHost('10.0.0.1:repo.git')).toBe('10.0.0.1');
    expect(remoteHost('internal-host:docs.git')).toBe('internal-host');
  });

  it('leaves a file:// URL or a path local, even a path with a colon after a slash', () => {
    expect(remoteHost('file:///srv/docs.git')).toBeUndefined();
    expect(remoteHost('/srv/docs.git')).toBeUndefined();
    expect(remoteHost('./docs:v2.git')).toBeUndefined();
    expect(remoteHost('docs.git')).toBeUndefined();
  });

  it('takes the host git hands ssh: brackets and a port inside them dropped, the user up to the last @', () => {
    expect(remoteHost('[10.0.0.1:2222]:repo.git')).toBe('10.0.0.1');
    expect(remoteHost('git@[2001:db8:0:0:0:0:0:1]:repo.git')).toBe('2001:db8:0:0:0:0:0:1');
    expect(remoteHost('a@b@10.0.0.1:repo.git')).toBe('10.0.0.1');
    expect(remoteHost('ssh://%31%30.0.0.1/repo.git')).toBe('10.0.0.1');
  });

  it('keeps the port git passes ssh as -p, as written, and none when the remote names none', () => {
    expect(parseGitRemote('ssh://git@docs.example.org:2222/docs.git')).toEqual({ kind: 'ssh', host: 'docs.example.org', port: '2222' });
    expect(parseGitRemote('[docs.example.org:2222]:docs.git')).toEqual({ kind: 'ssh', host: 'docs.example.org', port: '2222' });
    expect(parseGitRemote('git@docs.example.org:docs.git')).toEqual({ kind: 'ssh', host: 'docs.example.org' });
  });

  it('finds the host behind an @[…] anywhere in the remote, as git does (not the text before the first colon)', () => {
    expect(remoteHost('1.1.1.1:a@[localhost]:repo.git')).toBe('localhost');
    expect(remoteHost('ssh://1.1.1.1/a@[localhost]/repo.git')).toBe('localhost');
  });

  it('reads https:10.0.0.1/x.git as git does, an ssh remote on host "https", not as the URL https://10.0.0.1/', () => {
    expect(parseGitRemote('https:10.0.0.1/x.git')).toEqual({ kind: 'ssh', host: 'https' });
  });

  it('takes one letter before the colon for a host, except a drive on Windows', () => {
    expect(remoteHost('c:docs.git', 'linux')).toBe('c');
    expect(remoteHost('C:/srv/docs.git', 'win32')).toBeUndefined();
  });

  it('refuses the remote-helper syntax (transport::address), naming the addresses to use instead', () => {
    expect(() => remoteHost('http::http://127.0.0.1/x.git')).toThrow(REMOTE_HELPER_REFUSAL);
    expect(() => remoteHost('ext::sh -c touch% /tmp/pwned')).toThrow(REMOTE_HELPER_REFUSAL);
    expect(REMOTE_HELPER_REFUSAL).toBe('git remote-helper addresses (transport::address) are not supported; use the https://, ssh:// or git@host: address');
    // `::` after the first slash is an IPv6 address, not a transport.
    expect(remoteHost('ssh://[2001:db8::1]/repo.git')).toBe('2001:db8::1');
  });

  it('refuses other transports and remotes whose host it cannot read', () => {
    expect(() => remoteHost('git://10.0.0.1/repo.git')).toThrow('refused: git remotes over git:// are not supported; use the https://, ssh:// or git@host: address');
    expect(() => remoteHost('SSH://10.0.0.1/repo.git')).toThrow(/over SSH:\/\/ are not supported/);
    expect(() => remoteHost('http://10.0.0.1:99999/repo.git')).toThrow('refused: http://10.0.0.1:99999/repo.git is not a valid http(s) URL');
    expect(() => remoteHost(':repo.git')).toThrow('refused: the git remote :repo.git names no host');
    expect(() => remoteHost('ssh:///repo.git')).toThrow(/names no host/);
    expect(() => remoteHost('ssh://%C3%A9.example/repo.git')).toThrow(/names a host that is not plain ASCII/);
  });
});

describe.skipIf(process.platform === 'win32')('the host ssh is asked for by the real git (the reading above, checked against git itself)', () => {
  let fakeSsh: string;
  let log: string;

  beforeAll(async () => {
    const base = await scratchDir();
    fakeSsh = join(base, 'fake-ssh');
    log = join(base, 'ssh-arguments');
    await writeFile(fakeSsh, '#!/bin/sh\nprintf "%s\\n" "$@" > "$FAKE_SSH_LOG"\nexit 1\n');
    await chmod(fakeSsh, 0o755);
  });

  /** The host git hands ssh for `remote` (the destination's part after its last `@`), and the port it passes as `-p`. */
  const gitsSshHost = async (remote: string): Promise<{ host: string; port?: string } | undefined> => {
    await rm(log, { force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, FAKE_SSH_LOG: log };
    delete env.GIT_SSH_COMMAND;
    delete env.GIT_SSH;
    spawnSync('git', ['-c', 'protocol.ssh.allow=always', '-c', 'ssh.variant=ssh', '-c', `core.sshCommand='${fakeSsh}'`, 'ls-remote', '--', remote], { env });
    if (!existsSync(log)) return undefined;
    const args = (await readFile(log, 'utf8')).split('\n');
    const destination = args.at(-3) ?? '';
    const host = destination.slice(destination.lastIndexOf('@') + 1);
    const port = args.indexOf('-p') === -1 ? undefined : args[args.indexOf('-p') + 1];
    return port === undefined ? { host } : { host, port };
  };

  it.each([
    '10.0.0.1:repo.git',
    'internal-host:docs.git',
    'git@github.com:acme/docs.git',
    'a@b@10.0.0.1:repo.git',
    '[10.0.0.1:2222]:repo.git',
    'u@[10.0.0.1]:repo.git',
    '[ab]cd:repo.git',
    '1.1.1.1:a@[localhost]:repo.git',
    'h:22:repo.git',
    'ssh://u@h:2222/repo.git',
    'ssh://[::1]:2222/repo.git',
    'ssh://h:/repo.git',
    'ssh://h: 22/repo.git',
    'ssh://h:99999/repo.git',
    'ssh://[10.0.0.1:2222]:22/repo.git',
    'ssh://1.1.1.1/a@[localhost]/repo.git',
    'ssh://%31%30.0.0.1/repo.git',
    'ssh://u%40evil@10.0.0.1/repo.git',
    'git+ssh://%5Bh%3A7%5D/repo.git',
    'https:10.0.0.1/x.git',
  ])('%s', async (remote) => {
    const { kind, ...hostAndPort } = parseGitRemote(remote);
    expect(kind).toBe('ssh');
    expect(hostAndPort).toEqual(await gitsSshHost(remote));
  });
});

describe('a git remote checked before git runs (regression: remote-helper and user-less scp-style remotes went unchecked)', () => {
  let lookups: string[];
  /** The test's DNS: internal-host is on the intranet; every other name is unknown. */
  const resolve: Resolver = async (hostname) => {
    lookups.push(hostname);
    if (hostname === 'internal-host') return [{ address: '10.0.0.5', family: 4 }];
    throw Object.assign(new Error(`unknown name ${hostname}`), { code: 'ENOTFOUND' });
  };
  const sync = async (source: string, knowledgeDir: string) => {
    lookups = [];
    const cacheDir = join(knowledgeDir, '..', 'cache');
    const report = await syncSource({ source, kind: 'git', collection: 'handbook' }, { knowledgeDir, cacheDir, allowPrivate: false, resolve });
    return { report, gitRan: existsSync(join(cacheDir, 'git')) };
  };

  it('given http::http://127.0.0.1/x.git, when synced, then it is refused with the remote-helper message and git never runs', async () => {
    const root = await writeKnowledge({ 'a.md': '# A\n\nText.\n' });

    const { report, gitRan } = await sync('http::http://127.0.0.1/x.git', root);

    expect(report.error).toBe(REMOTE_HELPER_REFUSAL);
    expect(gitRan).toBe(false);
    expect(await readdir(root)).toEqual(['a.md']);
  });

  it('given 10.0.0.1:repo.git and private addresses not allowed, when synced, then it is refused as private and git never runs', async () => {
    const root = await writeKnowledge({ 'a.md': '# A\n\nText.\n' });

    const { report, gitRan } = await sync('10.0.0.1:repo.git', root);

    expect(report.error).toBe('refused: 10.0.0.1 resolves to 10.0.0.1, a private or reserved address (use --allow-private for an intranet)');
    expect(gitRan).toBe(false);
    expect(await readdir(root)).toEqual(['a.md']);
  });

  it("given internal-host:docs.git, when synced, then the sync's resolver is asked for internal-host and its private address refused", async () => {
    const root = await writeKnowledge({});

    const { report, gitRan } = await sync('internal-host:docs.git', root);

    expect(lookups).toEqual(['internal-host']);
    expect(report.error).toBe('refused: internal-host resolves to 10.0.0.5, a private or reserved address (use --allow-private for an intranet)');
    expect(gitRan).toBe(false);
  });
});
