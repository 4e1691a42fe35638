import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { PhraseTable } from './aliases.js';
import { COMMON_TERMS } from './common-words.js';
import { MINISEARCH_OPTIONS, RANKING, type IndexedFields } from './options.js';
import { STOP_WORDS } from './stop-words.js';
import type { SearchIndex } from './search-index.js';

/** Bump when the persisted layout or the analysis (terms, stop words, aliases) changes. */
export const INDEX_FORMAT_VERSION = 1;

/** Where persisted indexes live, relative to the working directory (git-ignored). */
export const INDEX_CACHE_DIR = '.footnote-cache';

/** The first line of an index file: what it was built from, and how to check it is whole. */
interface IndexHeader {
  readonly format: number;
  /** Hash of the knowledge fingerprint, the index format and the ranking options. */
  readonly key: string;
  readonly payloadBytes: number;
  readonly payloadSha256: string;
}

interface IndexPayload {
  readonly miniSearch: AsPlainObject;
  readonly documentFrequency: [string, number][];
  readonly written: [string, readonly (readonly string[])[]][];
  readonly learned: [string, readonly (readonly string[])[]][];
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

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
 * The key a persisted index must carry to be reused: it changes with any knowledge file,
 * with the index format, the search options and the code that builds indexes, so a stale
 * index is never served.
 */
export function indexKey(knowledgeFingerprint: string): string {
  const options = JSON.stringify({ fields: MINISEARCH_OPTIONS.fields, RANKING, stop: [...STOP_WORDS], common: [...COMMON_TERMS] });
  return sha256(`${INDEX_FORMAT_VERSION}\n${codeVersion}\n${knowledgeFingerprint}\n${options}`);
}

/** The cache file of a knowledge folder (one per folder). */
export function indexPathFor(knowledgeRoot: string, cacheDir: string = INDEX_CACHE_DIR): string {
  return join(cacheDir, `index-${sha256(knowledgeRoot).slice(0, 16)}.json`);
}

/**
 * Writes an index atomically: to a temporary file first, then renamed over the old one, so
 * a crash mid-write never leaves a half-written index behind.
 */
export function saveIndex(index: SearchIndex, path: string, key: string): void {
  const payload = JSON.stringify({
    miniSearch: index.miniSearch.toJSON(),
    documentFrequency: [...index.documentFrequency],
    written: [...index.aliases.written],
    learned: [...index.aliases.learned],
  } satisfies IndexPayload);
  const header: IndexHeader = { format: INDEX_FORMAT_VERSION, key, payloadBytes: Buffer.byteLength(payload), payloadSha256: sha256(payload) };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(header)}\n${payload}`);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Why a persisted index could not be used. */
export type IndexLoadFailure = 'missing' | 'stale' | 'corrupt';

/**
 * Loads a persisted index if it is whole and was built from exactly this knowledge with
 * these options; otherwise says why not (the caller rebuilds).
 */
export function loadIndex(path: string, key: string, knowledge: KnowledgeBase): SearchIndex | IndexLoadFailure {
  let file: string;
  try {
    file = readFileSync(path, 'utf8');
  } catch {
    return 'missing';
  }
  const newline = file.indexOf('\n');
  let header: IndexHeader;
  try {
    header = JSON.parse(file.slice(0, newline)) as IndexHeader;
  } catch {
    return 'corrupt';
  }
  if (header.format !== INDEX_FORMAT_VERSION || header.key !== key) return 'stale';
  const payloadText = file.slice(newline + 1);
  if (newline < 0 || Buffer.byteLength(payloadText) !== header.payloadBytes || sha256(payloadText) !== header.payloadSha256) return 'corrupt';
  try {
    const payload = JSON.parse(payloadText) as IndexPayload;
    const miniSearch = MiniSearch.loadJS<IndexedFields>(payload.miniSearch, MINISEARCH_OPTIONS);
    if (miniSearch.documentCount !== knowledge.passages.length) return 'stale';
    const table = (entries: [string, readonly (readonly string[])[]][]): PhraseTable => new Map(entries);
    return {
      knowledge,
      miniSearch,
      documentFrequency: new Map(payload.documentFrequency),
      aliases: { written: table(payload.written), learned: table(payload.learned) },
    };
  } catch {
    return 'corrupt';
  }
}
