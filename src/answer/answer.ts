import type { SearchIndex } from '../retrieval/search-index.js';
import type { QueryPlan } from '../retrieval/query.js';
import { searchPassages, type RankedPassage } from '../retrieval/search.js';
import { judgeAnswer, type Confidence } from './abstain.js';
import { citationFor, type Citation } from './citation.js';
import { EXCERPT_MAX_CHARS, formatExcerpt, selectExcerpt, type Excerpt } from './excerpt.js';

/** One cited excerpt of an answer. */
export interface AnswerExcerpt {
  /** The excerpt as shown: verbatim text, `**` around matched words, `…` where a sentence is cut. */
  readonly text: string;
  readonly score: number;
  readonly citation: Citation;
  /** The passage it comes from (for "more context" and paging). */
  readonly passageId: string;
  readonly excerpt: Excerpt;
}

/** Footnote's reply to a question. */
export interface Answer {
  readonly question: string;
  /** False when the knowledge does not hold the answer; excerpts are then the closest found. */
  readonly answered: boolean;
  readonly confidence: Confidence;
  /** The strength of the evidence the abstention rule weighed, in [0, 1] (see `judgeAnswer`); for evaluation. */
  readonly evidence?: number;
  readonly reason?: string;
  /**
   * Names of the question the knowledge never uses as typed, read as its spelling that the
   * first excerpt's passage mentions ("Ghandi" read as "Gandhi"); absent when none was.
   */
  readonly readAs?: readonly SpellingRead[];
  /** Best first. */
  readonly excerpts: readonly AnswerExcerpt[];
}

/** A word of the question read as the knowledge's spelling (see `correctName`). */
export interface SpellingRead {
  /** As the question writes it. */
  readonly typed: string;
  /** As the knowledge writes it. */
  readonly read: string;
}

/**
 * The spellings read for misspelled names that a passage mentions: only those say which word
 * the excerpt shows in place of the question's.
 */
function spellingsRead(index: SearchIndex, plan: QueryPlan, passage: RankedPassage | undefined): SpellingRead[] {
  if (passage === undefined) return [];
  const { terms } = index.memo.analysed(passage.passage);
  return plan.concepts.flatMap((concept) => {
    const shown = concept.readAs.filter((c) => terms.has(c.term));
    return shown.length === 0 ? [] : [{ typed: concept.word, read: shown.map((c) => c.word).join(' / ') }];
  });
}

/** Options of {@link answerQuestion}. */
export interface AnswerOptions {
  /** Number of excerpts (default 3). */
  readonly limit?: number;
  /** Skip this many results first (to page through them). */
  readonly offset?: number;
  /** Search only these collections (see `searchPassages`); absent or empty: everything. */
  readonly collections?: readonly string[];
}

export const DEFAULT_EXCERPTS = 3;

const roundScore = (score: number): number => Math.round(score * 1000) / 1000;

/**
 * Answers a question from the index: the best passages, each with its best excerpt and its
 * citation, or an abstention that still lists the closest passages.
 *
 * @example
 * const answer = answerQuestion(index, 'Which countries interfered?');
 * answer.excerpts[0]?.citation.section // ''
 */
export function answerQuestion(index: SearchIndex, question: string, options: AnswerOptions = {}): Answer {
  const limit = options.limit ?? DEFAULT_EXCERPTS;
  const offset = options.offset ?? 0;
  // Abstention weighs the first few passages even when fewer are shown.
  const result = searchPassages(index, question, {
    limit: Math.max(offset + limit, DEFAULT_EXCERPTS),
    ...(options.collections === undefined ? {} : { collections: options.collections }),
  });
  const verdict = judgeAnswer(index, result);
  const toExcerpt = (ranked: RankedPassage): AnswerExcerpt => {
    const { passage } = ranked;
    const document = index.knowledge.documents[passage.documentIndex]!;
    const excerpt = selectExcerpt(result.plan, result.conceptWeights, passage, EXCERPT_MAX_CHARS, index.memo.sentences(passage));
    return {
      text: formatExcerpt(excerpt),
      score: roundScore(ranked.score),
      citation: citationFor(index.knowledge.root, document, passage, excerpt),
      passageId: passage.id,
      excerpt,
    };
  };
  const shown = result.passages.slice(offset, offset + limit);
  const readAs = verdict.answered ? spellingsRead(index, result.plan, shown[0]) : [];
  return {
    question,
    answered: verdict.answered,
    confidence: verdict.confidence,
    evidence: verdict.evidence,
    ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
    ...(readAs.length === 0 ? {} : { readAs }),
    excerpts: shown.map(toExcerpt),
  };
}
