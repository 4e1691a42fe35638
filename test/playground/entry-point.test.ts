/**
 * `npm run playground` as a real process, from the build in dist/: it prints the page's address,
 * serves it, refuses a non-loopback host, and stops cleanly on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/knowledge.js';

const MAIN = join(REPO_ROOT, 'dist', 'src', 'playground', 'main.js');

let child: ChildProcess | undefined;
beforeAll(() => ensureBuilt());
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[]): { process: ChildProcess; output: () => string } {
  let output = '';
  const proc = spawn(process.execPath, [MAIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  child = proc;
  return { process: proc, output: () => output };
}

describe('npm run playground (dist)', () => {
  it('given --port 0, when started, then it prints a 127.0.0.1 address that serves the page, and SIGTERM stops it with code 0', async () => {
    // given / when
    const playground = run(['--port', '0']);
    const deadline = Date.now() + 20_000;
    while (!/http:\/\/127\.0\.0\.1:\d+\//.test(playground.output()) && Date.now() < deadline && playground.process.exitCode === null) await new Promise((r) => setTimeout(r, 25));
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(playground.output())?.[0];
    // then
    expect(url, playground.output()).toBeDefined();
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="playground/client/main.js"></script>');
    expect((await fetch(new URL('playground/client/main.js', url))).status).toBe(200);
    expect((await fetch(new URL('discord/render/markdown.js', url))).status).toBe(200);
    playground.process.kill('SIGTERM');
    const [code] = await once(playground.process, 'exit');
    expect(code).toBe(0);
  });

  it('given `npm run playground`, when npm gets SIGTERM, then the node server stops too (regression: it kept serving)', async () => {
    // given: the npm script as people start it (npm → sh → node)
    let output = '';
    const npm = spawn('npm', ['run', '-s', 'playground', '--', '--port', '0'], { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child = npm;
    npm.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 30_000;
    while (!/http:\/\/127\.0\.0\.1:\d+\//.test(output) && Date.now() < deadline && npm.exitCode === null) await new Promise((r) => setTimeout(r, 25));
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
    expect(url, output).toBeDefined();
    expect((await fetch(url!)).status).toBe(200);
    // when: only npm is signalled, as a process manager or `kill PID` would
    npm.kill('SIGTERM');
    await once(npm, 'exit');
    // then: nothing serves the page any more
    const stoppedBy = Date.now() + 10_000;
    let serving = true;
    while (serving && Date.now() < stoppedBy) {
      serving = await fetch(url!, { signal: AbortSignal.timeout(1000) }).then(() => true, () => false);
      if (serving) await new Promise((r) => setTimeout(r, 100));
    }
    expect(serving, `${url} still answers after npm was stopped`).toBe(false);
  }, 60_000);

  it('given --host 0.0.0.0 without --allow-remote, when started, then it refuses with exit code 1', async () => {
    const playground = run(['--host', '0.0.0.0']);
    const [code] = await once(playground.process, 'exit');
    expect(code).toBe(1);
    expect(playground.output()).toMatch(/refusing to serve the playground on 0\.0\.0\.0/);
  });
});
