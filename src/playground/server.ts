/**
 * The playground's web server: the page, its stylesheet and script, and a WebSocket to the
 * bridge. Only same-origin pages may open the socket, and on a loopback address only requests
 * naming a loopback host are served (so a web page elsewhere cannot reach it by DNS rebinding).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PageConnection } from './bridge.js';
import { assertBindable, isLoopbackHost } from './options.js';
import type { ServerMessage } from './protocol.js';

/** Path of the WebSocket (the page's script opens the same path). */
export const SOCKET_PATH = '/socket';
/** Largest message the page may send over the socket. */
const SOCKET_MESSAGE_MAX_BYTES = 64 * 1024;

/** The files served from the assets folder, by URL path. */
const ASSETS: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'page.html', type: 'text/html; charset=utf-8' },
  '/page.css': { file: 'page.css', type: 'text/css; charset=utf-8' },
};
const SCRIPT_TYPE = 'text/javascript; charset=utf-8';
/**
 * The page's ES modules, as paths under the built `src/` folder (the assets folder's parent):
 * every module of the client folder, and the markdown reader it shares with the HTML preview.
 * They are served at the same paths, so the modules' relative imports resolve in the browser.
 */
const CLIENT_FOLDER = 'playground/client';
const SHARED_MODULES = ['discord/render/markdown.js'] as const;

/** What the server does with a connected page. */
export interface SocketHandler {
  /** Called once per page; returns what to call when it disconnects. */
  connect(page: PageConnection): () => void;
  receive(page: PageConnection, data: unknown): void;
}

/** Options of {@link startWebServer}. */
export interface WebServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Serve on a non-loopback address (refused otherwise). */
  readonly allowRemote: boolean;
  /** Folder holding page.html and page.css; its parent holds the page's modules (see {@link CLIENT_FOLDER}). */
  readonly assetsDir: string;
  readonly sockets: SocketHandler;
}

/** A running web server. */
export interface WebServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Is this Host header one we answer to? With a loopback bind, only loopback names on our port;
 * with `--allow-remote`, any (the person chose to expose it).
 */
export function isAllowedHost(hostHeader: string | undefined, port: number, allowRemote: boolean): boolean {
  if (hostHeader === undefined || !/^[A-Za-z0-9.\-:[\]]+$/.test(hostHeader)) return false;
  if (allowRemote) return true;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader);
  return match !== null && isLoopbackHost(match[1]!) && Number(match[2] ?? 80) === port;
}

/** Same-origin check for the WebSocket: the page must come from the host it connects to. */
export function isSameOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  return origin !== undefined && hostHeader !== undefined && origin === `http://${hostHeader}`;
}

function securityHeaders(host: string): Record<string, string> {
  return {
    // No inline script or style, nothing from elsewhere: the page only talks to its own socket.
    'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src ws://${host}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

async function readAsset(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new Error(`the playground page is incomplete: ${file} is missing (build first: node scripts/build.mjs)`);
  }
}

async function loadAssets(dir: string): Promise<Map<string, { body: Buffer; type: string }>> {
  const loaded = new Map<string, { body: Buffer; type: string }>();
  for (const [path, asset] of Object.entries(ASSETS)) loaded.set(path, { body: await readAsset(join(dir, asset.file)), type: asset.type });
  const modulesRoot = join(dir, '..');
  const clientFiles = await readdir(join(modulesRoot, CLIENT_FOLDER)).catch(() => [] as string[]);
  const modules = [...clientFiles.filter((f) => f.endsWith('.js')).map((f) => `${CLIENT_FOLDER}/${f}`), ...SHARED_MODULES];
  if (!modules.includes(`${CLIENT_FOLDER}/main.js`)) await readAsset(join(modulesRoot, CLIENT_FOLDER, 'main.js'));
  for (const module of modules) loaded.set(`/${module}`, { body: await readAsset(join(modulesRoot, module)), type: SCRIPT_TYPE });
  return loaded;
}

/**
 * Serves the page and its socket. Refuses a non-loopback host unless `allowRemote`.
 *
 * @example const web = await startWebServer({ host: '127.0.0.1', port: 0, allowRemote: false, assetsDir, sockets });
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  assertBindable(options.host, options.allowRemote);
  const assets = await loadAssets(options.assetsDir);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: SOCKET_MESSAGE_MAX_BYTES });
  let port = options.port;

  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    const host = req.headers.host;
    if (!isAllowedHost(host, port, options.allowRemote)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request\n');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://playground').pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // browsers ask for it; there is none
      return;
    }
    const asset = assets.get(path);
    if (!asset || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(asset ? 405 : 404, { 'Content-Type': 'text/plain' }).end(asset ? 'Method not allowed\n' : 'Not found\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': asset.body.length, ...securityHeaders(host!) });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  };

  const server = createServer(serve);
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://playground').pathname;
    if (path !== SOCKET_PATH || !isAllowedHost(req.headers.host, port, options.allowRemote) || !isSameOrigin(req.headers.origin, req.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, options.sockets));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;

  return {
    url: `http://${shownHost}:${port}/`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Wires one socket to the handler: JSON both ways. */
function attach(ws: WebSocket, handler: SocketHandler): void {
  const page: PageConnection = {
    send(message: ServerMessage) {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    },
  };
  const leave = handler.connect(page);
  ws.on('message', (data, isBinary) => {
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      parsed = undefined;
    }
    handler.receive(page, parsed);
  });
  ws.on('close', leave);
  ws.on('error', () => ws.terminate());
}
