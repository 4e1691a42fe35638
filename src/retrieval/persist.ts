import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../knowledge/types.js';
import { COMMON_TERMS } from './common-words.js';
import { knowledgeContentHash } from './content-hash.js';
import { MINISEARCH_OPTIONS, RANKING } from './options.js';
import { STOP_WORDS } from './stop-words.js';
import type { AnalysedKnowledge } from './search-index.js';
import { storeKnowledge, type StoredKnowledge } from './stored-knowledge.js';

/** Bump when the persisted layout or the analysis (terms, stop words, aliases) changes. */
export const INDEX_FORMAT_VERSION = 5;

/** Where persisted indexes live, relative to the working directory (git-ignored). */
export const INDEX_CACHE_DIR = '.footnote-cache';

/** The first line of an index file: what it was built from, and how to check it is whole. */
export interface IndexHeader {
  readonly format: number;
  /** Hash of the index format, the options and the indexing code (see {@link indexKey}). */
  readonly key: string;
  /** The knowledge's content hash (see {@link knowledgeContentHash}). */
  readonly contentHash: string;
  /** The files' paths, sizes and times when indexed: if unchanged, texts are read, not parsed. */
  readonly filesStamp: string;
  readonly payloadBytes: number;
  readonly payloadSha256: string;
}

/** The JSON part of the payload; the postings follow it as raw typed arrays. */
interface PayloadMeta {
  readonly vocabulary: readonly string[];
  readonly passageCount: number;
  readonly fields: readonly { readonly averageLength: number; readonly postings: number }[];
  readonly learned: [string, string[][]][];
  readonly knowledge: StoredKnowledge;
}

export { knowledgeContentHash };

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * A hash of the code that shapes an index (parsing, chunking, analysis, alias learning): an
 * index built by other code is stale even when the knowledge and options are the same.
 */
const codeVersion = ((): string => {
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const dir of [here, join(here, '..', 'knowledge')]) {
    for (const name of readdirSync(dir).sort()) if (/\.[jt]s$/.test(name)) hash.update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex');
})();

/**
 * The key a persisted index must carry to be reused (with the knowledge's content hash): it
 * changes with the index format, the search options and the code that builds indexes, so a
 * stale index is never served.
 */
export function indexKey(): string {
  const options = JSON.stringify({ fields: MINISEARCH_OPTIONS.fields, RANKING, stop: [...STOP_WORDS], common: [...COMMON_TERMS] });
  return sha256(`${INDEX_FORMAT_VERSION}\n${codeVersion}\n${options}`);
}

/** The cache file of a knowledge folder (one per folder). */
export function indexPathFor(knowledgeRoot: string, cacheDir: string = INDEX_CACHE_DIR): string {
  return join(cacheDir, `index-${sha256(resolve(knowledgeRoot)).slice(0, 16)}.bin`);
}

/**
 * Serialises analysed knowledge: a JSON part (vocabulary, aliases), then the typed arrays, as
 * a list of parts written one after the other (never joined: that would copy the whole index).
 */
function encodePayload(analysed: AnalysedKnowledge, knowledge: KnowledgeBase): Uint8Array[] {
  const { postings } = analysed;
  const meta: PayloadMeta = {
    vocabulary: postings.vocabulary,
    passageCount: postings.passageCount,
    fields: postings.fields.map((f) => ({ averageLength: f.averageLength, postings: f.passages.length })),
    learned: [...analysed.learnedAliases],
    knowledge: storeKnowledge(knowledge),
  };
  const metaBytes = Buffer.from(JSON.stringify(meta));
  const parts: Uint8Array[] = [new Uint8Array(new Uint32Array([metaBytes.length]).buffer), metaBytes, new Uint8Array(pad(metaBytes.length))];
  const bytesOf = (array: Uint32Array | Uint16Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  for (const field of postings.fields) {
    parts.push(bytesOf(field.offsets), bytesOf(field.passages), bytesOf(field.lengths), bytesOf(field.frequencies), new Uint8Array(pad(field.frequencies.byteLength)));
  }
  parts.push(bytesOf(postings.documentFrequency));
  return parts;
}

/** Bytes that bring `length` to a multiple of 4 (typed arrays need aligned offsets). */
const pad = (length: number): number => (4 - (length % 4)) % 4;

/** Where the payload starts in an index file, so that its typed arrays can view the file's bytes. */
const PAYLOAD_ALIGNMENT = 8;
const alignmentPad = (length: number): number => (PAYLOAD_ALIGNMENT - (length % PAYLOAD_ALIGNMENT)) % PAYLOAD_ALIGNMENT;

/** Writes all of `bytes` at the file's current position (`writeSync` may write less at once). */
function writeWhole(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done, bytes.byteLength - done);
}

function decodePayload(payload: Buffer): PersistedIndex {
  // The typed arrays are views of the file's bytes when the payload is aligned (the header line
  // is padded for that); otherwise (a small file in Node's shared pool) of an aligned copy.
  let bytes: Uint8Array = payload;
  if (payload.byteOffset % PAYLOAD_ALIGNMENT !== 0) {
    bytes = new Uint8Array(payload.byteLength);
    bytes.set(payload);
  }
  const { buffer, byteOffset: base } = bytes;
  const metaLength = new DataView(buffer, base, 4).getUint32(0, true);
  const meta = JSON.parse(Buffer.from(buffer, base + 4, metaLength).toString('utf8')) as PayloadMeta;
  let at = base + 4 + metaLength + pad(metaLength);
  const u32 = (count: number): Uint32Array => {
    const array = new Uint32Array(buffer, at, count);
    at += count * 4;
    return array;
  };
  const terms = meta.vocabulary.length;
  const fields = meta.fields.map((field) => {
    const offsets = u32(terms + 1);
    const passages = u32(field.postings);
    const lengths = u32(meta.passageCount);
    const frequencies = new Uint16Array(buffer, at, field.postings);
    at += field.postings * 2 + pad(field.postings * 2);
    return { offsets, passages, frequencies, lengths, averageLength: field.averageLength };
  });
  const documentFrequency = u32(terms);
  if (at !== base + bytes.byteLength) throw new Error('index payload has an unexpected length');
  return {
    analysed: { postings: { vocabulary: meta.vocabulary, passageCount: meta.passageCount, fields, documentFrequency }, learnedAliases: new Map(meta.learned) },
    stored: meta.knowledge,
  };
}

/** A persisted index as read back: its header, the analysed knowledge and the passage table. */
export interface PersistedIndex {
  readonly analysed: AnalysedKnowledge;
  readonly stored: StoredKnowledge;
}

/**
 * Writes analysed knowledge atomically: to a temporary file first, then renamed over the old
 * one, so a crash mid-write never leaves a half-written index behind.
 */
export function saveIndex(
  analysed: AnalysedKnowledge,
  knowledge: KnowledgeBase,
  path: string,
  stamps: Pick<IndexHeader, 'key' | 'contentHash' | 'filesStamp'>,
): void {
  const parts = encodePayload(analysed, knowledge);
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  const payloadBytes = parts.reduce((total, part) => total + part.byteLength, 0);
  const header: IndexHeader = { format: INDEX_FORMAT_VERSION, ...stamps, payloadBytes, payloadSha256: hash.digest('hex') };
  // Spaces before the newline (JSON allows them) put the payload on an aligned offset.
  const headerJson = JSON.stringify(header);
  const headerLine = Buffer.from(`${headerJson.padEnd(headerJson.length + alignmentPad(Buffer.byteLength(headerJson) + 1), ' ')}\n`);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (const part of [headerLine, ...parts]) writeWhole(fd, part);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Why a persisted index could not be used. */
export type IndexLoadFailure = 'missing' | 'stale' | 'corrupt';

/**
 * Reads a persisted index if the file is whole and was built with these options and this
 * code (the caller then checks it against the knowledge's content); otherwise says why not.
 * A file that exists but cannot be read (permission denied, a folder in its place, a disk
 * error) is reported through `warn`: treated silently as missing, it would be rebuilt on every
 * start without anyone learning why.
 *
 * @example loadIndex(indexPathFor('knowledge'), indexKey(), console.warn) // 'missing' on a fresh clone
 */
export function loadIndex(path: string, key: string, warn: (message: string) => void = () => undefined): (PersistedIndex & { header: IndexHeader }) | IndexLoadFailure {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ENOENT') warn(`cannot read the index file ${path} (${typeof code === 'string' ? code : String(error)}); building the index instead — fix the file's permissions or delete it`);
    return 'missing';
  }
  const newline = file.indexOf(0x0a);
  let header: IndexHeader;
  try {
    header = JSON.parse(file.subarray(0, newline < 0 ? file.length : newline).toString('utf8')) as IndexHeader;
  } catch {
    return 'corrupt';
  }
  if (typeof header !== 'object' || header === null || newline < 0) return 'corrupt';
  if (header.format !== INDEX_FORMAT_VERSION || header.key !== key) return 'stale';
  const payload = file.subarray(newline + 1);
  if (payload.byteLength !== header.payloadBytes || sha256(payload) !== header.payloadSha256) return 'corrupt';
  try {
    const persisted = decodePayload(payload);
    return persisted.analysed.postings.passageCount === persisted.stored.passages.ids.length ? { ...persisted, header } : 'corrupt';
  } catch {
    return 'corrupt';
  }
}
