import type { KnowledgeBase, Passage } from '../knowledge/types.js';
import { AliasLearner, analyseWrittenAliases, wordFlags, type AliasTable } from './aliases.js';
import { withCapitals } from './capitals.js';
import { PassageMiniSearch } from './engine.js';
import { PassageMemo } from './passage-memo.js';
import { INDEX_FIELDS } from './options.js';
import { PostingsBuilder, type Postings } from './postings.js';
import { scanWords, toTerm } from './terms.js';

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
  /** What this index remembers between questions (bounded). */
  readonly memo: PassageMemo;
}

/** What analysis of the passages yields: the postings and the learned acronyms. */
export interface AnalysedKnowledge {
  readonly postings: Postings;
  readonly learnedAliases: Map<string, string[][]>;
}

/** What is known about a distinct word of the knowledge: its term id (-1 for a stop word) and alias flags. */
interface WordInfo {
  readonly termId: number;
  readonly flags: number;
}

/**
 * Analyses every passage once: its fields into index terms (postings) and its words for
 * acronyms. This is the hot loop of indexing, so a word is looked up once in a table of
 * distinct words (term id and flags), and no object is made per word.
 */
export function analyseKnowledge(passages: readonly Passage[], onProgress?: (done: number) => void): AnalysedKnowledge {
  const { postings, learner } = analysePassages(passages, onProgress);
  return { postings, learnedAliases: learner.table() };
}

/** The fields of a passage that analysis reads (a worker thread gets only these). */
export type AnalysablePassage = Pick<Passage, 'documentIndex' | 'title' | 'section' | 'text'>;

/** {@link analyseKnowledge} before the alias table is drawn up, so that parts can be merged. */
export function analysePassages(passages: readonly AnalysablePassage[], onProgress?: (done: number) => void): { postings: Postings; learner: AliasLearner } {
  const builder = new PostingsBuilder(INDEX_FIELDS.length);
  const learner = new AliasLearner();
  const words = new Map<string, WordInfo>();
  const infoOf = (word: string): WordInfo => {
    let info = words.get(word);
    if (info === undefined) {
      const term = toTerm(word);
      info = { termId: term === null ? -1 : builder.termId(term), flags: wordFlags(word) };
      words.set(word, info);
    }
    return info;
  };
  const termIdsOf = (text: string): number[] => {
    const ids: number[] = [];
    scanWords(text, (start, end) => {
      const { termId } = infoOf(text.slice(start, end));
      if (termId >= 0) ids.push(termId);
    });
    return ids;
  };
  const titles = new Map<number, number[]>();
  const sections = new Map<string, number[]>();
  const starts: number[] = [];
  const ends: number[] = [];
  const flags: number[] = [];
  const textTerms: number[] = [];
  passages.forEach((passage, id) => {
    let title = titles.get(passage.documentIndex);
    if (title === undefined) titles.set(passage.documentIndex, (title = termIdsOf(passage.title)));
    let section = sections.get(passage.section);
    if (section === undefined) sections.set(passage.section, (section = termIdsOf(passage.section)));
    const { text } = passage;
    starts.length = ends.length = flags.length = textTerms.length = 0;
    scanWords(text, (start, end) => {
      const info = infoOf(text.slice(start, end));
      starts.push(start);
      ends.push(end);
      flags.push(info.flags);
      if (info.termId >= 0) textTerms.push(info.termId);
    });
    builder.add([title, section, textTerms]);
    learner.observe({ text, count: starts.length, starts, ends, flags });
    if (onProgress && (id + 1) % PROGRESS_EVERY === 0) onProgress(id + 1);
  });
  return { postings: builder.finish(), learner };
}

const PROGRESS_EVERY = 2000;

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
    aliases: { written: withCapitals(analyseWrittenAliases(knowledge.aliases), (term) => documentFrequency.has(term)), learned: analysed.learnedAliases },
    memo: new PassageMemo(),
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
