/**
 * A tiny path router: routes are `{ method, path: '/channels/:channelId/messages', handle }`.
 * Literal segments win over `:params` because routes are tried in the order given.
 * Paths arrive already percent-decoded.
 */
import type { UploadedFile } from './store.js';

/** HTTP methods the fake serves. */
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route handler gets. */
export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  /** Date.now() when the request arrived. */
  now: number;
}

/** What a route handler returns (errors are thrown as ApiError). */
interface RouteAnswer {
  status: number;
  body?: unknown;
}

/** One REST endpoint. */
export interface Route {
  method: Method;
  /** Path below `/api/v10`, with `:name` parameters. */
  path: string;
  /** Needs `Authorization: Bot <token>` (interaction callbacks and webhooks don't). */
  auth: boolean;
  handle(req: RouteRequest): RouteAnswer;
}

/** Result of matching a method and path. */
export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method' }
  | { kind: 'none' };

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      params[w.slice(1)] = g;
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

/** Finds the first route whose path and method match. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { kind: 'found', route, params };
    pathMatched = true;
  }
  return pathMatched ? { kind: 'wrong-method' } : { kind: 'none' };
}
