import { basename, extname } from 'node:path';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { ClaimQuery, QaQuestion, SquadQuestion } from './question-sets.js';

// These normalisations mirror the shared scorers (score-qa.mjs, score-squad.mjs) so that
// `npm run eval` and the external scorers agree to the decimal.
const stripMarks = (s: string): string => s.replace(/\*\*|__/g, '');
/** Whitespace as the SQuAD scorer sees it: zero-width characters dropped, runs of spaces made one. */
export const squadSpace = (s: string): string => s.replace(/[\u200b\u200e\ufeff]/g, '').replace(/\s+/g, ' ').trim();
const squadNorm = (s: string): string => squadSpace(s).toLowerCase();
const qaNorm = (s: string): string =>
  s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').toLowerCase();
const fragments = (s: string): string[] => stripMarks(s).split(/…|\.\.\.(?=\s|$)/).map(squadSpace).filter((f) => f.length >= 8);
const shownChars = (text: string): number => stripMarks(text).replace(/\s+/g, ' ').trim().length;

/** What the scorers read of an answer: whether it answered, and the shown excerpts with their citations. */
export interface ScoredAnswer {
  readonly answered: boolean;
  readonly reason?: string;
  readonly excerpts: readonly { readonly text: string; readonly citation: { readonly title: string; readonly source: string } }[];
}

/** A metric name → value (shares in [0, 1]). */
export type Scores = Record<string, number>;

/**
 * What one question's answer came to, for abstention curves and rank pictures: whether the
 * knowledge holds its answer (`inScope`), whether Footnote answered, and the 0-based rank of the
 * first shown excerpt with the gold answer (-1 when none shows it).
 */
export interface GoldRank {
  readonly inScope: boolean;
  readonly answered: boolean;
  readonly goldRank: number;
}

/** What every scorer returns: the scores, readable misses and each question's gold rank. */
export interface Scored {
  readonly scores: Scores;
  readonly misses: string[];
  readonly ranks: readonly GoldRank[];
}

const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * Scores answers to development questions as `score-qa.mjs` does: hit@1/hit@3 (a gold phrase
 * in a shown excerpt), abstention on out-of-scope questions, false abstentions, excerpt length.
 */
export function scoreQa(questions: readonly QaQuestion[], answers: readonly ScoredAnswer[]): Scored {
  const misses: string[] = [];
  const ranks: GoldRank[] = [];
  const inScope: { hit1: number; hit3: number; abstained: number }[] = [];
  const oos: number[] = [];
  const chars: number[] = [];
  questions.forEach((q, i) => {
    const answer = answers[i]!;
    const shown = answer.excerpts.map((e) => qaNorm(e.text));
    answer.excerpts.slice(0, 3).forEach((e) => chars.push(shownChars(e.text)));
    if (q.kind === 'oos') {
      ranks.push({ inScope: false, answered: answer.answered, goldRank: -1 });
      oos.push(answer.answered ? 0 : 1);
      if (answer.answered) misses.push(`OOS answered: ${q.q} -> ${shown[0]?.slice(0, 100)}`);
      return;
    }
    const hit = (k: number): number => (shown.slice(0, k).some((t) => q.gold.some((g) => t.includes(qaNorm(g)))) ? 1 : 0);
    inScope.push({ hit1: hit(1), hit3: hit(3), abstained: answer.answered ? 0 : 1 });
    ranks.push({ inScope: true, answered: answer.answered, goldRank: shown.findIndex((t) => q.gold.some((g) => t.includes(qaNorm(g)))) });
    if (!answer.answered) misses.push(`abstained: ${q.q} (${answer.reason ?? ''})`);
    if (!hit(3)) misses.push(`miss@3 [${q.kind}]: ${q.q} -> ${shown[0]?.slice(0, 100)}`);
  });
  return {
    scores: {
      'hit@1': mean(inScope.map((r) => r.hit1)),
      'hit@3': mean(inScope.map((r) => r.hit3)),
      'oos-abstain': oos.length === 0 ? 1 : mean(oos),
      'false-abstain': mean(inScope.map((r) => r.abstained)),
      'chars/excerpt': mean(chars),
    },
    misses,
    ranks,
  };
}

/** The knowledge a SQuAD scorer needs: each article's paragraphs (whitespace-normalised) by title. */
export type SquadParagraphs = ReadonlyMap<string, readonly string[]>;

/** The paragraphs of every document by title, normalised as `score-squad.mjs` reads them. */
export function squadParagraphs(knowledge: KnowledgeBase): SquadParagraphs {
  return new Map(knowledge.documents.map((d) => [d.title, d.blocks.map((b) => squadSpace(d.text.slice(b.start, b.end)))]));
}

/**
 * Scores answers to SQuAD questions as `score-squad.mjs` does: hit@k (an excerpt among the
 * top k comes from the gold paragraph), MRR@10, answer@k (a gold answer in a shown excerpt),
 * fidelity (excerpts verbatim in their cited document) and characters per excerpt.
 */
export function scoreSquad(questions: readonly SquadQuestion[], answers: readonly ScoredAnswer[], paragraphs: SquadParagraphs): Scored {
  const misses: string[] = [];
  const rows = questions.map((q, i) => {
    const answer = answers[i]!;
    const gold = paragraphs.get(q.title)?.[q.paragraph] ?? '';
    const wanted = q.answers.map(squadNorm);
    const fromGold = answer.excerpts.map((e) => {
      const parts = fragments(e.text);
      return e.citation.title === q.title && parts.length > 0 && parts.every((f) => gold.includes(f));
    });
    const hasAnswer = answer.excerpts.map((e) => wanted.some((a) => squadNorm(stripMarks(e.text)).includes(a)));
    const faithful = answer.excerpts.slice(0, 3).map((e) => {
      const all = (paragraphs.get(e.citation.title) ?? []).join(' ');
      const parts = fragments(e.text);
      return parts.length > 0 && parts.every((f) => all.includes(f)) ? 1 : 0;
    });
    const rank = fromGold.slice(0, 10).indexOf(true);
    if (!hasAnswer.slice(0, 3).some(Boolean)) misses.push(`miss: ${q.question} [${q.answers[0]}] -> ${squadSpace(stripMarks(answer.excerpts[0]?.text ?? '')).slice(0, 120)}`);
    return {
      hit1: fromGold[0] ? 1 : 0,
      hit3: fromGold.slice(0, 3).some(Boolean) ? 1 : 0,
      mrr: rank >= 0 ? 1 / (rank + 1) : 0,
      answer1: hasAnswer[0] ? 1 : 0,
      answer3: hasAnswer.slice(0, 3).some(Boolean) ? 1 : 0,
      faithful,
      chars: answer.excerpts.slice(0, 3).map((e) => squadSpace(stripMarks(e.text)).length),
      abstained: answer.answered ? 0 : 1,
      rank: { inScope: true, answered: answer.answered, goldRank: rank },
    };
  });
  return {
    scores: {
      'hit@1': mean(rows.map((r) => r.hit1)),
      'hit@3': mean(rows.map((r) => r.hit3)),
      'mrr@10': mean(rows.map((r) => r.mrr)),
      'answer@1': mean(rows.map((r) => r.answer1)),
      'answer@3': mean(rows.map((r) => r.answer3)),
      fidelity: mean(rows.flatMap((r) => r.faithful)),
      'chars/excerpt': mean(rows.flatMap((r) => r.chars)),
      abstained: mean(rows.map((r) => r.abstained)),
    },
    misses,
    ranks: rows.map((r) => r.rank),
  };
}

/** The document id of a citation source, as BEIR's SciFact scorer reads it (`…/4983.md` → `4983`). */
export const documentIdOf = (source: string): string => basename(source.replace(/[#?].*$/, ''), extname(source.replace(/[#?].*$/, '')));

/**
 * Scores claim retrieval with BEIR's definitions: nDCG@10, recall@10, MRR@10, hit@1, hit@3
 * over the first ten distinct documents cited.
 */
export function scoreClaims(queries: readonly ClaimQuery[], answers: readonly ScoredAnswer[]): Scored {
  const rows = queries.map((q, i) => {
    const ranking: string[] = [];
    for (const e of answers[i]!.excerpts) {
      const id = documentIdOf(e.citation.source);
      if (!ranking.includes(id)) ranking.push(id);
      if (ranking.length === 10) break;
    }
    const relevant = new Set(q.relevant);
    const gains = ranking.map((id) => (relevant.has(id) ? 1 : 0));
    const dcg = gains.reduce((sum: number, g, r) => sum + g / Math.log2(r + 2), 0);
    let ideal = 0;
    for (let r = 0; r < Math.min(relevant.size, 10); r++) ideal += 1 / Math.log2(r + 2);
    const first = gains.indexOf(1);
    return {
      ndcg: dcg / ideal,
      recall: gains.reduce((a: number, b) => a + b, 0) / relevant.size,
      mrr: first >= 0 ? 1 / (first + 1) : 0,
      hit1: gains[0] ?? 0,
      hit3: gains.slice(0, 3).some(Boolean) ? 1 : 0,
      rank: { inScope: true, answered: answers[i]!.answered, goldRank: first },
    };
  });
  return {
    scores: {
      'ndcg@10': mean(rows.map((r) => r.ndcg)),
      'recall@10': mean(rows.map((r) => r.recall)),
      'mrr@10': mean(rows.map((r) => r.mrr)),
      'hit@1': mean(rows.map((r) => r.hit1)),
      'hit@3': mean(rows.map((r) => r.hit3)),
    },
    misses: [],
    ranks: rows.map((r) => r.rank),
  };
}
