import { mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { openIndex } from '../../src/retrieval/open-index.js';
import { indexPathFor } from '../../src/retrieval/persist.js';
import type { SearchIndex } from '../../src/retrieval/search-index.js';
import { removeScratch, scratchDir, SHIPPED_KNOWLEDGE, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

const QUESTIONS = [
  "What is Russia's role in the 2024 election interference?",
  'What did the FMIC do?',
  'What did the Kremlin do?',
  'Who wrote Hamlet?',
];

const ZEBRA = { 'animals.md': '# Animals\n\nThe zebra crossed the river.\n\nThe lion slept in the shade.\n' };

/** Everything an answer shows, for comparing indexes. */
const answersOf = (index: SearchIndex, questions: readonly string[]): string =>
  JSON.stringify(questions.map((question) => answerQuestion(index, question)));

/** Opens an index with a temporary cache, collecting warnings instead of printing them. */
async function open(root: string, cacheDir: string): Promise<{ origin: string; warnings: string[]; index: SearchIndex }> {
  const warnings: string[] = [];
  const index = await openIndex(root, { cacheDir, warn: (message) => warnings.push(message) });
  return { origin: index.origin, warnings, index };
}

describe('openIndex with a cache folder', () => {
  it('builds and saves the index the first time, then loads it, with identical answers', async () => {
    // given
    const cacheDir = join(await scratchDir(), 'cache');
    // when
    const first = await open(SHIPPED_KNOWLEDGE, cacheDir);
    const second = await open(SHIPPED_KNOWLEDGE, cacheDir);
    // then
    expect([first.origin, second.origin]).toEqual(['built', 'loaded']);
    expect([first.warnings, second.warnings]).toEqual([[], []]);
    expect(answersOf(second.index, QUESTIONS)).toBe(answersOf(first.index, QUESTIONS));
  });

  it('leaves only the index file behind: it is written to a temporary file and renamed', async () => {
    const cacheDir = join(await scratchDir(), 'cache');
    const root = await writeKnowledge(ZEBRA);
    await open(root, cacheDir);
    expect(readdirSync(cacheDir)).toEqual([indexPathFor(root, cacheDir).slice(cacheDir.length + 1)]);
  });

  it('rebuilds, without a warning, when a knowledge file changes', async () => {
    // given
    const cacheDir = join(await scratchDir(), 'cache');
    const root = await writeKnowledge(ZEBRA);
    await open(root, cacheDir);
    // when
    writeFileSync(join(root, 'animals.md'), '# Animals\n\nThe hippopotamus crossed the river.\n\nThe lion slept in the shade.\n');
    const changed = await open(root, cacheDir);
    // then
    expect(changed.origin).toBe('built');
    expect(changed.warnings).toEqual([]);
    expect(answerQuestion(changed.index, 'Which animal crossed the river?').excerpts[0]?.text).toBe('The hippopotamus **crossed** the **river**.');
    expect((await open(root, cacheDir)).origin).toBe('loaded');
  });

  it('rebuilds when a knowledge file is added', async () => {
    const cacheDir = join(await scratchDir(), 'cache');
    const root = await writeKnowledge(ZEBRA);
    await open(root, cacheDir);
    writeFileSync(join(root, 'plants.md'), '# Plants\n\nTomatoes need sun.\n');
    const changed = await open(root, cacheDir);
    expect(changed.origin).toBe('built');
    expect(answerQuestion(changed.index, 'What do tomatoes need?').excerpts[0]?.text).toBe('**Tomatoes need** sun.');
  });

  const damages: [string, (file: string) => string][] = [
    ['truncated to half', (file) => file.slice(0, file.length / 2)],
    ['cut inside its header', (file) => file.slice(0, 10)],
    ['emptied', () => ''],
    ['a byte flipped in the payload', (file) => flip(file, Math.floor(file.length * 0.6))],
    ['a byte flipped in the header syntax', (file) => `[${file.slice(1)}`],
    ['its payload replaced by other valid JSON', (file) => `${file.slice(0, file.indexOf('\n'))}\n{}`],
  ];

  it.each(damages)('rebuilds an index file %s, with a warning, and answers as before', async (_damage, damage) => {
    // given
    const cacheDir = join(await scratchDir(), 'cache');
    const root = await writeKnowledge(ZEBRA);
    const path = indexPathFor(root, cacheDir);
    const built = await open(root, cacheDir);
    writeFileSync(path, damage(readFileSync(path, 'utf8')));
    // when
    const reopened = await open(root, cacheDir);
    // then
    expect(reopened.origin).toBe('built');
    expect(reopened.warnings).toEqual([`the index file ${path} is damaged; rebuilding it`]);
    expect(answersOf(reopened.index, ['zebra', 'lion'])).toBe(answersOf(built.index, ['zebra', 'lion']));
    expect((await open(root, cacheDir)).origin).toBe('loaded');
  });

  it('answers from a fresh index, with a warning, when the index cannot be saved', async () => {
    // given: a folder stands where the index file should go
    const cacheDir = join(await scratchDir(), 'cache');
    const root = await writeKnowledge(ZEBRA);
    const path = indexPathFor(root, cacheDir);
    mkdirSync(path, { recursive: true });
    // when
    const opened = await open(root, cacheDir);
    // then
    expect(opened.origin).toBe('built');
    expect(opened.warnings).toHaveLength(2);
    expect(opened.warnings[0]).toBe(`cannot read the index file ${path} (EISDIR); building the index instead — fix the file's permissions or delete it`);
    expect(opened.warnings[1]).toMatch(/^could not save the index to .* it will be rebuilt next time$/);
    expect(answerQuestion(opened.index, 'zebra').excerpts[0]?.text).toBe('The **zebra** crossed the river.');
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  // Bug: persist.ts loadIndex treated every read error as "no index yet", so an index file that
  // exists but cannot be read (permission denied, a symbolic-link loop, a folder in its place) was
  // silently rebuilt on every start.
  it('given an index file that exists but cannot be read, when opened, then the reason is reported and the index built', async () => {
    // given: a symbolic link to itself (ELOOP), which root cannot read either (unlike a chmod 000 file)
    const cacheDir = join(await scratchDir(), 'cache');
    const root = await writeKnowledge(ZEBRA);
    const path = indexPathFor(root, cacheDir);
    mkdirSync(cacheDir, { recursive: true });
    symlinkSync(path, path);
    // when
    const opened = await open(root, cacheDir);
    // then: reported once; the save replaces the link, so the next start loads quietly
    expect(opened.warnings).toEqual([`cannot read the index file ${path} (ELOOP); building the index instead — fix the file's permissions or delete it`]);
    expect(answerQuestion(opened.index, 'zebra').excerpts[0]?.text).toBe('The **zebra** crossed the river.');
    expect(await open(root, cacheDir)).toMatchObject({ origin: 'loaded', warnings: [] });
  });

  it('given no index file yet, when opened, then it is built without a warning', async () => {
    const opened = await open(await writeKnowledge(ZEBRA), join(await scratchDir(), 'cache'));
    expect(opened).toMatchObject({ origin: 'built', warnings: [] });
  });

  // Bug: persist.ts loadIndex parses the header line with JSON.parse and reads `header.format`
  // outside any try: an index file whose first line is the JSON literal `null` makes openIndex
  // throw "TypeError: Cannot read properties of null (reading 'format')" instead of rebuilding.
  it('rebuilds an index file whose header line is JSON null instead of crashing', async () => {
    const cacheDir = join(await scratchDir(), 'cache');
    const root = await writeKnowledge(ZEBRA);
    await open(root, cacheDir);
    writeFileSync(indexPathFor(root, cacheDir), 'null\n{}');
    expect((await open(root, cacheDir)).origin).toBe('built');
  });

  // Bug: the cache key uses fingerprintKnowledge (path, size and mtime of each file), not the
  // content, although openIndex has just read every file. A file rewritten with the same size and
  // modification time (an archive extracted again, `cp -p`, `rsync -t`) is served from the stale
  // index: asked "zebra", it answers "The hippo crossed the river.", and "hippo" finds nothing.
  it('never serves a stale index when a file changes but keeps its size and modification time', async () => {
    // given: a file with a whole-second mtime, as archives give them
    const cacheDir = join(await scratchDir(), 'cache');
    const root = await writeKnowledge(ZEBRA);
    const file = join(root, 'animals.md');
    const mtime = 1_700_000_000;
    utimesSync(file, mtime, mtime);
    await open(root, cacheDir);
    // when: the same number of bytes, the same mtime
    writeFileSync(file, readFileSync(file, 'utf8').replace('zebra', 'hippo'));
    utimesSync(file, mtime, mtime);
    const reopened = await open(root, cacheDir);
    // then
    expect(answerQuestion(reopened.index, 'hippo').excerpts[0]?.text).toBe('The **hippo** crossed the river.');
  });
});

/** The text with the character at `at` replaced by a different one. */
function flip(text: string, at: number): string {
  const replacement = text.charAt(at) === 'x' ? 'y' : 'x';
  return text.slice(0, at) + replacement + text.slice(at + 1);
}
