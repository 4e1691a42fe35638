import type { KnowledgeBase, Passage } from '../knowledge/types.js';
import { AliasLearner, analyseWrittenAliases, type AliasTable } from './aliases.js';
import { PassageMiniSearch } from './engine.js';
import { INDEX_FIELDS } from './options.js';
import { PostingsBuilder, type Postings } from './postings.js';
import { analyze, tokenize } from './terms.js';

/** Per-field statistics for scoring passages with BM25 outside MiniSearch (re-ranking). */
export interface FieldStatistics {
  /** Number of terms of each field, per passage id: `lengths[field][passage]`. */
  readonly lengths: readonly Uint32Array[];
  readonly averageLengths: readonly number[];
  /** Term → number of passages containing it, per field: `[title, section, text]`. */
  readonly frequencies: ReadonlyMap<string, readonly number[]>;
}

/** A knowledge base made searchable: MiniSearch plus the statistics the re-ranker needs. */
export interface SearchIndex {
  readonly knowledge: KnowledgeBase;
  readonly miniSearch: PassageMiniSearch;
  /** In how many passages each index term occurs (any field). */
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly fieldStatistics: FieldStatistics;
  readonly aliases: AliasTable;
}

/** What analysis of the passages yields: the postings and the learned acronyms. */
export interface AnalysedKnowledge {
  readonly postings: Postings;
  readonly learnedAliases: Map<string, string[][]>;
}

/**
 * Analyses every passage once: its fields into index terms (postings) and its text for
 * acronyms. `onProgress` is called every few thousand passages.
 */
export function analyseKnowledge(passages: readonly Passage[], onProgress?: (done: number) => void): AnalysedKnowledge {
  const builder = new PostingsBuilder(INDEX_FIELDS.length);
  const learner = new AliasLearner();
  const titles = new Map<number, string[]>();
  const sections = new Map<string, string[]>();
  passages.forEach((passage, id) => {
    let title = titles.get(passage.documentIndex);
    if (title === undefined) titles.set(passage.documentIndex, (title = analyze(passage.title)));
    let section = sections.get(passage.section);
    if (section === undefined) sections.set(passage.section, (section = analyze(passage.section)));
    const tokens = tokenize(passage.text);
    const text: string[] = [];
    for (const token of tokens) if (token.term !== null) text.push(token.term);
    builder.add([title, section, text]);
    learner.observe(passage.text, tokens);
    if (onProgress && (id + 1) % 5000 === 0) onProgress(id + 1);
  });
  return { postings: builder.finish(), learnedAliases: learner.table() };
}

/**
 * Puts analysed knowledge together into a search index (MiniSearch filled in bulk).
 */
export function assembleIndex(knowledge: KnowledgeBase, analysed: AnalysedKnowledge): SearchIndex {
  const { postings } = analysed;
  const documentFrequency = new Map<string, number>();
  const frequencies = new Map<string, number[]>();
  postings.vocabulary.forEach((term, t) => {
    documentFrequency.set(term, postings.documentFrequency[t]!);
    frequencies.set(term, postings.fields.map((field) => field.offsets[t + 1]! - field.offsets[t]!));
  });
  return {
    knowledge,
    miniSearch: PassageMiniSearch.fromPostings(postings),
    documentFrequency,
    fieldStatistics: {
      lengths: postings.fields.map((field) => field.lengths),
      averageLengths: postings.fields.map((field) => field.averageLength),
      frequencies,
    },
    aliases: { written: analyseWrittenAliases(knowledge.aliases), learned: analysed.learnedAliases },
  };
}

/**
 * Builds the search index of a knowledge base.
 *
 * @example
 * const index = buildSearchIndex(await loadKnowledge('knowledge'));
 * index.miniSearch.documentCount // number of passages
 */
export function buildSearchIndex(knowledge: KnowledgeBase): SearchIndex {
  return assembleIndex(knowledge, analyseKnowledge(knowledge.passages));
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
