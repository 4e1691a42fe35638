/**
 * The REST side: one request handler that strips `/api/v10`, parses the body, applies
 * injected faults, checks the bot token, runs the matching route and records the exchange.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, Errors } from './errors.js';
import type { FaultInjector } from './faults.js';
import { type RecordedRequest, readBody, recordableHeaders, sendJson } from './http.js';
import { type Route, matchRoute } from './router.js';

/** The version prefix every route lives under. */
const API_PREFIX = '/api/v10';

/** Builds the `(req, res)` handler for `node:http`. `record` receives every answered request. */
export function createRestHandler(
  routes: readonly Route[],
  faults: FaultInjector,
  record: (request: RecordedRequest) => void,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
    // Decoded, so `/messages/%40original` is recorded and routed as `/messages/@original`.
    const path = decodePath(versioned ? url.pathname.slice(API_PREFIX.length) : url.pathname);
    const entry: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: recordableHeaders(req),
      body: undefined,
      files: [],
      status: 0,
      response: undefined,
      injected: false,
      at,
    };
    const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      entry.response = body;
      sendJson(res, status, body, headers);
      record(entry);
    };

    try {
      const parsed = await readBody(req);
      entry.body = parsed.body;
      entry.files = parsed.files;

      const fault = faults.take(method, path);
      if (fault) {
        entry.injected = true;
        answer(fault.status, fault.body, fault.headers);
        return;
      }

      if (!versioned) throw Errors.unknownRoute();
      const match = matchRoute(routes, method, path);
      if (match.kind === 'none') throw Errors.unknownRoute();
      if (match.kind === 'wrong-method') throw Errors.methodNotAllowed();
      if (match.route.auth && !/^Bot \S+/.test(req.headers.authorization ?? '')) throw Errors.unauthorized();

      const result = match.route.handle({ params: match.params, query: url.searchParams, body: parsed.body, files: parsed.files, now: at });
      answer(result.status, result.body);
    } catch (error) {
      if (error instanceof ApiError) answer(error.status, error.body);
      else answer(500, { code: 0, message: `fake-discord internal error: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}
