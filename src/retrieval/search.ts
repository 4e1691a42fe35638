import type { Passage } from '../knowledge/types.js';
import { lowerCaseExpansions } from './aliases.js';
import { RANKING, searchOptionsFor } from './options.js';
import { correctName, indexVocabulary } from './name-spelling.js';
import { planQuery, type QueryPlan } from './query.js';
import { toTerm } from './terms.js';
import { bm25Score } from './bm25.js';
import { conceptRows } from './related-words.js';
import { wordVectors } from './word-vectors.js';
import { candidateWeights, conceptWeights, passageFeatures, rankFeatures, type PassageFeatures } from './rerank.js';
import { questionSurface } from './surface.js';
import type { SearchIndex } from './search-index.js';

/** A passage found for a question, with the evidence behind its rank. */
export interface RankedPassage {
  readonly passage: Passage;
  /** Final score (higher is better); comparable only within one search. */
  readonly score: number;
  /** MiniSearch's BM25 score, relative to the best candidate (0–1]. */
  readonly bm25: number;
  readonly features: PassageFeatures;
}

/** The outcome of one search: the analysed question and the ranked passages. */
export interface SearchResult {
  readonly plan: QueryPlan;
  /** IDF weight of each concept of the plan, in order. */
  readonly conceptWeights: readonly number[];
  readonly passages: readonly RankedPassage[];
}

/** Options of {@link searchPassages}. */
export interface SearchPassagesOptions {
  /** How many passages to return (default 10). */
  readonly limit?: number;
  /**
   * Search only these collections (see `SourceDocument.collection`); documents at the top of
   * the knowledge folder belong to every collection. Absent or empty: search everything.
   */
  readonly collections?: readonly string[];
}

/**
 * Whether a document may be searched under a collection restriction: documents outside any
 * collection always may.
 *
 * @example inCollections({ collection: 'modding' }, ['game-rules']) // false
 */
export function inCollections(document: { readonly collection?: string }, collections: readonly string[] | undefined): boolean {
  return collections === undefined || collections.length === 0 || document.collection === undefined || collections.includes(document.collection);
}

const DEFAULT_LIMIT = 10;
/** Documents read to find the lower-case expansion of an acronym. */
const ACRONYM_DOCUMENTS = 3;

/**
 * Lower-case expansions of an acronym ("artificial intelligence" for AI), read from the few
 * documents that use it most, once per index and acronym.
 */
function acronymExpansions(index: SearchIndex, letters: string): readonly (readonly string[])[] {
  return index.memo.acronym(letters, () => {
    const documents = new Set<number>();
    // The acronym's index term: its capitals, or lower case when it has a digit ("HNF4A" → hnf4a).
    const term = toTerm(letters.toUpperCase()) ?? letters.toUpperCase();
    for (const hit of index.miniSearch.search(term, { fields: ['text'] })) {
      documents.add(index.knowledge.passages[hit.id as number]!.documentIndex);
      if (documents.size === ACRONYM_DOCUMENTS) break;
    }
    const found = new Map<string, readonly string[]>();
    for (const documentIndex of documents) {
      for (const phrase of lowerCaseExpansions(index.knowledge.documents[documentIndex]!.text, letters)) found.set(phrase.join(' '), phrase);
    }
    return [...found.values()];
  });
}

/** The re-ranker's inputs, by name: BM25 (relative to the top candidate) and the passage features. */
export type RerankInputs = Record<keyof typeof RANKING.rerank, number>;

/** The inputs of the re-ranker for a candidate, in the order of `RANKING.rerank`. */
export function rerankInputs(bm25: number, f: PassageFeatures): RerankInputs {
  return {
    bm25,
    coverage: f.coverage,
    proximity: f.proximity,
    phrase: f.phrase,
    heading: f.heading,
    length: f.length,
    localCoverage: f.localCoverage,
    sentenceCoverage: f.sentenceCoverage,
    words: f.words,
    pairs: f.pairs,
    sentencePairs: f.sentencePairs,
    run: f.run,
    related: f.related,
  };
}

/**
 * The re-ranker's score of a candidate: a linear model over {@link rerankInputs} with the
 * weights of `RANKING.rerank`.
 */
export function rerankScore(bm25: number, f: PassageFeatures): number {
  const inputs = rerankInputs(bm25, f);
  let score = 0;
  for (const name in RANKING.rerank) score += RANKING.rerank[name as keyof RerankInputs] * inputs[name as keyof RerankInputs];
  return score;
}

/** One result per paragraph: overlapping chunks of a long paragraph are one citation. */
const paragraphKey = (p: Passage): string => `${p.documentIndex}\u0000${p.section}\u0000${p.paragraph}`;

/**
 * Finds the passages that best answer a question: BM25 candidates from MiniSearch, then
 * re-ranked by how much of the question each covers, how close together and in what order.
 *
 * @example
 * const { passages } = searchPassages(index, 'Who leads the threat?');
 * passages[0]?.passage.section // 'Analysis'
 */
export function searchPassages(index: SearchIndex, question: string, options: SearchPassagesOptions = {}): SearchResult {
  const plan = planQuery(
    question,
    index.aliases,
    (term) => index.documentFrequency.has(term),
    (letters) => acronymExpansions(index, letters),
    RANKING.expansionWeight,
    (word) => correctName(word, indexVocabulary(index)),
  );
  const weights = conceptWeights(index, plan);
  const frequency = (term: string): number => index.documentFrequency.get(term) ?? 0;
  const known = [...plan.weights.keys()].filter((t) => frequency(t) > 0).sort((a, b) => frequency(a) - frequency(b));
  if (known.length === 0) return { plan, conceptWeights: weights, passages: [] };

  // Candidates come from the rarer words, within a budget of postings; common words join in
  // the full scoring below. Over a small index every word fits the budget.
  const candidateTerms: string[] = [];
  let postings = 0;
  for (const term of known) {
    if (candidateTerms.length > 0 && postings + frequency(term) > RANKING.candidatePostings) break;
    candidateTerms.push(term);
    postings += frequency(term);
  }
  const { collections } = options;
  const restricted = collections !== undefined && collections.length > 0;
  const searchOptions = searchOptionsFor((term) => plan.weights.get(term) ?? 1);
  if (restricted) {
    const { passages, documents } = index.knowledge;
    searchOptions.filter = (hit) => inCollections(documents[passages[hit.id as number]!.documentIndex]!, collections);
  }
  const candidates = index.miniSearch.search(candidateTerms.join(' '), searchOptions).slice(0, RANKING.candidates);

  const knownWeights = new Map(known.map((term) => [term, plan.weights.get(term) ?? 1]));
  const coordination = plan.concepts.length <= RANKING.coordinationMaxConcepts;
  const scored = candidates.map((candidate) => {
    const id = candidate.id as number;
    const analysed = index.memo.analysed(index.knowledge.passages[id]!);
    return { analysed, bm25: bm25Score(index, knownWeights, analysed, id, { coordination }) };
  });
  const top = Math.max(...scored.map((s) => s.bm25), Number.MIN_VALUE);
  const matches = scored.map(({ analysed }) => passageFeatures(plan, weights, analysed));
  const rarity = candidateWeights(weights, matches.map((m) => m.matched));
  // The candidates' words are numbered first, so that the question's words are found among them.
  const surfaces = scored.map(({ analysed }) => index.memo.surface(analysed.passage));
  const surface = questionSurface(question, index.memo.wordNumbers);
  const vectors = wordVectors();
  const related = { vectors, numbers: index.memo.wordNumbers, rows: conceptRows(plan, vectors) };
  const ranked = scored.map(({ analysed, bm25: raw }, i): RankedPassage => {
    const features = rankFeatures(plan, weights, rarity, surface, analysed, surfaces[i]!, matches[i]!, related);
    const bm25 = raw / top;
    return { passage: analysed.passage, score: rerankScore(bm25, features), bm25, features };
  });
  ranked.sort((a, b) => b.score - a.score);

  const seen = new Set<string>();
  const passages = ranked.filter((r) => {
    const key = paragraphKey(r.passage);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { plan, conceptWeights: weights, passages: passages.slice(0, options.limit ?? DEFAULT_LIMIT) };
}
