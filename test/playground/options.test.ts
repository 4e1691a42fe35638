/**
 * The playground serves this computer only unless told otherwise: its command line and bind checks.
 */
import { describe, expect, it } from 'vitest';
import { assertBindable, isLoopbackHost, parsePlaygroundArgs, PlaygroundOptionError } from '../../src/playground/options.js';
import { startPlayground } from '../../src/playground/playground.js';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', 'app.localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('given %s, then it is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', '128.0.0.1', 'example.com', 'localhost.example.com', '1::1', ''])('given %s, then it is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('binding', () => {
  it('given a non-loopback host without --allow-remote, when checked, then it is refused with the reason and the way out', () => {
    expect(() => assertBindable('0.0.0.0', false)).toThrow(PlaygroundOptionError);
    expect(() => assertBindable('0.0.0.0', false)).toThrow(/refusing to serve the playground on 0\.0\.0\.0.*--allow-remote/s);
  });

  it('given a non-loopback host with --allow-remote, when checked, then it is allowed', () => {
    expect(() => assertBindable('0.0.0.0', true)).not.toThrow();
  });

  it('given a non-loopback host, when the playground starts, then it refuses before starting anything', async () => {
    await expect(startPlayground({ knowledgeDir: 'does-not-matter', host: '0.0.0.0', port: 0 })).rejects.toThrow(PlaygroundOptionError);
  });
});

describe('parsePlaygroundArgs', () => {
  it('given nothing, then it serves 127.0.0.1:3000 with the default knowledge', () => {
    expect(parsePlaygroundArgs([])).toEqual({ port: 3000, host: '127.0.0.1', allowRemote: false });
  });

  it('given --port 0 and --knowledge, then it takes them', () => {
    expect(parsePlaygroundArgs(['--port', '0', '--knowledge', 'docs/kb'])).toEqual({ port: 0, host: '127.0.0.1', allowRemote: false, knowledgeDir: 'docs/kb' });
  });

  it('given --host 0.0.0.0 alone, then it is refused; with --allow-remote it is accepted', () => {
    expect(() => parsePlaygroundArgs(['--host', '0.0.0.0'])).toThrow(/--allow-remote/);
    expect(parsePlaygroundArgs(['--host', '0.0.0.0', '--allow-remote'])).toMatchObject({ host: '0.0.0.0', allowRemote: true });
    expect(parsePlaygroundArgs(['--host', '::1'])).toMatchObject({ host: '::1', allowRemote: false });
  });

  it.each([['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--bogus'], ['stray']])('given %s, then it explains the usage', (...argv) => {
    expect(() => parsePlaygroundArgs(argv)).toThrow(/usage: npm run playground/);
  });
});
