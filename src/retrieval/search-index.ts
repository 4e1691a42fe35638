import MiniSearch from 'minisearch';
import type { KnowledgeBase, Passage } from '../knowledge/types.js';
import { analyseWrittenAliases, learnAliases, type AliasTable } from './aliases.js';
import { MINISEARCH_OPTIONS, type IndexedFields } from './options.js';
import { analyze } from './terms.js';

/** A knowledge base made searchable: MiniSearch plus the statistics the re-ranker needs. */
export interface SearchIndex {
  readonly knowledge: KnowledgeBase;
  readonly miniSearch: MiniSearch<IndexedFields>;
  /** In how many passages each index term occurs (any field). */
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly aliases: AliasTable;
}

/** The analysed fields of every passage, in passage order, and their document frequencies. */
export function analysePassages(passages: readonly Passage[]): {
  fields: IndexedFields[];
  documentFrequency: Map<string, number>;
} {
  const documentFrequency = new Map<string, number>();
  const titles = new Map<number, string>();
  const fields = passages.map((passage, id): IndexedFields => {
    let title = titles.get(passage.documentIndex);
    if (title === undefined) {
      title = analyze(passage.title).join(' ');
      titles.set(passage.documentIndex, title);
    }
    const section = analyze(passage.section).join(' ');
    const text = analyze(passage.text).join(' ');
    const distinct = new Set(`${title} ${section} ${text}`.split(' '));
    distinct.delete('');
    for (const term of distinct) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    return { id, title, section, text };
  });
  return { fields, documentFrequency };
}

/**
 * Builds the search index of a knowledge base.
 *
 * @example
 * const index = buildSearchIndex(await loadKnowledge('knowledge'));
 * index.miniSearch.documentCount // number of passages
 */
export function buildSearchIndex(knowledge: KnowledgeBase): SearchIndex {
  const { fields, documentFrequency } = analysePassages(knowledge.passages);
  const miniSearch = new MiniSearch<IndexedFields>(MINISEARCH_OPTIONS);
  miniSearch.addAll(fields);
  const aliases: AliasTable = {
    written: analyseWrittenAliases(knowledge.aliases),
    learned: learnAliases(knowledge.documents.map((d) => d.text)),
  };
  return { knowledge, miniSearch, documentFrequency, aliases };
}

/**
 * Inverse document frequency of an index term (BM25's, always positive); a term that occurs
 * nowhere gets the highest value the collection allows.
 *
 * @example inverseDocumentFrequency(index, 'russia')
 */
export function inverseDocumentFrequency(index: SearchIndex, term: string): number {
  const total = index.knowledge.passages.length;
  const frequency = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
}
