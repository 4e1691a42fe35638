/**
 * HTTP plumbing for the REST side: reading JSON or multipart/form-data bodies, writing
 * JSON answers, and the shape of a recorded request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Errors } from './errors.js';
import type { UploadedFile } from './store.js';

/** One REST request as the fake saw and answered it. */
export interface RecordedRequest {
  method: string;
  /** Path without the `/api/v10` prefix, e.g. `/interactions/123/abc/callback`. */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names. `authorization` is redacted to `Bot [redacted]` so tokens never get printed. */
  headers: Record<string, string>;
  /** Parsed JSON body; for multipart the parsed `payload_json` part; undefined when empty. */
  body: unknown;
  /** Files of a multipart upload (metadata only). */
  files: UploadedFile[];
  /** The status the fake answered with. */
  status: number;
  /** The JSON the fake answered with (undefined for 204). */
  response: unknown;
  /** True when the answer came from {@link FaultSpec | failNext}. */
  injected: boolean;
  /** Date.now() when the request arrived. */
  at: number;
}

/** A parsed request body. */
export interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
}

/** Reads the whole body and parses JSON or multipart/form-data (`payload_json` + files). */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };

  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw Errors.invalidJson();
  }
}

/** Uses the platform's own form-data parser (undici's Request) instead of a dependency. */
async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Request('http://fake.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  let body: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') {
        try {
          body = JSON.parse(value);
        } catch {
          throw Errors.invalidJson();
        }
      }
    } else {
      files.push({ field, filename: value.name, contentType: value.type || 'application/octet-stream', size: value.size });
    }
  }
  return { body, files };
}

/** Lower-cased headers with the authorization value redacted. */
export function recordableHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name.toLowerCase()] = name.toLowerCase() === 'authorization' ? text.replace(/^(\S+)\s.*$/s, '$1 [redacted]') : text;
  }
  return out;
}

/** Writes a JSON answer (or an empty 204). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    .end(text);
}
