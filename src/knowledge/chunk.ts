/**
 * Blocks → passages: one passage per paragraph or list, long ones cut on sentence (or item) boundaries.
 */
import { passageIds } from './passage-id.js';
import { splitSentences, type TextRange } from './sentences.js';
import { LIST_ITEM_START } from './list-marker.js';
import { splitLines, trimRange } from './lines.js';
import type { Block, Passage, SourceDocument } from './types.js';

/** A block longer than this is split into several passages. */
export const MAX_PASSAGE_CHARS = 1500;
/** The length split passages aim for (never exceeded unless one sentence is longer). */
export const TARGET_PASSAGE_CHARS = 1000;
/** Joins a heading path into a passage's `section`. */
export const SECTION_SEPARATOR = ' › ';

/**
 * Cuts a document into passages, in block order. Every passage keeps its block's paragraph number
 * and section; its text is `doc.text.slice(start, end)`.
 *
 * @example
 * chunkDocument(doc, 0)[0] // { id: 'guide:3f2a…', documentIndex: 0, title: 'Guide', section: 'Setup', paragraph: 1, start: 42, end: 57, text: 'Run npm start.' }
 */
export function chunkDocument(doc: SourceDocument, documentIndex: number): Passage[] {
  const drafts = doc.blocks.flatMap((block) => {
    const section = block.headingPath.join(SECTION_SEPARATOR);
    return blockRanges(doc.text, block).map(({ start, end }) => ({
      section,
      paragraph: block.paragraph,
      start,
      end,
      text: doc.text.slice(start, end),
    }));
  });
  const ids = passageIds(doc.path, drafts);
  return drafts.map((draft, index) => ({ id: ids[index] ?? '', documentIndex, title: doc.title, ...draft }));
}

/**
 * The passage ranges of one block: the block itself when short enough; otherwise windows of at most
 * {@link TARGET_PASSAGE_CHARS}, over sentences (consecutive windows share one sentence) or over list
 * items (no overlap; an over-long item is split into sentences).
 *
 * @example blockRanges('One. Two.', { start: 0, end: 9 } as Block) // [{ start: 0, end: 9 }]
 */
function blockRanges(text: string, block: Pick<Block, 'kind' | 'start' | 'end'>): TextRange[] {
  if (block.end - block.start <= MAX_PASSAGE_CHARS) return [{ start: block.start, end: block.end }];
  const sentencesOf = (range: TextRange): TextRange[] =>
    splitSentences(text.slice(range.start, range.end), range.start);
  if (block.kind === 'paragraph') return windows(sentencesOf(block), true);
  const units = listItems(text, block).flatMap((item) =>
    item.end - item.start > MAX_PASSAGE_CHARS ? sentencesOf(item) : [item],
  );
  return windows(units, false);
}

/** The items of a list block: each starts at a list marker and runs to the next one. */
function listItems(text: string, block: TextRange): TextRange[] {
  const starts = splitLines(text.slice(block.start, block.end))
    .filter((line) => LIST_ITEM_START.test(text.slice(block.start + line.start, block.start + line.end)))
    .map((line) => block.start + line.start);
  return starts.map((start, index) => trimRange(text, start, starts[index + 1] ?? block.end));
}

/** Greedy windows of consecutive units, each at most TARGET_PASSAGE_CHARS unless a unit alone is longer. */
function windows(units: readonly TextRange[], overlap: boolean): TextRange[] {
  const result: TextRange[] = [];
  const span = (from: number, to: number): number => (units[to]?.end ?? 0) - (units[from]?.start ?? 0);
  let first = 0;
  while (first < units.length) {
    let last = first;
    while (last + 1 < units.length && span(first, last + 1) <= TARGET_PASSAGE_CHARS) last += 1;
    const start = units[first]?.start ?? 0;
    const end = units[last]?.end ?? start;
    result.push({ start, end });
    if (last + 1 >= units.length) break;
    // Overlap by the last unit only when that still leaves room for a new one.
    first = overlap && last > first && span(last, last + 1) <= TARGET_PASSAGE_CHARS ? last : last + 1;
  }
  return result;
}
