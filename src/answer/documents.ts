/**
 * What the knowledge holds, document by document, for /sources.
 */
import type { KnowledgeBase } from '../knowledge/types.js';

/** One document in a listing. */
export interface DocumentSummary {
  readonly title: string;
  /** Path inside the knowledge folder. */
  readonly path: string;
  readonly url?: string;
  readonly license?: string;
  readonly sections: number;
  readonly passages: number;
  /** Last modification of the file (ms since epoch). */
  readonly modifiedMs: number;
}

/**
 * Summarises every document, in the knowledge base's order.
 *
 * @example summarizeDocuments(knowledge)[0] // { title: 'Foreign …', sections: 9, passages: 11, … }
 */
export function summarizeDocuments(knowledge: KnowledgeBase): DocumentSummary[] {
  const counts = new Map<number, number>();
  for (const passage of knowledge.passages) counts.set(passage.documentIndex, (counts.get(passage.documentIndex) ?? 0) + 1);
  return knowledge.documents.map((document, i) => ({
    title: document.title,
    path: document.path,
    ...(document.url === undefined ? {} : { url: document.url }),
    ...(document.license === undefined ? {} : { license: document.license }),
    sections: document.sections.length,
    passages: counts.get(i) ?? 0,
    modifiedMs: document.modifiedMs,
  }));
}
