/**
 * A whole passage with its citation: what /search shows when someone picks a passage.
 */
import type { Passage, SourceDocument } from '../knowledge/types.js';
import { citationFor, type Citation } from './citation.js';
import type { Excerpt } from './excerpt.js';

/** A passage, its document and its citation. */
export interface PassageView {
  readonly passage: Passage;
  readonly document: SourceDocument;
  readonly citation: Citation;
}

/**
 * The passage as an excerpt of itself, for citing it whole.
 *
 * @example wholePassageExcerpt(passage).text === passage.text // true
 */
export function wholePassageExcerpt(passage: Passage): Excerpt {
  return { text: passage.text, start: passage.start, end: passage.end, highlights: [], cutBefore: false, cutAfter: false };
}

/**
 * Cites a whole passage (link to its section, with a text fragment of its first and last words).
 *
 * @example viewPassage(knowledge.root, document, passage).citation.paragraph // 1
 */
export function viewPassage(knowledgeRoot: string, document: SourceDocument, passage: Passage): PassageView {
  return { passage, document, citation: citationFor(knowledgeRoot, document, passage, wholePassageExcerpt(passage)) };
}
