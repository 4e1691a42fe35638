import type { Options, SearchOptions } from 'minisearch';

/**
 * What Footnote puts into MiniSearch for one passage: its fields already analysed into
 * space-separated index terms (see `analyze`), so analysis runs once per passage and the
 * same terms feed both MiniSearch and the re-ranker's statistics.
 */
export interface IndexedFields {
  /** Position of the passage in the knowledge base's passage list. */
  readonly id: number;
  readonly title: string;
  readonly section: string;
  readonly text: string;
}

export const INDEX_FIELDS = ['title', 'section', 'text'] as const;

const splitTerms = (text: string): string[] => (text === '' ? [] : text.split(' '));
const keepTerm = (term: string): string => term;

/**
 * The one MiniSearch options object, used to build, search and load a persisted index
 * (MiniSearch's `loadJSON` must get the options the index was built with).
 *
 * Fields hold pre-analysed terms, so `tokenize` only splits on spaces and `processTerm`
 * keeps terms as they are. Searches pass pre-analysed query terms the same way.
 */
export const MINISEARCH_OPTIONS: Options<IndexedFields> = {
  idField: 'id',
  fields: [...INDEX_FIELDS],
  storeFields: [],
  tokenize: splitTerms,
  processTerm: keepTerm,
};

/**
 * Ranking parameters, tuned on the development sets (`npm run eval`), never on test rows.
 * `bm25` is MiniSearch's BM25+ (k1, b, delta); `boost` weighs a match in each field.
 */
export const RANKING = {
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
  boost: { title: 1.5, section: 1.5, text: 1 },
  /** Names ("Russia", "FMIC") say what a question is about: they weigh more in BM25. */
  nameWeight: 1.5,
  /** Very common English words ("after", "year") weigh less, in BM25 and in coverage. */
  commonWordWeight: 0.5,
  /** Weight of an expansion term (alias or acronym) relative to a term the user typed. */
  expansionWeight: 0.6,
  /**
   * Candidate generation walks the posting lists of the question's rarest words, up to this
   * many postings in all (at least one word); the others count in the full scoring only.
   */
  candidatePostings: 3_000,
  /** How many BM25 candidates the re-ranker looks at. */
  candidates: 40,
  /**
   * The re-ranker's BM25 (BM25F, see `bm25Score`) multiplies by the number of question terms a
   * passage matches only for questions of at most this many content words. Over a short
   * question each word is a large part of it; over a long one (a scientific claim) the bonus
   * rewards passages that match many of its common words, and the IDF-weighted coverage
   * feature already rewards matching more of the question. Chosen on SciFact train (nDCG@10
   * 0.686 → 0.697), keeping SQuAD dev and the dev questions at or above their numbers.
   */
  coordinationMaxConcepts: 5,
  /**
   * The re-ranker: a linear score over BM25 (normalised to the top candidate) and the passage
   * features (see `PassageFeatures`). Fitted listwise (softmax over each question's candidates,
   * `npm run fit -- ranking`) on SQuAD training questions (not dev-1000) and SciFact train claims.
   * `related` and `coverage` are large because they share the work: a word the passage misses
   * moves weight from one to the other in proportion to how related a word it does use is.
   */
  rerank: {
    bm25: 2.778,
    coverage: 8.655,
    proximity: 2.812,
    phrase: 1.700,
    heading: 3.600,
    length: -1.116,
    localCoverage: -0.199,
    sentenceCoverage: 2.193,
    words: 3.169,
    pairs: 1.762,
    sentencePairs: 1.511,
    run: 0.267,
    related: 11.991,
  },
} as const;

/** The MiniSearch search options derived from {@link RANKING}. */
export function searchOptionsFor(boostTerm: (term: string) => number): SearchOptions {
  return {
    boost: { ...RANKING.boost },
    bm25: { ...RANKING.bm25 },
    combineWith: 'OR',
    prefix: false,
    fuzzy: false,
    boostTerm,
  };
}
