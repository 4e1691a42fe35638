/**
 * The web server's guards: only loopback Host names on its port, the socket only for
 * same-origin pages, the page served with a strict content security policy.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { readClientMessage, redactTokens } from '../../src/playground/bridge.js';
import { isAllowedHost, isSameOrigin, startWebServer, type WebServer } from '../../src/playground/server.js';

let assets: string;
let web: WebServer;
const received: unknown[] = [];

beforeAll(async () => {
  // The layout of the build: src/playground/{page.html,page.css,client/*.js} and the shared markdown module.
  assets = await mkdtemp(join(tmpdir(), 'footnote-playground-'));
  await mkdir(join(assets, 'playground', 'client'), { recursive: true });
  await mkdir(join(assets, 'discord', 'render'), { recursive: true });
  await writeFile(join(assets, 'playground', 'page.html'), '<!doctype html><title>t</title>');
  await writeFile(join(assets, 'playground', 'page.css'), 'body {}');
  await writeFile(join(assets, 'playground', 'client', 'main.js'), '// client');
  await writeFile(join(assets, 'playground', 'client', 'main.js.map'), '{}');
  await writeFile(join(assets, 'discord', 'render', 'markdown.js'), '// markdown');
  await writeFile(join(assets, 'discord', 'render', 'answer.js'), '// not for the page');
  web = await startWebServer({
    host: '127.0.0.1',
    port: 0,
    allowRemote: false,
    assetsDir: join(assets, 'playground'),
    sockets: {
      connect: (page) => {
        page.send({ type: 'notice', level: 'warning', text: 'hello' });
        return () => undefined;
      },
      receive: (_page, data) => received.push(data),
    },
  });
});
afterAll(async () => {
  await web?.close();
  await rm(assets, { recursive: true, force: true });
});

/** A GET with a chosen Host header (fetch will not let us set it). */
function get(path: string, host: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the socket with these headers; resolves with the first message or the HTTP status of the refusal. */
function openSocket(origin: string | undefined, host = `127.0.0.1:${web.port}`): Promise<{ message?: string; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/socket`, { headers: { host, ...(origin === undefined ? {} : { origin }) } });
    ws.on('message', (data) => {
      ws.close();
      resolve({ message: String(data) });
    });
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ status: -1 }));
  });
}

describe('the web server', () => {
  it('given a loopback Host, when the page is asked for, then it comes with a strict content security policy', async () => {
    const res = await get('/', `127.0.0.1:${web.port}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(
      `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src ws://127.0.0.1:${web.port}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/', `localhost:${web.port}`)).status).toBe(200);
  });

  it('given another Host name (DNS rebinding) or port, when anything is asked for, then it is refused', async () => {
    expect((await get('/', `evil.example:${web.port}`)).status).toBe(421);
    expect((await get('/', '127.0.0.1:1')).status).toBe(421);
  });

  it('given unknown paths, then 404', async () => {
    expect((await get('/../package.json', `127.0.0.1:${web.port}`)).status).toBe(404);
    expect((await get('/client.ts', `127.0.0.1:${web.port}`)).status).toBe(404);
    expect((await get('/playground/client/main.js.map', `127.0.0.1:${web.port}`)).status).toBe(404);
    expect((await get('/discord/render/answer.js', `127.0.0.1:${web.port}`)).status).toBe(404);
    expect((await get('/playground/page.html', `127.0.0.1:${web.port}`)).status).toBe(404);
  });

  it('given the page\'s modules, then the client folder and the shared markdown reader are served as JavaScript', async () => {
    for (const path of ['/playground/client/main.js', '/discord/render/markdown.js']) {
      const response = await get(path, `127.0.0.1:${web.port}`);
      expect(response.status, path).toBe(200);
      expect(response.headers['content-type'], path).toBe('text/javascript; charset=utf-8');
    }
  });

  it('given the page\'s own origin, when the socket is opened, then it connects', async () => {
    expect(await openSocket(`http://127.0.0.1:${web.port}`)).toEqual({ message: JSON.stringify({ type: 'notice', level: 'warning', text: 'hello' }) });
  });

  it('given another origin, no origin, or another Host, when the socket is opened, then it is refused with 403', async () => {
    expect(await openSocket('http://evil.example')).toEqual({ status: 403 });
    expect(await openSocket(undefined)).toEqual({ status: 403 });
    expect(await openSocket('http://evil.example:80', 'evil.example:80')).toEqual({ status: 403 });
  });

  it('given a non-loopback host, when started without allowRemote, then it refuses', async () => {
    await expect(startWebServer({ host: '0.0.0.0', port: 0, allowRemote: false, assetsDir: assets, sockets: { connect: () => () => undefined, receive: () => undefined } })).rejects.toThrow(
      /--allow-remote/,
    );
  });

  it('given a folder without the built script, when started, then it says to build first', async () => {
    await expect(startWebServer({ host: '127.0.0.1', port: 0, allowRemote: false, assetsDir: tmpdir(), sockets: { connect: () => () => undefined, receive: () => undefined } })).rejects.toThrow(
      /scripts\/build\.mjs/,
    );
  });
});

describe('guards', () => {
  it('isAllowedHost: loopback names on our port only, unless remote is allowed (and never odd characters)', () => {
    expect(isAllowedHost('[::1]:8080', 8080, false)).toBe(true);
    expect(isAllowedHost('127.0.0.1', 80, false)).toBe(true);
    expect(isAllowedHost('192.168.0.2:8080', 8080, false)).toBe(false);
    expect(isAllowedHost('192.168.0.2:8080', 8080, true)).toBe(true);
    expect(isAllowedHost("x; script-src *", 8080, true)).toBe(false);
    expect(isAllowedHost(undefined, 8080, true)).toBe(false);
  });

  it('isSameOrigin: the Origin must be exactly http://<Host>', () => {
    expect(isSameOrigin('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(isSameOrigin('http://localhost:3000', '127.0.0.1:3000')).toBe(false);
    expect(isSameOrigin('null', '127.0.0.1:3000')).toBe(false);
  });

  it('readClientMessage: only the four message shapes, within size limits', () => {
    expect(readClientMessage({ type: 'send', text: '/ask hi', user: 'member' })).toEqual({ type: 'send', text: '/ask hi', user: 'member', picked: [] });
    expect(readClientMessage({ type: 'send', text: '/ask hi', user: 'admin' })).toBeUndefined();
    expect(readClientMessage({ type: 'send', text: 'x'.repeat(5000), user: 'member' })).toBeUndefined();
    expect(readClientMessage({ type: 'click', messageId: '1', customId: 7, user: 'member' })).toBeUndefined();
    expect(readClientMessage({ type: 'eval', user: 'member' })).toBeUndefined();
    expect(readClientMessage(null)).toBeUndefined();
  });

  it('redactTokens: interaction tokens never reach the page', () => {
    expect(redactTokens('/interactions/123/fake-interaction.secret/callback')).toBe('/interactions/123/…/callback');
    expect(redactTokens('/webhooks/456/fake-interaction.secret/messages/@original')).toBe('/webhooks/456/…/messages/@original');
    expect(redactTokens('/channels/1/messages')).toBe('/channels/1/messages');
  });
});
