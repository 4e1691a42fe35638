/**
 * HTTP(S) GET for ingestion, safe against server-side request forgery: every host (the first URL
 * and each redirect target) is resolved, every address checked against the policy, and the
 * connection is made to the checked address itself, so a second DNS answer cannot slip in
 * (no rebinding window). Caps size, redirects and time; sends conditional requests.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressPolicy } from './address-policy.js';
import { decodeBody } from './decode-body.js';
import { IngestError } from './errors.js';
import { MAX_PAGE_BYTES, MAX_REDIRECTS, REQUEST_TIMEOUT_MS } from './limits.js';
import { userAgent } from './user-agent.js';

/** A resolved address, as `dns.lookup(host, { all: true })` gives them. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Resolves a host name to every address it has. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system resolver (what any other program on this machine would connect to). */
export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Options of {@link createFetcher}. */
export interface FetcherOptions {
  readonly policy: AddressPolicy;
  readonly resolve?: Resolver;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly timeoutMs?: number;
  /** Default: {@link userAgent} without a contact. */
  readonly userAgent?: string;
  readonly signal?: AbortSignal;
  /** Called before each request leaves (the first and every redirect), e.g. for politeness per host. */
  readonly around?: <T>(url: URL, request: () => Promise<T>) => Promise<T>;
}

/** One GET. */
export interface FetchRequest {
  readonly url: string;
  /** Content types accepted (lower-case prefixes such as `text/html`); others are skipped with a reason. */
  readonly accept: readonly string[];
  /** Validators of the copy already held, for a conditional request. */
  readonly etag?: string;
  readonly lastModified?: string;
}

/** What came back. */
export type FetchResult =
  | {
      readonly kind: 'ok';
      /** The URL after redirects. */
      readonly url: string;
      readonly contentType: string;
      readonly text: string;
      readonly etag?: string;
      readonly lastModified?: string;
    }
  | { readonly kind: 'not-modified'; readonly url: string }
  | { readonly kind: 'gone'; readonly url: string; readonly status: number };

/** A function that performs {@link FetchRequest}s. */
export type Fetcher = (request: FetchRequest) => Promise<FetchResult>;

interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Uint8Array;
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const GONE_STATUSES: ReadonlySet<number> = new Set([404, 410]);
const header = (headers: http.IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * A fetcher with the given policy and caps.
 *
 * @example
 * const fetchPage = createFetcher({ policy: addressPolicy(false) });
 * await fetchPage({ url: 'https://docs.example.org/', accept: ['text/html'] });
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const around = options.around ?? (<T>(_url: URL, request: () => Promise<T>) => request());
  return async (request) => {
    let url = new URL(request.url);
    for (let redirects = 0; ; redirects += 1) {
      const target = url;
      const response = await around(target, async () => {
        const address = await checkedAddress(target, options);
        return get(target, address, request, options);
      });
      if (REDIRECT_STATUSES.has(response.status)) {
        const location = header(response.headers, 'location');
        if (location === undefined) throw new IngestError(`HTTP ${response.status} without a Location`);
        if (redirects >= maxRedirects) throw new IngestError(`more than ${maxRedirects} redirects`);
        url = new URL(location, url);
        continue;
      }
      return interpret(url, response, request);
    }
  };
}

/** Turns a final response into a result, or an error with the reason. */
function interpret(url: URL, response: RawResponse, request: FetchRequest): FetchResult {
  if (response.status === 304) return { kind: 'not-modified', url: url.href };
  if (GONE_STATUSES.has(response.status)) return { kind: 'gone', url: url.href, status: response.status };
  if (response.status < 200 || response.status > 299) throw new IngestError(`HTTP ${response.status}`);
  const contentType = (header(response.headers, 'content-type') ?? '').toLowerCase();
  const mediaType = contentType.split(';')[0]?.trim() ?? '';
  if (!request.accept.some((accepted) => mediaType.startsWith(accepted))) {
    throw new IngestError(`skipped: content type ${mediaType === '' ? '(none)' : mediaType} is not ${request.accept.join(', ')}`);
  }
  const etag = header(response.headers, 'etag');
  const lastModified = header(response.headers, 'last-modified');
  return {
    kind: 'ok',
    url: url.href,
    contentType,
    text: decodeBody(response.body, contentType),
    ...(etag === undefined ? {} : { etag }),
    ...(lastModified === undefined ? {} : { lastModified }),
  };
}

/** Resolves the URL's host and checks every address; returns the one to connect to. */
async function checkedAddress(url: URL, options: FetcherOptions): Promise<ResolvedAddress> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IngestError(`refused: ${url.protocol} URLs are not fetched`);
  if (url.username !== '' || url.password !== '') throw new IngestError('refused: URLs with credentials are not fetched');
  return checkedHostAddress(url.hostname, options.policy, options.resolve);
}

/**
 * Resolves a host name (or takes an IP literal) and checks every address against the policy;
 * returns the address to connect to, or throws an IngestError saying why it is refused.
 *
 * @example await checkedHostAddress('localhost', addressPolicy(false)) // throws 'refused: localhost resolves to 127.0.0.1, …'
 */
export async function checkedHostAddress(host: string, policy: AddressPolicy, resolve: Resolver = systemResolver): Promise<ResolvedAddress> {
  const hostname = host.replace(/^\[|\]$/g, '');
  const family = isIP(hostname);
  let addresses: readonly ResolvedAddress[];
  if (family !== 0) addresses = [{ address: hostname, family }];
  else {
    try {
      addresses = await resolve(hostname);
    } catch (error) {
      throw new IngestError(`cannot resolve ${hostname}: ${(error as { code?: string }).code ?? String(error)}`);
    }
  }
  // Every address must pass: a host that also resolves to an internal address is refused outright.
  const refused = addresses.find((resolved) => !policy(resolved.address));
  if (refused !== undefined) {
    throw new IngestError(`refused: ${hostname} resolves to ${refused.address}, a private or reserved address (use --allow-private for an intranet)`);
  }
  const [first] = addresses;
  if (first === undefined) throw new IngestError(`cannot resolve ${hostname}`);
  return first;
}

/** One request/response, connecting to `address` (already checked) whatever the host name says. */
function get(url: URL, address: ResolvedAddress, request: FetchRequest, options: FetcherOptions): Promise<RawResponse> {
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  // The only lookup the socket does returns the checked address (Node 20 asks with { all: true }).
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all === true) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? userAgent(),
    accept: `${request.accept.join(', ')};q=1, */*;q=0.1`,
    'accept-encoding': 'identity',
  };
  if (request.etag !== undefined) headers['if-none-match'] = request.etag;
  if (request.lastModified !== undefined) headers['if-modified-since'] = request.lastModified;
  const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
  const signal = AbortSignal.any(signals);
  const client = url.protocol === 'https:' ? https : http;

  return new Promise<RawResponse>((resolve, reject) => {
    const fail = (error: Error): void => reject(error instanceof IngestError ? error : new IngestError(describe(error, signal, timeoutMs)));
    const req = client.request(url, { method: 'GET', headers, lookup: pinned, signal, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers['content-length']);
      if (status >= 200 && status < 300 && Number.isFinite(declared) && declared > maxBytes) {
        fail(new IngestError(`skipped: larger than ${formatBytes(maxBytes)} (${formatBytes(declared)})`));
        res.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          // Reject first: destroying the response emits its own (less telling) errors.
          fail(new IngestError(`skipped: larger than ${formatBytes(maxBytes)}`));
          res.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
      res.on('aborted', () => fail(new IngestError('connection closed mid-response')));
    });
    req.on('error', fail);
    req.end();
  });
}

function describe(error: Error, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted) {
    return signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError' ? `timed out after ${timeoutMs / 1000} s` : 'aborted';
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}

function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes >= 1024 * 1024 ? 0 : 2)} MB`;
}
