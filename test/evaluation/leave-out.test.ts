import { afterAll, describe, expect, it } from 'vitest';
import { articleFolds, leaveArticlesOut, withoutDocuments } from '../../src/evaluation/leave-out.js';
import { goldRankCounts, plotPage, precisionCoverage } from '../../src/evaluation/plot.js';
import type { QuestionOutcome } from '../../src/evaluation/outcomes.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

const ARTICLES = {
  'a.md': '---\ntitle: Warsaw\n---\n# Warsaw\n\nWarsaw is the capital of Poland on the Vistula river.\n',
  'b.md': '---\ntitle: Tesla\n---\n# Tesla\n\nNikola Tesla designed the alternating current induction motor.\n',
  'c.md': '---\ntitle: Normans\n---\n# Normans\n\nThe Normans conquered England in 1066 under William.\n',
};

describe('articleFolds', () => {
  it('splits the articles into disjoint folds covering all of them, the same for the same seed', () => {
    const titles = ['A', 'B', 'C', 'D', 'E'];
    const folds = articleFolds(titles, 2, 5);
    expect(folds.flat().sort()).toEqual(titles);
    expect(folds.map((f) => f.length).sort()).toEqual([2, 3]);
    expect(articleFolds(titles, 2, 5)).toEqual(folds);
  });
});

describe('leaveArticlesOut', () => {
  it('removes held-out documents and renumbers the passages of the others', async () => {
    const knowledge = await loadKnowledge(await writeKnowledge(ARTICLES));
    const kept = withoutDocuments(knowledge, new Set(['Tesla']));
    expect(kept.documents.map((d) => d.title).sort()).toEqual(['Normans', 'Warsaw']);
    for (const p of kept.passages) expect(kept.documents[p.documentIndex]?.title).toBe(p.title);
  });

  it('abstains on questions about held-out articles and answers the others', async () => {
    // given: one question per article, three folds (one article held out in each)
    const knowledge = await loadKnowledge(await writeKnowledge(ARTICLES));
    const questions = [
      { question: 'What river is Warsaw on?', title: 'Warsaw', paragraph: 0, answers: ['Vistula'] },
      { question: 'What motor did Nikola Tesla design?', title: 'Tesla', paragraph: 0, answers: ['induction motor'] },
      { question: 'When did the Normans conquer England?', title: 'Normans', paragraph: 0, answers: ['1066'] },
    ];
    // when
    const report = leaveArticlesOut(knowledge, questions, { folds: 3, seed: 1 });
    // then
    expect(report.folds).toHaveLength(3);
    expect(report.outcomes).toHaveLength(9);
    expect(report.mean['oos-abstain']).toBe(1);
    expect(report.mean['false-abstain']).toBe(0);
    expect(report.mean['kept-hit@3']).toBe(1);
  });
});

describe('the plot page', () => {
  const outcome = (inScope: boolean, answered: boolean, goldRank: number, evidence: number): QuestionOutcome => ({
    inScope, answered, goldRank, evidence, confidence: answered ? 'high' : 'none',
  });
  const outcomes = [outcome(true, true, 0, 0.9), outcome(true, true, 1, 0.8), outcome(false, true, -1, 0.5), outcome(true, false, -1, 0.1)];

  it('draws precision against coverage as the evidence threshold falls', () => {
    expect(precisionCoverage(outcomes)).toEqual([
      { threshold: 0.9, coverage: 0.25, precision: 1 },
      { threshold: 0.8, coverage: 0.5, precision: 1 },
      { threshold: 0.5, coverage: 0.75, precision: 2 / 3 },
      { threshold: 0.1, coverage: 1, precision: 0.5 },
    ]);
  });

  it('counts gold ranks of in-scope questions, misses last', () => {
    expect(goldRankCounts(outcomes)).toEqual([{ rank: 1, count: 1 }, { rank: 2, count: 1 }, { rank: null, count: 1 }]);
  });

  it('is one HTML page with both pictures and the escaped title', () => {
    const page = plotPage('dev <questions>', outcomes, 'hit@1 1.000');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page.match(/<svg /g)).toHaveLength(2);
    expect(page).toContain('dev &lt;questions&gt;');
  });
});
