/**
 * A local smart-HTTP git server: a Node HTTP server on 127.0.0.1 that runs `git http-backend` as a
 * CGI for every request, serving the bare repositories under a folder. It can instead redirect
 * requests to another host name of its own, and it logs what it was asked, so tests see whether
 * git connected at all and under which host.
 * Whether `git http-backend` is installed is asked by `gitHttpBackendRequirement` (../helpers/requirements.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One logged request. */
export interface GitHttpRequest {
  readonly method: string;
  readonly url: string;
  readonly host: string | undefined;
}

/** A running git server. */
export interface GitHttpServer {
  readonly port: number;
  readonly log: GitHttpRequest[];
  /**
   * When set, a request addressed to any other host is answered `302 Found` to this origin plus its
   * path; a request addressed to this origin's host is served, so a client that follows succeeds.
   */
  redirectTo: string | undefined;
  close(): Promise<void>;
}

/**
 * Serves the bare repositories under `projectRoot` on 127.0.0.1 (a free port):
 * `http://<any name>:<port>/<repository>.git`.
 *
 * @example const server = await startGitHttpServer(folderOfBareRepositories); … await server.close();
 */
export async function startGitHttpServer(projectRoot: string): Promise<GitHttpServer> {
  const server = createServer((request, response) => {
    state.log.push({ method: request.method ?? '', url: request.url ?? '', host: request.headers.host });
    if (state.redirectTo !== undefined && request.headers.host !== new URL(state.redirectTo).host) {
      response.writeHead(302, { location: `${state.redirectTo}${request.url ?? '/'}` }).end();
      return;
    }
    runBackend(projectRoot, request, response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const state: GitHttpServer = {
    port: (server.address() as AddressInfo).port,
    log: [],
    redirectTo: undefined,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  return state;
}

/** Runs `git http-backend` for one request: the body to its stdin, its CGI answer back. */
function runBackend(projectRoot: string, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://git.invalid');
  const contentType = request.headers['content-type'];
  const contentLength = request.headers['content-length'];
  const backend = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '',
      GIT_PROJECT_ROOT: projectRoot,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: decodeURIComponent(url.pathname),
      REQUEST_METHOD: request.method ?? 'GET',
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: contentType ?? '',
      ...(contentLength === undefined ? {} : { CONTENT_LENGTH: contentLength }),
      REMOTE_ADDR: request.socket.remoteAddress ?? '127.0.0.1',
    },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  // A backend that answers before reading the whole body closes its stdin: not an error of the test.
  backend.stdin.on('error', () => undefined);
  request.pipe(backend.stdin);
  let head = Buffer.alloc(0);
  let headersSent = false;
  backend.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const parsed = parseCgiHead(head);
    if (parsed === undefined) return;
    headersSent = true;
    response.writeHead(parsed.status, parsed.headers);
    if (parsed.rest.length > 0) response.write(parsed.rest);
  });
  backend.on('close', () => {
    if (!headersSent) response.writeHead(502);
    response.end();
  });
  backend.on('error', () => {
    if (!response.headersSent) response.writeHead(502);
    response.end();
  });
}

/** The CGI header block (ended by an empty line; `Status:` optional, default 200) and what follows it. */
function parseCgiHead(buffer: Buffer): { status: number; headers: Record<string, string>; rest: Buffer } | undefined {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  const end = crlf !== -1 && (lf === -1 || crlf < lf) ? { at: crlf, length: 4 } : lf !== -1 ? { at: lf, length: 2 } : undefined;
  if (end === undefined) return undefined;
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of buffer.subarray(0, end.at).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
    else headers[name] = value;
  }
  return { status, headers, rest: buffer.subarray(end.at + end.length) };
}
