/**
 * One loaded knowledge base with the lookup tables the bot needs, built once per load so that
 * every command sees a consistent view while a reload prepares the next one.
 */
import type { Passage } from '../knowledge/types.js';
import { listSections, type SectionEntry } from '../answer/sections.js';
import type { SearchIndex } from '../retrieval/search-index.js';
import { buildSuggestionTable, type SuggestionTable } from '../retrieval/suggest.js';

/** An index and its lookup tables. Immutable once built. */
export interface KnowledgeSnapshot {
  readonly index: SearchIndex;
  /** When it was loaded (the service's clock). */
  readonly loadedAt: number;
  readonly suggestions: SuggestionTable;
  readonly sections: readonly SectionEntry[];
  readonly passageById: ReadonlyMap<string, Passage>;
  readonly sectionByKey: ReadonlyMap<string, SectionEntry>;
  readonly licenseByTitle: ReadonlyMap<string, string | undefined>;
}

/**
 * Builds the lookup tables of an index.
 *
 * @example const snapshot = buildSnapshot(await openIndex('knowledge'), Date.now());
 */
export function buildSnapshot(index: SearchIndex, loadedAt: number): KnowledgeSnapshot {
  const sections = listSections(index.knowledge);
  return {
    index,
    loadedAt,
    suggestions: buildSuggestionTable(index.knowledge),
    sections,
    passageById: new Map(index.knowledge.passages.map((p) => [p.id, p])),
    sectionByKey: new Map(sections.map((s) => [s.key, s])),
    licenseByTitle: new Map(index.knowledge.documents.map((d) => [d.title, d.license])),
  };
}
