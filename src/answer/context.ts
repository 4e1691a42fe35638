/**
 * The paragraphs around a passage, for "More context": the cited paragraph(s) with their
 * neighbours in the same document, verbatim.
 */
import { SECTION_SEPARATOR } from '../knowledge/chunk.js';
import type { KnowledgeBase, Passage } from '../knowledge/types.js';
import { viewPassage, type PassageView } from './passage-view.js';

/** Paragraphs shown before and after the cited ones, unless the caller says otherwise. */
const CONTEXT_RADIUS = 1;

/** One paragraph (or list) of the surrounding text. */
interface ContextParagraph {
  /** Verbatim. */
  readonly text: string;
  /** Heading path joined with ` › `; empty before the first heading. */
  readonly section: string;
  readonly paragraph: number;
  /** True for the paragraph(s) the passage comes from. */
  readonly cited: boolean;
}

/** A passage in its surroundings. */
export interface PassageContext extends PassageView {
  readonly paragraphs: readonly ContextParagraph[];
}

/**
 * The paragraphs overlapping a passage plus `radius` paragraphs either side, in document order.
 *
 * @example surroundingContext(knowledge, passage).paragraphs.map((p) => p.cited) // [false, true, false]
 */
export function surroundingContext(knowledge: KnowledgeBase, passage: Passage, radius: number = CONTEXT_RADIUS): PassageContext {
  const document = knowledge.documents[passage.documentIndex];
  if (document === undefined) throw new Error(`passage ${passage.id} names a missing document ${passage.documentIndex}`);
  const blocks = document.blocks;
  const overlaps = (b: { start: number; end: number }): boolean => b.start < passage.end && passage.start < b.end;
  const first = blocks.findIndex(overlaps);
  const last = blocks.findLastIndex(overlaps);
  const paragraphs: ContextParagraph[] =
    first < 0
      ? [{ text: passage.text, section: passage.section, paragraph: passage.paragraph, cited: true }]
      : blocks.slice(Math.max(0, first - radius), last + radius + 1).map((block) => ({
          text: document.text.slice(block.start, block.end),
          section: block.headingPath.join(SECTION_SEPARATOR),
          paragraph: block.paragraph,
          cited: overlaps(block),
        }));
  return { ...viewPassage(knowledge.root, document, passage), paragraphs };
}
