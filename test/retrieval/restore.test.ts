/**
 * Loading a persisted index restores the knowledge without parsing it: texts are decoded when
 * first read and the content is hashed from the bytes. These tests pin that the result is the
 * knowledge base loading the folder gives, and that old index files are rebuilt.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { knowledgeContentHash } from '../../src/retrieval/content-hash.js';
import { openIndex } from '../../src/retrieval/open-index.js';
import { INDEX_FORMAT_VERSION, indexPathFor, loadIndex, indexKey } from '../../src/retrieval/persist.js';
import { restoreKnowledge } from '../../src/retrieval/stored-knowledge.js';
import { removeScratch, scratchDir, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

const BOM = '\ufeff';
const FILES = {
  'café.md': `${BOM}# Café\n\nThe café serves crème brûlée — and 🍰 cake.\n\n## Hours\n\nOpen from 8 to 18.\n`,
  'rules/zebra.md': '# Zebra\n\nThe zebra crossed the river.\n\nThe lion slept in the shade.\n',
  'aliases.yaml': 'lion: [big cat]\n',
};

async function openTwice(files: Record<string, string>): Promise<{ root: string; cacheDir: string; warnings: string[]; origins: string[] }> {
  const root = await writeKnowledge(files);
  const cacheDir = join(await scratchDir(), 'cache');
  const warnings: string[] = [];
  const origins: string[] = [];
  for (let i = 0; i < 2; i++) origins.push((await openIndex(root, { cacheDir, warn: (w) => warnings.push(w) })).origin);
  return { root, cacheDir, warnings, origins };
}

describe('a persisted index, loaded', () => {
  it('restores exactly the knowledge base that loading the folder gives (non-ASCII text, byte-order mark, collections)', async () => {
    // given: an index built and saved
    const { root, cacheDir } = await openTwice(FILES);
    // when: it is loaded
    const loaded = await openIndex(root, { cacheDir });
    // then: documents, passages (texts included), aliases are those of a fresh load
    expect(loaded.origin).toBe('loaded');
    const fresh = await loadKnowledge(root);
    expect(loaded.knowledge).toEqual(fresh);
    expect(loaded.knowledge.passages.map((p) => p.text)).toEqual(fresh.passages.map((p) => p.text));
    expect(loaded.knowledge.documents[0]!.text.startsWith('# Café')).toBe(true);
  });

  it('has passages whose text survives a copy, as a plain property would', async () => {
    const { root, cacheDir } = await openTwice(FILES);
    const loaded = await openIndex(root, { cacheDir });
    const passage = loaded.knowledge.passages.find((p) => p.text.includes('zebra'))!;
    expect({ ...passage }.text).toBe('The zebra crossed the river.');
    expect(JSON.parse(JSON.stringify(passage)).text).toBe('The zebra crossed the river.');
    expect(Object.keys(passage)).toContain('text');
  });

  it('hashes the restored bytes exactly as the loaded texts (byte-order mark dropped)', async () => {
    // given
    const { root, cacheDir } = await openTwice(FILES);
    const persisted = loadIndex(indexPathFor(root, cacheDir), indexKey());
    if (typeof persisted === 'string') throw new Error(`index not readable: ${persisted}`);
    // when
    const restored = restoreKnowledge(root, persisted.stored);
    // then
    expect(restored?.contentHash).toBe(knowledgeContentHash(await loadKnowledge(root)));
    expect(restored?.contentHash).toBe(persisted.header.contentHash);
  });

  it('answers the same questions with the same excerpts as the index it was built as', async () => {
    const root = await writeKnowledge(FILES);
    const cacheDir = join(await scratchDir(), 'cache');
    const built = await openIndex(root, { cacheDir });
    const loaded = await openIndex(root, { cacheDir });
    expect(loaded.origin).toBe('loaded');
    for (const question of ['What does the café serve?', 'Which animal crossed the river?', 'big cat']) {
      expect(JSON.stringify(answerQuestion(loaded, question))).toBe(JSON.stringify(answerQuestion(built, question)));
    }
  });

  it('is not served when a file no longer decodes, though its size and time are unchanged', async () => {
    // given: an index, then one byte of a file made invalid UTF-8 (same length)
    const { root, cacheDir } = await openTwice(FILES);
    const persisted = loadIndex(indexPathFor(root, cacheDir), indexKey());
    if (typeof persisted === 'string') throw new Error(`index not readable: ${persisted}`);
    const file = join(root, 'rules', 'zebra.md');
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('z'.charCodeAt(0))] = 0xff;
    writeFileSync(file, bytes);
    // then: nothing is restored (the folder is loaded the normal way, which reports the file)
    expect(restoreKnowledge(root, persisted.stored)).toBeUndefined();
    await expect(openIndex(root, { cacheDir })).rejects.toThrow(/invalid UTF-8/);
  });

  it(`rebuilds, without a warning, an index file of the previous format (${INDEX_FORMAT_VERSION - 1})`, async () => {
    // given: a saved index whose header says it has the previous format
    const { root, cacheDir } = await openTwice(FILES);
    const path = indexPathFor(root, cacheDir);
    const file = readFileSync(path);
    const newline = file.indexOf(0x0a);
    const header = JSON.parse(file.subarray(0, newline).toString('utf8')) as { format: number };
    writeFileSync(path, Buffer.concat([Buffer.from(JSON.stringify({ ...header, format: INDEX_FORMAT_VERSION - 1 })), file.subarray(newline)]));
    // when
    const warnings: string[] = [];
    const reopened = await openIndex(root, { cacheDir, warn: (w) => warnings.push(w) });
    // then
    expect(reopened.origin).toBe('built');
    expect(warnings).toEqual([]);
    expect((await openIndex(root, { cacheDir })).origin).toBe('loaded');
  });
});
