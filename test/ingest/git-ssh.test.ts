import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedSshEnvironment } from '../../src/ingest/git-ssh-pin.js';
import type { Resolver } from '../../src/ingest/safe-fetch.js';
import { syncSource } from '../../src/ingest/sync.js';
import { withEnvironment, type EnvironmentPatch } from '../helpers/environment.js';
import { removeScratch, scratchDir, writeKnowledge } from '../helpers/knowledge.js';
import { gate, openSshRequirement } from '../helpers/requirements.js';

afterAll(removeScratch);

const GIT_IDENTITY = ['-c', 'user.name=Footnote Test', '-c', 'user.email=test@footnote.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];
const git = (cwd: string, ...args: string[]): string => execFileSync('git', [...GIT_IDENTITY, ...args], { cwd, encoding: 'utf8' }).trim();

/** A name that real DNS never answers (`.test` is reserved): only the sync's resolver knows it. */
const FIXTURE_HOST = 'docs.fixture.test';
/** A public address (example.com's), so the default policy lets it through. */
const CHECKED_ADDRESS = '93.184.216.34';

describe('the ssh command that pins an ssh remote to its checked address', () => {
  it('connects to the checked address, checks the host key under the host, with no host-IP check and no proxy', () => {
    expect(pinnedSshEnvironment('docs.example.org', undefined, { address: CHECKED_ADDRESS, family: 4 })).toEqual({
      GIT_SSH_COMMAND: "ssh -o 'HostName=93.184.216.34' -o 'HostKeyAlias=docs.example.org' -o 'CheckHostIP=no' -o 'ProxyCommand=none'",
    });
  });

  it('gives an IPv6 address without brackets', () => {
    expect(pinnedSshEnvironment('docs.example.org', undefined, { address: '2001:db8::1', family: 6 }).GIT_SSH_COMMAND).toContain("-o 'HostName=2001:db8::1'");
  });

  it('names the host key as ssh records it: lower case, and [host]:port off port 22', () => {
    const alias = (host: string, port: string | undefined): string | undefined =>
      /HostKeyAlias=([^']*)/.exec(pinnedSshEnvironment(host, port, { address: CHECKED_ADDRESS, family: 4 }).GIT_SSH_COMMAND)?.[1];
    expect(alias('Docs.Example.org', undefined)).toBe('docs.example.org');
    expect(alias('docs.example.org', '22')).toBe('docs.example.org');
    expect(alias('docs.example.org', '2222')).toBe('[docs.example.org]:2222');
    expect(alias('2001:db8::1', '2222')).toBe('[2001:db8::1]:2222');
  });

  it('refuses a host with characters no host name has, rather than escaping it for the shell', () => {
    expect(() => pinnedSshEnvironment("docs.example.org'; touch /tmp/pwned; '", undefined, { address: CHECKED_ADDRESS, family: 4 })).toThrow(
      /^refused: the ssh host "docs\.example\.org'; touch \/tmp\/pwned; '" has characters a host name cannot have$/,
    );
    expect(() => pinnedSshEnvironment('docs example.org', undefined, { address: CHECKED_ADDRESS, family: 4 })).toThrow(/has characters a host name cannot have/);
  });
});

const sshThere = gate(openSshRequirement('what the real OpenSSH client makes of the pinned ssh command (ssh -G)'));

describe.runIf(sshThere)('the pinned ssh command, read by the real OpenSSH client', () => {
  let config: string;

  beforeAll(async () => {
    config = join(await scratchDir(), 'ssh_config');
    // What a user's ~/.ssh/config might say about the host: another address, key name and route.
    await writeFile(config, `Host ${FIXTURE_HOST}\n  HostName 10.9.9.9\n  HostKeyAlias elsewhere.example\n  CheckHostIP yes\n  ProxyJump bastion.example\n`);
  });

  /** `ssh -G` (print the options, connect to nothing) run the way git runs GIT_SSH_COMMAND: through a shell, its arguments after. */
  const effectiveOptions = (command: string, ...args: string[]): Map<string, string> => {
    const output = execFileSync('sh', ['-c', `${command} "$@"`, command, '-G', '-F', config, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return new Map(output.split('\n').map((line) => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)]));
  };

  it('given a configuration that names another address, key name and jump host, when git runs the command, then the checked address and the host win', () => {
    const { GIT_SSH_COMMAND } = pinnedSshEnvironment(FIXTURE_HOST, '2222', { address: CHECKED_ADDRESS, family: 4 });

    const options = effectiveOptions(GIT_SSH_COMMAND, '-p', '2222', `git@${FIXTURE_HOST}`);

    expect(options.get('hostname')).toBe(CHECKED_ADDRESS);
    expect(options.get('hostkeyalias')).toBe(`[${FIXTURE_HOST}]:2222`);
    expect(options.get('checkhostip')).toBe('no');
    expect(options.get('port')).toBe('2222');
    expect(options.has('proxyjump')).toBe(false);
    expect(options.has('proxycommand')).toBe(false);
  });

  it('without the pin, the same configuration would have sent ssh elsewhere (the test above is not vacuous)', () => {
    const options = effectiveOptions('ssh', `git@${FIXTURE_HOST}`);

    expect(options.get('hostname')).toBe('10.9.9.9');
    expect(options.get('proxyjump')).toBe('bastion.example');
  });
});

describe.skipIf(process.platform === 'win32')('a git remote over ssh (regression: ssh looked the host up again after the check)', () => {
  let bare: string;
  let fakeSshDir: string;
  let sshLog: string;
  let homes: string;
  let lookups: string[];
  /** The test's DNS: the fixture name is a public address the first time, an internal one after that. */
  const resolve: Resolver = async (hostname) => {
    lookups.push(hostname);
    if (hostname !== FIXTURE_HOST) throw Object.assign(new Error(`unknown name ${hostname}`), { code: 'ENOTFOUND' });
    return lookups.length === 1 ? [{ address: CHECKED_ADDRESS, family: 4 }] : [{ address: '10.0.0.5', family: 4 }];
  };

  beforeAll(async () => {
    const base = await scratchDir();
    const work = join(base, 'work');
    await mkdir(work);
    await writeFile(join(work, 'relay.md'), '# Relay\n\nOpen port 7411 for the relay.\n');
    git(base, 'init', '--quiet', work);
    git(work, 'add', '-A');
    git(work, 'commit', '--quiet', '-m', 'docs');
    bare = join(base, 'handbook.git');
    git(base, 'clone', '--quiet', '--bare', work, bare);
    // An `ssh` found first on the PATH: it records its arguments, then runs the remote command
    // (git-upload-pack '<path>') here, as the server would, so the fetch is real.
    fakeSshDir = join(base, 'bin');
    sshLog = join(base, 'ssh-arguments');
    await mkdir(fakeSshDir);
    await writeFile(join(fakeSshDir, 'ssh'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${sshLog}'\nfor last; do :; done\nexec sh -c "$last"\n`);
    await chmod(join(fakeSshDir, 'ssh'), 0o755);
    homes = join(base, 'home');
  });

  /** A home folder whose ~/.gitconfig holds `config`. */
  const homeWith = async (name: string, config: string): Promise<string> => {
    await mkdir(join(homes, name), { recursive: true });
    await writeFile(join(homes, name, '.gitconfig'), config);
    return join(homes, name);
  };

  // Each would run another ssh command (one that fails) if git still listened to it.
  const elsewhere: Record<string, () => Promise<EnvironmentPatch>> = {
    'nothing else': async () => ({}),
    'GIT_SSH_COMMAND in the environment': async () => ({ GIT_SSH_COMMAND: 'false' }),
    'GIT_SSH in the environment': async () => ({ GIT_SSH: '/bin/false' }),
    'core.sshCommand in ~/.gitconfig': async () => ({ HOME: await homeWith('ssh-command', '[core]\n\tsshCommand = false\n') }),
  };

  it.each(Object.keys(elsewhere))('given %s, when an scp-style remote is synced, then ssh is told to connect to the checked address and to check the key under the host', async (name) => {
    const patch = await elsewhere[name]?.();
    lookups = [];
    const root = await writeKnowledge({});
    const remote = `git@${FIXTURE_HOST}:${bare}`;

    const report = await withEnvironment({ PATH: `${fakeSshDir}${delimiter}${process.env.PATH ?? ''}`, ...patch }, () =>
      syncSource({ source: remote, kind: 'git', collection: 'handbook' }, { knowledgeDir: root, cacheDir: join(root, '..', 'cache'), allowPrivate: false, resolve }),
    );

    expect(report.error).toBeUndefined();
    const [file] = await readdir(join(root, 'handbook'));
    expect(await readFile(join(root, 'handbook', file ?? ''), 'utf8')).toContain('Open port 7411 for the relay.');
    // Checked once; a second lookup would have said 10.0.0.5.
    expect(lookups).toEqual([FIXTURE_HOST]);
    const args = (await readFile(sshLog, 'utf8')).trimEnd().split('\n');
    expect(args).toEqual(expect.arrayContaining(['-o', `HostName=${CHECKED_ADDRESS}`, `HostKeyAlias=${FIXTURE_HOST}`, 'CheckHostIP=no', 'ProxyCommand=none']));
    expect(args.slice(-2)).toEqual([`git@${FIXTURE_HOST}`, `git-upload-pack '${bare}'`]);
  });
});
