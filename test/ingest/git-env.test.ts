import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitEnvironment } from '../../src/ingest/git-env.js';
import { parseGitVersion, requireIsolatingGit } from '../../src/ingest/git-version.js';

describe('the environment git runs in', () => {
  /** The home folder the bot inherits (never read here: only passed on). */
  const home = join(tmpdir(), 'footnote-home');
  const inherited: NodeJS.ProcessEnv = {
    PATH: '/usr/local/bin:/usr/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    SSH_AUTH_SOCK: '/run/user/1000/ssh-agent',
    GIT_SSL_CAINFO: '/etc/ssl/intranet-ca.pem',
    GIT_CONFIG_PARAMETERS: "'url.https://elsewhere.example/.insteadOf=https://docs.example.org/'",
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.proxy',
    GIT_CONFIG_VALUE_0: 'http://proxy.example:3128',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig-elsewhere'),
    GIT_CONFIG_SYSTEM: '/etc/gitconfig-elsewhere',
    GIT_SSH: '/usr/local/bin/other-ssh',
    GIT_SSH_COMMAND: 'ssh -o ProxyJump=bastion.example',
    GIT_SSH_VARIANT: 'simple',
    GIT_PROXY_COMMAND: '/usr/local/bin/tunnel',
    GIT_ALLOW_PROTOCOL: 'ext',
    GIT_DIR: '/srv/other-repository.git',
    GIT_EXEC_PATH: '/tmp/other-git-helpers',
    http_proxy: 'http://proxy.example:3128',
    HTTPS_PROXY: 'http://proxy.example:3128',
    https_proxy: 'http://proxy.example:3128',
    ALL_PROXY: 'socks5://proxy.example:1080',
    all_proxy: 'socks5://proxy.example:1080',
    NO_PROXY: 'localhost',
  };

  it('keeps what git and ssh need from the machine (PATH, HOME, the ssh agent, locale, trusted certificates)', () => {
    expect(gitEnvironment(inherited)).toMatchObject({
      PATH: '/usr/local/bin:/usr/bin',
      HOME: home,
      LANG: 'C.UTF-8',
      SSH_AUTH_SOCK: '/run/user/1000/ssh-agent',
      GIT_SSL_CAINFO: '/etc/ssl/intranet-ca.pem',
    });
  });

  it('drops every other git variable: added settings, another ssh, another repository, other transports', () => {
    const gitVariables = Object.keys(gitEnvironment(inherited)).filter((name) => name.startsWith('GIT_')).sort();

    expect(gitVariables).toEqual(['GIT_ASKPASS', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_SSL_CAINFO', 'GIT_TERMINAL_PROMPT']);
  });

  it("leaves the system's and the user's git configuration out, and never asks for a password", () => {
    expect(gitEnvironment(inherited)).toMatchObject({ GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', SSH_ASKPASS: 'true' });
  });

  it('drops every proxy variable and sends no host through a proxy (a proxy would look the name up again)', () => {
    const proxyVariables = Object.entries(gitEnvironment(inherited)).filter(([name]) => /proxy/i.test(name));

    expect(proxyVariables).toEqual([['NO_PROXY', '*'], ['no_proxy', '*']]);
  });

  it('puts the variables ingestion chooses on top', () => {
    expect(gitEnvironment(inherited, { GIT_SSH_COMMAND: "ssh -o 'HostName=93.184.216.34'" }).GIT_SSH_COMMAND).toBe("ssh -o 'HostName=93.184.216.34'");
  });

  it("refuses a git older than 2.32 over the network (it reads ~/.gitconfig whatever GIT_CONFIG_GLOBAL says), naming the version needed", () => {
    expect(() => requireIsolatingGit(parseGitVersion('git version 2.31.8'))).toThrow(/needs git 2\.32 or newer \(this is git 2\.31\)/);
    expect(() => requireIsolatingGit(undefined)).toThrow(/needs git 2\.32 or newer \(its version is unknown\)/);
    expect(() => requireIsolatingGit(parseGitVersion('git version 2.32.0'))).not.toThrow();
  });
});
